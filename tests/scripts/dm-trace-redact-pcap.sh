#!/usr/bin/env bash
# dm-trace --redact on a pcap: the exchange of testdata/redact/stream.http (an XML request full of
# planted secrets, a WBXML reply) as TCP packets (text2pcap, a file per direction, mergecap),
# read through tshark, written as an HTTP stream with no planted secret left whose bodies still
# decode.
set -uo pipefail
src=${SYNCMLDM_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SYNCMLDM_BIN:-$src/build/bin}
for tool in tshark text2pcap mergecap; do
  command -v $tool >/dev/null || { echo "$tool missing (Debian package tshark): skipped"; exit 77; }
done
work=$(mktemp -d)
trap "[ -n \"${KEEP_WORK:-}\" ] || rm -rf \"$work\"" EXIT
export NO_COLOR=1 LC_ALL=C
fails=0
check() { if eval "$2"; then echo "ok - $1"; else echo "FAIL - $1"; fails=$((fails + 1)); fi; }

# The request and the response of the stream, each as one packet dump for text2pcap (the reply
# with Content-Length instead of chunks, as tshark would reassemble it anyway).
python3 - "$src/testdata/redact/stream.http" "$work" <<'PY'
import sys
data, work = open(sys.argv[1], "rb").read(), sys.argv[2]
split = data.index(b"HTTP/1.1 200 OK")
request, response = data[:split], data[split:]
head, _, chunked = response.partition(b"\r\n\r\n")
body, p = b"", 0
while True:
    eol = chunked.index(b"\r\n", p)
    n = int(chunked[p:eol], 16)
    if n == 0:
        break
    body += chunked[eol + 2:eol + 2 + n]
    p = eol + 2 + n + 2
head = head.replace(b"Transfer-Encoding: chunked", b"Content-Length: %d" % len(body))
def dump(data, t):
    out = ""
    for i in range(0, len(data), 16):
        out += (f"00:00:{t:09.6f}\n" if i == 0 else "") + f"{i:06x} " + " ".join(f"{b:02x}" for b in data[i:i + 16]) + "\n"
    return out + "\n"
open(f"{work}/client.txt", "w").write(dump(request, 1))
open(f"{work}/server.txt", "w").write(dump(head + b"\r\n\r\n" + body, 1.5))
PY
text2pcap -q -t "%H:%M:%S.%f" -4 10.0.0.2,10.0.0.1 -T 50000,80 "$work/client.txt" "$work/c.pcap" &&
  text2pcap -q -t "%H:%M:%S.%f" -4 10.0.0.1,10.0.0.2 -T 80,50000 "$work/server.txt" "$work/s.pcap" &&
  mergecap -w "$work/cap.pcapng" "$work/c.pcap" "$work/s.pcap" || { echo "cannot build the pcap"; exit 1; }

"$bin/dm-trace" --redact "$work/cap.pcapng" -o "$work/out.http" 2>"$work/err"
rc=$?
check "--redact of a pcap: exit 0 and a note that it is now HTTP" \
  '[ $rc = 0 ] && grep -q "a pcap is written as an HTTP stream" "$work/err"'
check "the capture held the planted secrets" \
  'grep -a -q -E "Secret[A-Za-z]*[0-9]{4}" "$work/cap.pcapng"'
check "no planted secret is left" '! grep -a -q -E "Secret[A-Za-z]*[0-9]{4}" "$work/out.http"'
check "two messages, as HTTP" '[ "$(grep -a -c -E "^(POST|HTTP/1.1 200)" "$work/out.http")" = 2 ]'
"$bin/dm-trace" --format json "$work/out.http" >"$work/out.json" 2>"$work/err2"
check "the redacted stream still reads: its two messages decode (XML and WBXML)" \
  'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); m=[x[\"encoding\"] for s in d[\"sessions\"] for x in s[\"messages\"]]; sys.exit(0 if sorted(m) == [\"wbxml\", \"xml\"] else 1)" "$work/out.json"'
[ $fails = 0 ] && echo "all passed" || { cat "$work/err" "$work/err2"; echo "$fails failed"; }
[ $fails = 0 ]
