# dm-tree benchmark: loading a 100,000-node DDF, and applying a 10,000-command package.
# Run by scripts/bench (PATH has our tools, BENCH_WORK is a scratch folder). Targets: DDF load at
# least 100 MB/s of DDF XML; apply at least 200,000 commands/s.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${BENCH_WORK:-$(mktemp -d)}
gen="python3 $root/scripts/lib/gen-dm-tree-bench.py"
export SOURCE_DATE_EPOCH=1767225600

$gen ddf 100000 "$work/bench.ddf.xml"
$gen package 10000 "$work/bench-package.xml"
# A 100-node DDF of the same shape: the fixed cost (process start, standard objects).
$gen ddf 100 "$work/tiny.ddf.xml"
dm-tree init --ddf "$root/testdata/ddf/policy-like.ddf.xml" -o "$work/state.xml"
# The same state with an empty package: the fixed cost of apply (state read, response write).
python3 - "$work/bench-package.xml" "$work/empty-package.xml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
open(sys.argv[2], "w").write(re.sub(r"<SyncBody>.*<Final/>", "<SyncBody><Final/>", text, flags=re.S))
PY

python3 - "$root/scripts/lib/bench-run.py" "$work" <<'PY'
import json, os, subprocess, sys
runner, work = sys.argv[1], sys.argv[2]
p = lambda n: os.path.join(work, n)
def bench(runs, *cmd):
    out = subprocess.run([sys.executable, runner, str(runs), "--", *cmd], capture_output=True, text=True, check=True).stdout
    return json.loads(out)
ddf_bytes = os.path.getsize(p("bench.ddf.xml"))
# describe loads the whole schema, looks one node up and prints a few lines.
load = bench(5, "dm-tree", "describe", "--ddf", p("bench.ddf.xml"), "./Vendor/MSFT/BenchCSP/Area7/Setting3")
base = bench(5, "dm-tree", "describe", "--ddf", p("tiny.ddf.xml"), "./Vendor/MSFT/BenchCSP/Area0/Setting3")
apply = bench(5, "dm-tree", "apply", p("state.xml"), p("bench-package.xml"))
empty = bench(5, "dm-tree", "apply", p("state.xml"), p("empty-package.xml"))
pkg_bytes = os.path.getsize(p("bench-package.xml"))
fmt = "{:<52} {:>10} {:>10} {:>12} {:>12}"
print(f"inputs: DDF of 100,000 nodes, {ddf_bytes:,} bytes; package of 10,000 commands (2,500 each of Add,")
print(f"        Replace, Get, Delete under a schema-checked dynamic area), {pkg_bytes:,} bytes")
print()
print("Best of 5 runs; CPU = user + system time of the process.")
print(fmt.format("run", "wall", "CPU", "rate wall", "rate CPU"))
def mb(r, key): return f"{ddf_bytes / r[key] / 1e6:.0f} MB/s"
def cps(r, key, base): return f"{10000 / max(r[key] - base[key], 1e-6):,.0f} cmd/s"
print(fmt.format("dm-tree describe --ddf (100,000-node DDF)", f"{load['best']*1000:.0f} ms", f"{load['cpu']*1000:.0f} ms",
                 mb(load, "best"), mb(load, "cpu")))
print(fmt.format("  same, DDF time only (minus a 100-node DDF run)", f"{(load['best']-base['best'])*1000:.0f} ms",
                 f"{(load['cpu']-base['cpu'])*1000:.0f} ms",
                 f"{ddf_bytes / max(load['best']-base['best'], 1e-6) / 1e6:.0f} MB/s",
                 f"{ddf_bytes / max(load['cpu']-base['cpu'], 1e-6) / 1e6:.0f} MB/s"))
zero = {"best": 0.0, "cpu": 0.0}
print(fmt.format("dm-tree apply (10,000 commands, whole process)", f"{apply['best']*1000:.0f} ms", f"{apply['cpu']*1000:.0f} ms",
                 cps(apply, "best", zero), cps(apply, "cpu", zero)))
print(fmt.format("  same, commands only (minus an empty package run)", f"{(apply['best']-empty['best'])*1000:.0f} ms",
                 f"{(apply['cpu']-empty['cpu'])*1000:.0f} ms", cps(apply, "best", empty), cps(apply, "cpu", empty)))
print()
print(f"peak RSS: DDF load {load['rss_kb']/1024:.0f} MB, apply {apply['rss_kb']/1024:.0f} MB")
print("targets: DDF load >= 100 MB/s; apply >= 200,000 commands/s (parse, execute and write the response)")
PY
