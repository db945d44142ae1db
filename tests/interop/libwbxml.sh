#!/usr/bin/env bash
# Cross-check with libwbxml, an independent WBXML implementation:
#  1. our WBXML, decoded by wbxml2xml, is the original document;
#  2. xml2wbxml's WBXML (with and without a string table), decoded by us, is the original document.
# Documents are compared by canonical.py with exactly the normalisations the WBXML reference
# lists for libwbxml. Messages libwbxml cannot carry are left out: attributes other than xmlns
# (it drops them) and binary OPAQUE (it writes raw bytes into XML).
set -euo pipefail
command -v wbxml2xml >/dev/null && command -v xml2wbxml >/dev/null || { echo "libwbxml2-utils not installed: skipped"; exit 77; }
src=${SYNCMLDM_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${SYNCMLDM_BIN:-$src/build/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
canon="python3 $src/tests/interop/canonical.py"
failed=0

mapfile -t carriable < <($canon --carriable "$src"/testdata/messages/*.xml)
for xml in "$src"/testdata/messages/*.xml; do
  [[ " ${carriable[*]} " == *" $xml "* ]] || echo "skip $(basename "$xml"): attributes or binary data libwbxml does not carry"
done
: > "$work/pairs"
for xml in "${carriable[@]}"; do
  name=$(basename "$xml" .xml)
  # 1. ours -> libwbxml
  "$bin/syncml-encode" "$xml" -o "$work/$name.wbxml"
  wbxml2xml -o "$work/$name.lib.xml" "$work/$name.wbxml" >/dev/null 2>&1
  echo "$xml $work/$name.lib.xml $name: wbxml2xml of our WBXML" >> "$work/pairs"
  # 2. libwbxml -> ours, with and without its string table
  for v in 2 3; do
    opts=$([ $v = 2 ] && echo "-n -v 1.2" || echo "-v 1.3")
    xml2wbxml $opts -o "$work/$name.lib$v.wbxml" "$xml" >/dev/null 2>&1
    "$bin/syncml-decode" "$work/$name.lib$v.wbxml" -o "$work/$name.ours$v.xml"
    echo "$xml $work/$name.ours$v.xml $name: our decoding of xml2wbxml $opts" >> "$work/pairs"
  done
done
$canon --pairs "$work/pairs" || failed=1
# The worked example of the reference: libwbxml's bytes and ours are identical.
xml2wbxml -n -v 1.2 -o "$work/example.lib.wbxml" "$src/testdata/messages/results-minimal.xml" >/dev/null 2>&1
"$bin/syncml-encode" "$src/testdata/messages/results-minimal.xml" | cmp - "$work/example.lib.wbxml" || { echo "FAIL: worked example bytes differ"; failed=1; }
echo "libwbxml interop: ${#carriable[@]} messages"
[ "$failed" -eq 0 ] && [ "${#carriable[@]}" -ge 4 ]
