#!/usr/bin/env bash
# WBXML string-table amplification: about 1.4 MB of WBXML (a 1 MiB string in the string table and
# 200,000 two-byte STR_T references to it) would expand to 200 GB. Every tool that decodes WBXML
# stops at the documented bound (string-table references expand a document at most 64 times its
# size plus 1 KiB) with exit 3 (dm-validate: a finding, exit 1) and the offset of the reference,
# in bounded time, output and memory: syncml-decode (streaming) and --dump, dm-validate, dm-tree apply, and dm-send with the
# bomb as a server reply well under --max-reply-size.
. "$(dirname "$0")/helpers.bash"
make_certs
TLS=(--cacert "$WORK/server.pem")

python3 - "$WORK/bomb.wbxml" <<'EOF'
import sys

def mb(n):
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.insert(0, 0x80 | (n & 0x7F))
        n >>= 7
    return bytes(out)

table = b"A" * (1 << 20) + b"\0"
# WBXML 1.2, SyncML 1.2 (0x1201), UTF-8, the table; <SyncML> holding the references.
doc = b"\x02\xa4\x01\x6a" + mb(len(table)) + table + b"\x6d" + b"\x83\x00" * 200000 + b"\x01"
open(sys.argv[1], "wb").write(doc)
EOF
size=$(stat -c %s "$WORK/bomb.wbxml")
limit=$((64 * (size + 1024)))
# The first reference past the limit: the body starts after 4 header bytes, 3 of table length,
# the table (1 MiB + 1) and the root tag.
first_refused=$((4 + 3 + 1048577 + 1 + 2 * (limit / 1048576)))
message="offset $first_refused: string table references would expand the document more than 64 times (over $limit bytes)"

# Peak resident memory in MB (GNU time), or "" when it cannot be measured; ASan builds keep a
# quarantine of freed memory and are not measured.
ASAN=0
ldd "$BIN/syncml-decode" 2>/dev/null | grep -q libasan && ASAN=1
ldd "$BIN/dm-validate" 2>/dev/null | grep -q libasan && ASAN=1
measure() {  # measure NAME MAX_MB [EXIT] -- command...: like expect_exit (3 unless said), then the peak RSS
  local name=$1 max=$2 want=3
  if [ "$3" != -- ]; then want=$3; shift; fi
  shift 3
  local got=0
  if [ -x /usr/bin/time ] && [ $ASAN = 0 ]; then
    timeout 60 /usr/bin/time -f %M -o "$WORK/rss" "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  else
    timeout 60 "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
    : >"$WORK/rss"
  fi
  if [ "$got" = "$want" ]; then pass "$name (exit $got)"; else fail "$name: exit $got, wanted $want"; head -5 "$WORK/err"; fi
  if [ -s "$WORK/rss" ]; then
    local kb
    kb=$(tail -1 "$WORK/rss")
    if [ $((kb / 1024)) -le "$max" ]; then pass "$name: peak memory $((kb / 1024)) MB (at most $max)"; else
      fail "$name: peak memory $((kb / 1024)) MB, more than $max"; fi
  else
    echo "ok - $name: memory not measured (no GNU time or an ASan build): skipped"
  fi
}

cd "$WORK"
measure "syncml-decode stops at the bound" 64 -- "$BIN/syncml-decode" bomb.wbxml
expect_grep "syncml-decode names the offset and the bound" "syncml-decode: bomb.wbxml: $message" "$WORK/err"
out=$(stat -c %s "$WORK/out")
[ "$out" -le $((limit + (1 << 20))) ] && pass "syncml-decode wrote $out bytes before stopping (bound $limit)" \
  || fail "syncml-decode wrote $out bytes, more than the bound $limit"
measure "syncml-decode -o stops at the bound" 64 -- "$BIN/syncml-decode" bomb.wbxml -o bomb.xml
[ ! -e bomb.xml ] && pass "-o leaves no file" || fail "-o left a file"
measure "syncml-decode --dump stops at the bound" 64 -- "$BIN/syncml-decode" --dump bomb.wbxml
expect_grep "--dump names the offset" "$message" "$WORK/err"

# dm-validate reports a document it cannot read as a finding (exit 1), as for every malformed one.
measure "dm-validate stops at the bound" 400 1 -- "$BIN/dm-validate" bomb.wbxml
expect_grep "dm-validate names the offset and the bound" "bomb.wbxml: ${message/: string/: error: string}" "$WORK/out"

"$BIN/dm-tree" init -o state.tnds 2>/dev/null
cp state.tnds state.before
measure "dm-tree apply stops at the bound" 400 -- "$BIN/dm-tree" apply state.tnds bomb.wbxml --in-place
expect_grep "dm-tree names the offset and the bound" "dm-tree: bomb.wbxml: $message" "$WORK/err"
cmp -s state.tnds state.before && pass "dm-tree left the state alone" || fail "dm-tree changed the state"

# The bomb as a server reply (1.4 MB, under the 16 MiB --max-reply-size): exit 3, as for any
# reply that does not decode, single package and session alike.
start_server --cert "$WORK/server.pem" --key "$WORK/server.key" --misbehave file --reply-file "$WORK/bomb.wbxml"
measure "dm-send: the bomb as a reply" 400 -- "$BIN/dm-send" "${TLS[@]}" "$URL" "$DATA/package1.xml"
expect_grep "dm-send names the reply and the bound" "reply: $message" "$WORK/err"
measure "dm-send --session: the bomb as a reply" 400 -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/s.tnds" "$URL"
expect_grep "dm-send --session names the reply and the bound" "reply: $message" "$WORK/err"
[ ! -e "$WORK/s.tnds" ] && pass "the failed session saved nothing" || fail "the failed session wrote a state"
stop_server
finish
