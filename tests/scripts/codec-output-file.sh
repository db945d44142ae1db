#!/usr/bin/env bash
# syncml-encode / syncml-decode -o: the output is written in pieces into a temporary file beside
# the target and renamed over it at the end. The file must hold what stdout would get, keep the
# permissions of the file it replaces, and stay untouched, with no temporary file left, when the
# input fails late (after output was written) or is truncated by another process while mapped.
set -euo pipefail
bin=${SYNCMLDM_BIN:?}
src=${SYNCMLDM_SOURCE:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

no_temporaries() {
  local left
  left=$(find "$work" -name '*.tmp*')
  if [ -n "$left" ]; then echo "$1: temporary file left behind: $left"; exit 1; fi
}

# Whole outputs: the same bytes as on stdout; a new file follows the umask, a replaced one keeps
# its mode.
python3 "$src/scripts/lib/gen-dm-message.py" 3000000 "$work/m.xml"
"$bin/syncml-encode" "$work/m.xml" > "$work/stdout.wbxml"
(umask 077 && "$bin/syncml-encode" "$work/m.xml" -o "$work/m.wbxml")
cmp "$work/stdout.wbxml" "$work/m.wbxml"
[ "$(stat -c %a "$work/m.wbxml")" = 600 ] || { echo "new file mode $(stat -c %a "$work/m.wbxml") under umask 077"; exit 1; }
(umask 022 && "$bin/syncml-encode" "$work/m.xml" -o "$work/m2.wbxml")
[ "$(stat -c %a "$work/m2.wbxml")" = 644 ] || { echo "new file mode $(stat -c %a "$work/m2.wbxml") under umask 022"; exit 1; }
"$bin/syncml-decode" "$work/m.wbxml" > "$work/stdout.xml"
printf 'old\n' > "$work/out.xml"
chmod 600 "$work/out.xml"
"$bin/syncml-decode" "$work/m.wbxml" -o "$work/out.xml"
cmp "$work/stdout.xml" "$work/out.xml"
[ "$(stat -c %a "$work/out.xml")" = 600 ] || { echo "replaced file mode $(stat -c %a "$work/out.xml")"; exit 1; }
no_temporaries "whole outputs"

# A late error: the decoder has written megabytes of XML into the temporary file by then.
size=$(stat -c %s "$work/m.wbxml")
head -c $((size - 3)) "$work/m.wbxml" > "$work/cut.wbxml"
printf 'old\n' > "$work/out.xml"
status=0
"$bin/syncml-decode" "$work/cut.wbxml" -o "$work/out.xml" 2> "$work/err" || status=$?
[ "$status" = 3 ] || { echo "late error: exit $status"; cat "$work/err"; exit 1; }
[ "$(cat "$work/out.xml")" = old ] || { echo "late error: the target was changed"; exit 1; }
no_temporaries "late error"

# A mapped input (over 8 MiB) truncated while it is decoded: the tool ends with exit 3 and
# removes its temporary file. When the truncation comes before the file is opened or after
# the decoder is done, the run is an ordinary failure or success; the file is whole either way.
python3 "$src/scripts/lib/gen-dm-message.py" 24000000 "$work/big.xml"
"$bin/syncml-encode" "$work/big.xml" -o "$work/big.wbxml"
"$bin/syncml-decode" "$work/big.wbxml" > "$work/big-stdout.xml"
mid=0
for delay in 0.002 0.005 0.01 0.02 0.03 0.05; do
  cp "$work/big.wbxml" "$work/in.wbxml"
  printf 'old\n' > "$work/out.xml"
  "$bin/syncml-decode" "$work/in.wbxml" -o "$work/out.xml" 2> "$work/err" &
  pid=$!
  sleep "$delay"
  truncate -s 4096 "$work/in.wbxml"
  status=0
  wait "$pid" || status=$?
  case $status in
    0) cmp -s "$work/out.xml" "$work/big-stdout.xml" || { echo "delay $delay: exit 0 with a wrong file"; exit 1; } ;;
    3) [ "$(cat "$work/out.xml")" = old ] || { echo "delay $delay: exit 3 and the target changed"; exit 1; }
       if grep -q "changed size while being read" "$work/err"; then mid=$((mid + 1)); fi ;;
    *) echo "delay $delay: exit $status"; cat "$work/err"; exit 1 ;;
  esac
  no_temporaries "truncated at $delay s"
done
echo "output files whole or untouched; $mid of 6 runs truncated mid-decode"
