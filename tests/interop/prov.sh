#!/usr/bin/env bash
# Provisioning documents against independent WBXML implementations:
#  1. libwbxml's wbxml2xml reads our WBXML of testdata/prov/enrollment.xml to the same document;
#  2. we read xml2wbxml's WBXML (with and without its string table) to the same document;
#  3. Wireshark's dissector names every element of our WBXML, in order (when tshark is there).
# "The same document": the same elements with the same attributes, in order (canonical below).
set -euo pipefail
have_libwbxml=1 have_tshark=1
command -v wbxml2xml >/dev/null && command -v xml2wbxml >/dev/null || have_libwbxml=0
command -v tshark >/dev/null && command -v text2pcap >/dev/null || have_tshark=0
if [ $have_libwbxml = 0 ] && [ $have_tshark = 0 ]; then echo "libwbxml2-utils and tshark not installed: skipped"; exit 77; fi
src=${SYNCMLDM_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SYNCMLDM_BIN:-$src/build/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
doc="$src/testdata/prov/enrollment.xml"
canon() {  # file -> one line per element: depth, name, sorted attributes
  python3 - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET
def walk(e, depth):
    print(depth, e.tag, sorted(e.attrib.items()))
    for c in e:
        walk(c, depth + 1)
walk(ET.parse(sys.argv[1]).getroot(), 0)
PY
}
canon "$doc" > "$work/expected"
failed=0
"$bin/syncml-encode" "$doc" -o "$work/ours.wbxml"
if [ $have_libwbxml = 1 ]; then
  wbxml2xml -o "$work/lib.xml" "$work/ours.wbxml" >/dev/null 2>&1
  canon "$work/lib.xml" | diff "$work/expected" - || { echo "FAIL: wbxml2xml of our WBXML"; failed=1; }
  # Always with its string table: `datatype` (a Windows addition) has no token.
  for opts in "-v 1.2" "-v 1.3"; do
    # shellcheck disable=SC2086
    xml2wbxml $opts -o "$work/lib.wbxml" "$doc" >/dev/null 2>&1 || { echo "FAIL: xml2wbxml $opts"; failed=1; continue; }
    "$bin/syncml-decode" "$work/lib.wbxml" -o "$work/ours.xml"
    canon "$work/ours.xml" | diff "$work/expected" - || { echo "FAIL: our decoding of xml2wbxml $opts"; failed=1; }
  done
  echo "libwbxml: provisioning document read both ways"
else
  echo "libwbxml2-utils not installed: libwbxml part skipped"
fi
if [ $have_tshark = 1 ]; then
  python3 - "$work/ours.wbxml" "$work/ours.txt" <<'PY'
import sys
body = open(sys.argv[1], "rb").read()
req = (b"POST /prov HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/vnd.wap.connectivity-wbxml\r\n"
       b"Content-Length: %d\r\n\r\n" % len(body)) + body
with open(sys.argv[2], "w") as f:
    for i in range(0, len(req), 16):
        f.write("%06x " % i + " ".join("%02x" % b for b in req[i:i + 16]) + "\n")
PY
  text2pcap -q -T 50000,80 "$work/ours.txt" "$work/ours.pcap"
  tshark -r "$work/ours.pcap" -V -O wbxml 2>/dev/null > "$work/dissected"
  python3 - "$doc" "$work/dissected" <<'PY' || failed=1
import re, sys
import xml.etree.ElementTree as ET
expected = [e.tag for e in ET.parse(sys.argv[1]).getroot().iter()]
seen = []
for line in open(sys.argv[2], encoding="utf-8", errors="replace"):
    if "|" in line and "Known Tag" in line and "END" not in line:
        m = re.match(r"<([A-Za-z][\w.-]*)", line.rsplit("|", 1)[1].strip())
        if m:
            seen.append(m.group(1))
if expected != seen:
    sys.exit(f"tshark: element sequence differs ({len(seen)} seen, {len(expected)} expected)")
# Wireshark's page 1 table lacks the bare `value` start token (0x06) that ProvCont and libwbxml
# define, so attribute names are checked on page 0 only: type= of the first characteristic.
if "'CertificateStore'" not in open(sys.argv[2], encoding="utf-8", errors="replace").read():
    sys.exit("tshark: attribute values not shown")
print(f"tshark: {len(seen)} elements of the provisioning document named")
PY
else
  echo "tshark not installed: dissector part skipped"
fi
[ "$failed" -eq 0 ]
