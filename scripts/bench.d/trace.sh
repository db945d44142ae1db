# dm-trace benchmark: a generated HAR of 10,000 sessions (about 200 MB; every fourth session's
# bodies in Base64) read by dm-trace (text out, to /dev/null), side by side with jq walking the
# same file (jq -c '.log.entries[]' > /dev/null). Input MB/s by wall and by CPU time (dm-trace
# decodes on a second thread when there are two CPUs, so the two differ), and peak memory; the
# ratios say how much faster dm-trace gets through the file than jq does.
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

def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def best(cmd, runs=3):
    """Best wall and CPU time (user + system) of `runs`; peak resident memory of the children so far."""
    walls, cpus = [], []
    for _ in range(runs):
        c0, t0 = cpu(), time.perf_counter()
        subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - t0)
        cpus.append(cpu() - c0)
    return min(walls), min(cpus), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

def show(label, wall, cpu_s, rss=None):
    peak = f"  peak {rss:.0f} MB" if rss is not None else ""
    print(f"{label:<36} {size / cpu_s / 1e6:6.0f} MB/s CPU {cpu_s:6.2f} s  {size / wall / 1e6:6.0f} MB/s wall {wall:6.2f} s{peak}")

print(f"input: {size / 1e6:.0f} MB HAR; load average {os.getloadavg()[0]:.1f}")
w, c, r = best(f"dm-trace -q '{har}'")
show("dm-trace (text)", w, c, r)
trace_wall, trace_cpu = w, c
w, c, _ = best(f"dm-trace -q --format jsonl '{har}'")
show("dm-trace --format jsonl", w, c)
w, c, r = best(f"jq -c '.log.entries[]' '{har}'", runs=1)
show("jq -c '.log.entries[]'", w, c, r)
print(f"dm-trace / jq: wall time {trace_wall / w:.2f}, CPU time {trace_cpu / c:.2f} (jq takes {w / trace_wall:.1f}x "
      f"as long, {c / trace_cpu:.1f}x the CPU); target: >= 200 MB/s, faster than jq")
PY
