#!/usr/bin/env bash
# Wireshark's WBXML dissector, an independent decoder, reads our output: an HTTP POST carrying
# our WBXML (Content-Type application/vnd.syncml.dm+wbxml) is turned into a capture with
# text2pcap, and tshark must show every SyncML element of the original message, in order, with
# its text.
set -euo pipefail
command -v tshark >/dev/null && command -v text2pcap >/dev/null || { echo "tshark/text2pcap not installed: skipped"; exit 77; }
src=${SYNCMLDM_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SYNCMLDM_BIN:-$src/build/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for name in server-package2 windows-package1 client-package3-results; do
  xml="$src/testdata/messages/$name.xml"
  "$bin/syncml-encode" "$xml" -o "$work/$name.wbxml"
  python3 - "$work/$name.wbxml" "$work/$name.txt" <<'PY'
import sys
body = open(sys.argv[1], "rb").read()
req = (b"POST /dm HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/vnd.syncml.dm+wbxml\r\n"
       b"Content-Length: %d\r\n\r\n" % len(body)) + body
with open(sys.argv[2], "w") as f:
    for i in range(0, len(req), 16):
        f.write("%06x " % i + " ".join("%02x" % b for b in req[i:i + 16]) + "\n")
PY
  text2pcap -q -T 50000,80 "$work/$name.txt" "$work/$name.pcap"
  tshark -r "$work/$name.pcap" -V -O wbxml 2>/dev/null > "$work/$name.dissected"
  python3 - "$xml" "$work/$name.dissected" <<'PY' || failed=$((failed + 1))
import re, sys
import xml.etree.ElementTree as ET
expected = []
for e in ET.parse(sys.argv[1]).getroot().iter():
    expected.append(e.tag.split("}")[-1])
    if len(e) == 0 and e.text and e.text.strip():
        expected.append("'" + e.text + "'")
seen = []
for line in open(sys.argv[2], encoding="utf-8", errors="replace"):
    if "|" not in line:
        continue
    rendering = line.rsplit("|", 1)[1].strip()
    m = re.match(r"<([A-Za-z][\w.-]*)", rendering)
    if m and "Known Tag" in line and "END" not in line:
        seen.append(m.group(1))
    elif ("STR_I" in line or "OPAQUE" in line) and rendering.startswith("'"):
        seen.append(rendering)
if "WAP Binary XML" not in open(sys.argv[2], encoding="utf-8", errors="replace").read():
    sys.exit(f"{sys.argv[1]}: tshark did not dissect WBXML")
# tshark shows OPAQUE (CDATA) data differently; compare element names exactly and strings where shown.
names_expected = [x for x in expected if not x.startswith("'")]
names_seen = [x for x in seen if not x.startswith("'")]
if names_expected != names_seen:
    import difflib
    print("\n".join(difflib.unified_diff(names_expected, names_seen, "message", "tshark", lineterm="")))
    sys.exit(f"{sys.argv[1]}: element sequence differs")
strings_seen = set(x for x in seen if x.startswith("'"))
missing = [x for x in expected if x.startswith("'") and x not in strings_seen and "<" not in x and "&" not in x]
if missing:
    sys.exit(f"{sys.argv[1]}: strings not shown by tshark: {missing[:5]}")
print(f"{sys.argv[1].rsplit('/', 1)[1]}: {len(names_seen)} elements match")
PY
done
[ "$failed" -eq 0 ]
