#!/usr/bin/env bash
# Every bad package 0 in testdata/hostile/trigger/ makes dm-trigger show fail cleanly: exit 3, the
# exact message in NAME.expected ("dm-trigger: file: offset N: what"), no crash, no hang (10 s
# guard); dm-send --trigger refuses the same file with exit 3 before it connects anywhere.
set -uo pipefail
src=${SYNCMLDM_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SYNCMLDM_BIN:-$src/build/bin}
cd "$src/testdata/hostile/trigger"
failed=0 cases=0
for input in *.bin; do
  cases=$((cases + 1))
  expected="3|$(cat "${input%.bin}.expected")"
  err=$(timeout 10 "$bin/dm-trigger" show "$input" 2>&1 >/dev/null)
  actual="$?|$err"
  if [ "$actual" != "$expected" ]; then
    printf 'FAIL %s\n  expected: %s\n  actual:   %s\n' "$input" "$expected" "$actual"
    failed=$((failed + 1))
  fi
  # The session never starts: the state need not exist, nothing is sent (port 9 is never tried).
  code=0
  timeout 10 "$bin/dm-send" --session --no-save --state /nonexistent/dev.tnds --trigger "$input" \
    https://127.0.0.1:9/dm >/dev/null 2>&1 || code=$?
  if [ "$code" != 3 ]; then
    echo "FAIL $input (dm-send --trigger): exit $code, wanted 3"
    failed=$((failed + 1))
  fi
done
echo "$cases hostile triggers, $failed failed"
[ "$cases" -gt 0 ] && [ "$failed" -eq 0 ]
