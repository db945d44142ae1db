# dm-trace benchmark: a generated HAR of 10,000 sessions (about 200 MB; every fourth session's
# bodies in Base64) read by dm-trace (text out, to /dev/null), side by side with jq walking the
# same file (jq -c '.log.entries[]' > /dev/null). Input MB/s by wall time and peak memory; the
# ratio says how much faster dm-trace gets through the file than jq does.
# Run by scripts/bench (PATH has our tools, BENCH_WORK is a scratch folder).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${BENCH_WORK:-$(mktemp -d)}
SESSIONS=${TRACE_BENCH_SESSIONS:-10000}
MB=${TRACE_BENCH_MB:-200}
har="$work/bench.har"
python3 "$root/scripts/lib/gen-trace-har.py" "$har" "$SESSIONS" "$MB"

python3 - "$har" <<'PY'
import os, resource, subprocess, sys, time
har = sys.argv[1]
size = os.path.getsize(har)

def best(cmd, runs=3):
    """Best wall time of `runs` and the peak resident memory of the children (KiB)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return min(times), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

print(f"input: {size / 1e6:.0f} MB HAR")
t_trace, rss_trace = best(f"dm-trace -q '{har}'")
print(f"{'dm-trace (text, sessions rebuilt)':<40} {size / t_trace / 1e6:8.0f} MB/s  {t_trace:6.2f} s  peak {rss_trace / 1024:.0f} MB")
t_json, _ = best(f"dm-trace -q --format jsonl '{har}'")
print(f"{'dm-trace --format jsonl':<40} {size / t_json / 1e6:8.0f} MB/s  {t_json:6.2f} s")
t_jq, rss_jq = best(f"jq -c '.log.entries[]' '{har}'", runs=1)
print(f"{'jq -c .log.entries[]':<40} {size / t_jq / 1e6:8.0f} MB/s  {t_jq:6.2f} s  peak {rss_jq / 1024:.0f} MB (all children so far)")
print(f"dm-trace is {t_jq / t_trace:.1f}x faster than jq on the same file (target: >= 200 MB/s and faster than jq)")
PY
