#!/usr/bin/env bash
# dm-trace on pcap captures built for the test: the exchanges recorded in
# testdata/trace/session-wbxml.har (dm-send --har against the test server) written as TCP packets
# with text2pcap (one packet per HTTP message, a file per direction, merged with mergecap), read
# through tshark. The sessions must be those read from the HAR itself. Also: another port (with
# and without --port), a capture without HTTP, a file tshark cannot read, and tshark missing from PATH.
set -uo pipefail
src=${SYNCMLDM_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SYNCMLDM_BIN:-$src/build/bin}
for tool in tshark text2pcap mergecap; do
  command -v $tool >/dev/null || { echo "$tool missing (Debian package tshark): skipped"; exit 77; }
done
work=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT
export NO_COLOR=1 LC_ALL=C
fails=0 checks=0
pass() { checks=$((checks + 1)); echo "ok - $1"; }
fail() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL - $1"; }

# dumps PORT: client.txt and server.txt, text2pcap input with a time before each packet.
dumps() {
  python3 - "$src/testdata/trace/session-wbxml.har" "$work" <<'PY'
import base64, json, sys
har, work = sys.argv[1], sys.argv[2]
entries = json.load(open(har))["log"]["entries"]
def body(part):
    return base64.b64decode(part["text"]) if part.get("encoding") == "base64" else part["text"].encode()
def head(start, headers, length):
    lines = [start] + [f"{h['name']}: {length if h['name'].lower() == 'content-length' else h['value']}" for h in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()
def dump(data, t):
    out = ""
    for i in range(0, len(data), 16):
        prefix = f"00:00:{t:09.6f}\n" if i == 0 else ""
        out += prefix + f"{i:06x} " + " ".join(f"{b:02x}" for b in data[i:i + 16]) + "\n"
    return out + "\n"
client = server = ""
for n, e in enumerate(entries):
    q, r = e["request"], e["response"]
    qb, rb = body(q["postData"]), body(r["content"])
    path = "/" + q["url"].split("/", 3)[3]
    client += dump(head(f"POST {path} HTTP/1.1", q["headers"], len(qb)) + qb, 1 + n)
    server += dump(head(f"HTTP/1.1 {r['status']} {r['statusText']}", r["headers"], len(rb)) + rb, 1.5 + n)
open(f"{work}/client.txt", "w").write(client)
open(f"{work}/server.txt", "w").write(server)
PY
}
# pcap PORT OUT: the two directions on TCP port PORT, merged.
pcap() {
  text2pcap -q -t "%H:%M:%S.%f" -4 10.0.0.2,10.0.0.1 -T 50000,"$1" "$work/client.txt" "$work/c.pcap" &&
    text2pcap -q -t "%H:%M:%S.%f" -4 10.0.0.1,10.0.0.2 -T "$1",50000 "$work/server.txt" "$work/s.pcap" &&
    mergecap -w "$2" "$work/c.pcap" "$work/s.pcap"
}
# The commands of a --format json document without the times (a pcap has its own).
commands() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print(json.dumps([[{k: v for k, v in c.items() if k != "ms"} for c in s["commands"]] for s in d["sessions"]], indent=1))' "$1"
}

dumps || { echo "cannot write the dumps"; exit 1; }
pcap 80 "$work/http.pcapng" 2>"$work/err" || { cat "$work/err"; echo "text2pcap failed"; exit 1; }
"$bin/dm-trace" --format json "$src/testdata/trace/session-wbxml.har" >"$work/har.json"
commands "$work/har.json" >"$work/har.commands"
if "$bin/dm-trace" --format json "$work/http.pcapng" >"$work/pcap.json" 2>"$work/err"; then
  commands "$work/pcap.json" >"$work/pcap.commands"
  if cmp -s "$work/har.commands" "$work/pcap.commands" && [ "$(wc -l <"$work/har.commands")" -gt 20 ]; then
    pass "pcap (WBXML over HTTP, port 80): the sessions of the HAR"
  else
    fail "pcap and HAR differ"; diff "$work/har.commands" "$work/pcap.commands" | head -20
  fi
else
  fail "dm-trace on a pcap: exit $?"; cat "$work/err"
fi
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if all(c["ms"] is not None for s in d["sessions"] for c in s["commands"]) else 1)' \
  "$work/pcap.json" && pass "round times from tshark's http.time" || fail "pcap: commands without a time"

pcap 4711 "$work/other.pcapng" 2>/dev/null
# tshark's heuristics find plain HTTP on any port; --port makes it certain (and is what HTTPS needs).
"$bin/dm-trace" --format json "$work/other.pcapng" >"$work/any.json" 2>"$work/err" && commands "$work/any.json" >"$work/any.commands" &&
  cmp -s "$work/har.commands" "$work/any.commands" && pass "port 4711 found by tshark's heuristics" || { fail "port 4711"; cat "$work/err"; }
"$bin/dm-trace" --format json --port 4711 "$work/other.pcapng" >"$work/port.json" 2>"$work/err" && commands "$work/port.json" >"$work/port.commands" &&
  cmp -s "$work/har.commands" "$work/port.commands" && pass "--port 4711 reads it" || { fail "--port 4711"; cat "$work/err"; }

printf '00:00:01.0\n000000 01 02 03 04\n\n' >"$work/udp.txt"
text2pcap -q -t "%H:%M:%S.%f" -u 5000,5001 "$work/udp.txt" "$work/udp.pcapng" 2>/dev/null
"$bin/dm-trace" "$work/udp.pcapng" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 3 ] && grep -q "udp.pcapng: the capture holds no HTTP" "$work/err" && pass "pcap without HTTP: exit 3 with its name" ||
  { fail "pcap without HTTP: exit $rc"; cat "$work/err"; }

head -c 40 "$work/http.pcapng" >"$work/cut.pcapng"
printf '\x0a\x0d\x0d\x0a garbage that is no block' >"$work/bad.pcapng"
"$bin/dm-trace" "$work/bad.pcapng" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 3 ] && grep -q "bad.pcapng: tshark failed" "$work/err" && pass "tshark failing: exit 3, tshark's reason" ||
  { fail "tshark failing: exit $rc"; cat "$work/err"; }

mkdir "$work/nobin"
ln -s "$(command -v python3)" "$work/nobin/python3"
PATH="$work/nobin" "$bin/dm-trace" "$work/http.pcapng" >/dev/null 2>"$work/err"
rc=$?
[ $rc = 3 ] && grep -q "needs tshark.*Debian package 'tshark'" "$work/err" && pass "tshark missing: exit 3, names the package" ||
  { fail "tshark missing: exit $rc"; cat "$work/err"; }

echo "$((checks - fails)) passed, $fails failed"
[ $fails = 0 ]
