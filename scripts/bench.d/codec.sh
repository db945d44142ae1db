# Codec benchmark: syncml-encode / syncml-decode side by side with libwbxml's xml2wbxml / wbxml2xml.
# Run by scripts/bench (PATH has our tools, BENCH_WORK is a scratch folder).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${BENCH_WORK:-$(mktemp -d)}
gen="python3 $root/scripts/lib/gen-dm-message.py"
run="python3 $root/scripts/lib/bench-run.py"
have_libwbxml=1
command -v xml2wbxml >/dev/null && command -v wbxml2xml >/dev/null || have_libwbxml=0

$gen 1000000 "$work/1m.xml"
$gen 1000000 "$work/1m-compact.xml" --compact
$gen 20000000 "$work/20m.xml"
$gen 20000000 "$work/20m-compact.xml" --compact
# Token-dense: a device's reply of Status and Results with values of a few characters.
$gen 20000000 "$work/20m-dense.xml" --dense
$gen 20000000 "$work/20m-dense-compact.xml" --dense --compact
# A 1 MB provisioning document (wap-provisioningdoc), and one without Windows' datatype
# attribute for libwbxml's encoder (see scripts/lib/gen-prov-doc.py).
python3 "$root/scripts/lib/gen-prov-doc.py" 1000000 "$work/prov1m.xml"
python3 "$root/scripts/lib/gen-prov-doc.py" 1000000 "$work/prov1m-plain.xml" --no-datatype
syncml-encode "$work/prov1m.xml" -o "$work/prov1m.wbxml"
syncml-encode "$work/1m.xml" -o "$work/1m.wbxml"
syncml-encode "$work/20m.xml" -o "$work/20m.wbxml"
syncml-encode "$work/20m-dense.xml" -o "$work/20m-dense.wbxml"
syncml-encode "$root/testdata/messages/windows-package1.xml" -o "$work/small.wbxml"
# The inputs just written (some 90 MB) go to disk first: timing while the kernel writes them back
# would slow whichever tool runs first.
sync
# The floor of a per-process figure: a program that does nothing, linked statically, started the
# same way as the tools (needs a C compiler; left out without one).
floor=""
if printf 'int main(void) { return 0; }\n' | cc -O2 -static -x c - -o "$work/empty-static" 2>/dev/null; then
  floor="$work/empty-static"
fi

BENCH_RUN="$root/scripts/lib/bench-run.py" python3 - "$work" "$have_libwbxml" "$floor" <<'PY'
import json, os, subprocess, sys
work, have_lib, floor_exe = sys.argv[1], sys.argv[2] == "1", sys.argv[3]
def bench(runs, *cmd):
    out = subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(os.environ["BENCH_RUN"])), "bench-run.py"), str(runs), "--", *cmd],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)
def size(name): return os.path.getsize(os.path.join(work, name))
def mbps(nbytes, secs): return nbytes / secs / 1e6
p = lambda n: os.path.join(work, n)
rows = []
# Every tool writes to standard output (discarded), so no run pays for flushing a file to disk.
# Ours and libwbxml's tools get the same number of runs at 1 MB: the best of more runs is luckier.
RUNS_1MB = 20
enc1 = bench(RUNS_1MB, "syncml-encode", p("1m-compact.xml"))
enc1i = bench(RUNS_1MB, "syncml-encode", p("1m.xml"))
dec1 = bench(RUNS_1MB, "syncml-decode", p("1m.wbxml"))
enc20 = bench(3, "syncml-encode", p("20m.xml"))
dec20 = bench(3, "syncml-decode", p("20m.wbxml"))
encd = bench(3, "syncml-encode", p("20m-dense.xml"))
encdc = bench(3, "syncml-encode", p("20m-dense-compact.xml"))
decd = bench(3, "syncml-decode", p("20m-dense.wbxml"))
small = bench(200, "syncml-decode", p("small.wbxml"))
penc = bench(RUNS_1MB, "syncml-encode", p("prov1m.xml"))
pencp = bench(RUNS_1MB, "syncml-encode", p("prov1m-plain.xml"))
pdec = bench(RUNS_1MB, "syncml-decode", p("prov1m.wbxml"))
print(f"inputs: 1 MB message {size('1m.xml'):,} bytes indented / {size('1m-compact.xml'):,} compact -> {size('1m.wbxml'):,} bytes WBXML;")
print(f"        20 MB message {size('20m.xml'):,} bytes indented -> {size('20m.wbxml'):,} bytes WBXML")
print(f"        20 MB token-dense message {size('20m-dense.xml'):,} bytes indented / {size('20m-dense-compact.xml'):,} "
      f"compact -> {size('20m-dense.wbxml'):,} bytes WBXML")
print()
fmt = "{:<40} {:>10} {:>10} {:>9} {:>9} {:>9}"
print("Best of several runs. Wall time suffers when other work shares the machine; CPU time")
print("(user + system of the process) does much less, so ratios are given for both.")
print(fmt.format("run", "wall", "CPU", "MB/s wall", "MB/s CPU", "peak RSS"))
def line(name, r, nbytes):
    print(fmt.format(name, f"{r['best']*1000:.1f} ms", f"{r['cpu']*1000:.1f} ms", f"{mbps(nbytes, r['best']):.0f}",
                     f"{mbps(nbytes, r['cpu']):.0f}", f"{r['rss_kb']/1024:.1f} MB"))
line("syncml-encode 1 MB (compact XML)", enc1, size("1m-compact.xml"))
line("syncml-encode 1 MB (indented XML)", enc1i, size("1m.xml"))
if have_lib:
    lenc1 = bench(RUNS_1MB, "xml2wbxml", "-n", "-v", "1.2", "-o", "-", p("1m-compact.xml"))
    line("xml2wbxml -n -v 1.2 1 MB (compact XML)", lenc1, size("1m-compact.xml"))
line("syncml-decode 1 MB", dec1, size("1m.wbxml"))
if have_lib:
    ldec1 = bench(RUNS_1MB, "wbxml2xml", "-o", "-", p("1m.wbxml"))
    line("wbxml2xml 1 MB", ldec1, size("1m.wbxml"))
line("syncml-encode 1 MB provisioning doc", penc, size("prov1m.xml"))
line("syncml-encode 1 MB prov, no datatype", pencp, size("prov1m-plain.xml"))
if have_lib:
    lpenc = bench(RUNS_1MB, "xml2wbxml", "-n", "-v", "1.2", "-o", "-", p("prov1m-plain.xml"))
    line("xml2wbxml -n 1 MB prov, no datatype", lpenc, size("prov1m-plain.xml"))
line("syncml-decode 1 MB provisioning doc", pdec, size("prov1m.wbxml"))
if have_lib:
    lpdec = bench(RUNS_1MB, "wbxml2xml", "-o", "-", p("prov1m.wbxml"))
    line("wbxml2xml 1 MB provisioning doc", lpdec, size("prov1m.wbxml"))
line("syncml-encode 20 MB (indented XML)", enc20, size("20m.xml"))
line("syncml-decode 20 MB", dec20, size("20m.wbxml"))
line("syncml-encode 20 MB dense (indented)", encd, size("20m-dense.xml"))
line("syncml-encode 20 MB dense (compact)", encdc, size("20m-dense-compact.xml"))
line("syncml-decode 20 MB dense", decd, size("20m-dense.wbxml"))
print()
if have_lib:
    print(f"encode 1 MB: {lenc1['best']/enc1['best']:.1f}x faster than xml2wbxml by wall time, "
          f"{lenc1['cpu']/enc1['cpu']:.1f}x by CPU time (target >= 20x); "
          f"peak RSS {enc1['rss_kb']/1024:.1f} MB vs {lenc1['rss_kb']/1024:.1f} MB")
    print(f"decode 1 MB: {ldec1['best']/dec1['best']:.1f}x faster than wbxml2xml by wall time, "
          f"{ldec1['cpu']/dec1['cpu']:.1f}x by CPU time (target >= 5x); "
          f"peak RSS {dec1['rss_kb']/1024:.1f} MB vs {ldec1['rss_kb']/1024:.1f} MB")
if have_lib:
    print(f"provisioning 1 MB: encode {lpenc['best']/pencp['best']:.1f}x faster than xml2wbxml -n by wall time, "
          f"{lpenc['cpu']/pencp['cpu']:.1f}x by CPU (target >= 20x); decode {lpdec['best']/pdec['best']:.1f}x faster "
          f"than wbxml2xml by wall time, {lpdec['cpu']/pdec['cpu']:.1f}x by CPU (target >= 5x)")
print(f"20 MB: encode {mbps(size('20m.xml'), enc20['best']):.0f} MB/s wall, {mbps(size('20m.xml'), enc20['cpu']):.0f} MB/s CPU; "
      f"decode {mbps(size('20m.wbxml'), dec20['best']):.0f} MB/s wall, {mbps(size('20m.wbxml'), dec20['cpu']):.0f} MB/s CPU "
      f"(of input; target >= 300)")
print(f"20 MB token-dense: encode {mbps(size('20m-dense.xml'), encd['best']):.0f} MB/s wall, "
      f"{mbps(size('20m-dense.xml'), encd['cpu']):.0f} MB/s CPU (compact XML: {mbps(size('20m-dense-compact.xml'), encdc['best']):.0f} / "
      f"{mbps(size('20m-dense-compact.xml'), encdc['cpu']):.0f}); decode {mbps(size('20m-dense.wbxml'), decd['best']):.0f} MB/s wall, "
      f"{mbps(size('20m-dense.wbxml'), decd['cpu']):.0f} MB/s CPU (of input; target >= 300)")
print(f"linearity (20 MB time / 1 MB time, sizes x{size('20m.xml')/size('1m.xml'):.0f}; target <= 25): "
      f"encode {enc20['best']/enc1i['best']:.1f} wall / {enc20['cpu']/enc1i['cpu']:.1f} CPU, "
      f"decode {dec20['best']/dec1['best']:.1f} wall / {dec20['cpu']/dec1['cpu']:.1f} CPU")
print(f"small message ({size('small.wbxml')} bytes WBXML) decoded per process: "
      f"best {small['best']*1000:.2f} ms wall, median {small['median']*1000:.2f} ms, {small['cpu']*1000:.2f} ms CPU "
      f"(target < 2 ms)")
if floor_exe:
    fl = bench(200, floor_exe)
    print(f"process floor (an empty statically linked C program, started the same way): "
          f"best {fl['best']*1000:.2f} ms wall, median {fl['median']*1000:.2f} ms, {fl['cpu']*1000:.2f} ms CPU")
    if have_lib:
        print(f"  so at best xml2wbxml / floor = {lenc1['best']/fl['best']:.1f}x by wall time "
              f"({lenc1['cpu']/max(fl['cpu'], 1e-4):.1f}x by CPU) for a 1 MB encode that took no time at all")
print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
PY
