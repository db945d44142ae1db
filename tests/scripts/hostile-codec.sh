#!/usr/bin/env bash
# Every bad input in testdata/hostile/codec/ makes syncml-decode fail cleanly: exit 3, the exact
# message in NAME.expected ("syncml-decode: file: offset N: what"), no crash, no hang (10 s guard)
# and bounded memory (256 MB address-space limit, far above what a small input needs).
# XML inputs go through syncml-encode too, which must fail the same way; --dump must exit 0 or 3.
set -uo pipefail
src=${SYNCMLDM_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SYNCMLDM_BIN:-$src/build/bin}
cd "$src/testdata/hostile/codec"
failed=0 cases=0
# AddressSanitizer reserves terabytes of address space for its shadow memory: no limit there.
limit=262144
if ldd "$bin/syncml-decode" 2>/dev/null | grep libasan >/dev/null; then limit=unlimited; fi
run() {  # tool file -> "exit|stderr"
  local err
  err=$( (ulimit -v $limit; timeout 10 "$bin/$1" "$2" 2>&1 >/dev/null) )
  echo "$?|$err"
}
for input in *; do
  case "$input" in *.expected | *.exit) continue ;; esac
  expected_file="${input%.*}.expected"
  if [ ! -f "$expected_file" ]; then echo "FAIL $input: no $expected_file"; failed=$((failed + 1)); continue; fi
  cases=$((cases + 1))
  # NAME.exit, when present, holds another exit status: bytes after a whole WBXML document are a
  # note (exit 0), not an error.
  status=3
  if [ -f "${input%.*}.exit" ]; then status=$(cat "${input%.*}.exit"); fi
  expected="$status|$(cat "$expected_file")"
  actual=$(run syncml-decode "$input")
  if [ "$actual" != "$expected" ]; then
    printf 'FAIL %s\n  expected: %s\n  actual:   %s\n' "$input" "$expected" "$actual"
    failed=$((failed + 1))
  fi
  # The token dump reads the same bytes: it may show what decoding refuses, but never crashes.
  dump=$( (ulimit -v $limit; timeout 10 "$bin/syncml-decode" --dump "$input" >/dev/null 2>&1); echo $?)
  if [ "$dump" != 0 ] && [ "$dump" != 3 ]; then
    echo "FAIL $input (--dump): exit $dump"
    failed=$((failed + 1))
  fi
  if [[ "$input" == *.xml ]]; then
    actual=$(run syncml-encode "$input")
    if [ "$actual" != "${expected/syncml-decode:/syncml-encode:}" ]; then
      printf 'FAIL %s (encode)\n  expected: %s\n  actual:   %s\n' "$input" "${expected/syncml-decode:/syncml-encode:}" "$actual"
      failed=$((failed + 1))
    fi
  fi
done
# A large file (read whole into memory, where syncml-encode leaves the UTF-8 check to its encoder)
# that is not UTF-8 is refused as a small one is: the input layer's message with its iconv line,
# also when a control character comes first, where the encoder alone would stop. With -v the
# input is checked before the notes, and the message is the same.
big=$(mktemp)
trap 'rm -f "$big"' EXIT
python3 - "$big" <<'PY'
import sys
body = "".join(f"<Status><CmdID>{i}</CmdID></Status>" for i in range(20000))
text = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Data>\x01</Data>' + body + '<Data>caf\xe9</Data></SyncBody></SyncML>'
open(sys.argv[1], "wb").write(text.encode("latin-1"))
PY
for v in "" -v; do
  err=$( (ulimit -v $limit; timeout 10 "$bin/syncml-encode" $v "$big" 2>&1 >/dev/null) )
  code=$?
  cases=$((cases + 1))
  case "$err" in
    *"not UTF-8 (byte 0xE9); if the text is ISO-8859-1 or windows-1252, convert it with: iconv"*) ;;
    *) err="wrong message: $err" ;;
  esac
  if [ $code != 3 ] || [[ "$err" == "wrong message"* ]]; then
    printf 'FAIL large non-UTF-8 file %s: exit %s\n  %s\n' "$v" "$code" "$err"
    failed=$((failed + 1))
  fi
done
echo "hostile codec inputs: $cases cases, $failed failures"
[ "$failed" -eq 0 ] && [ "$cases" -ge 40 ]
