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
checked=0 failed=0

for xml in "$src"/testdata/messages/*.xml; do
  name=$(basename "$xml" .xml)
  if ! $canon --carriable "$xml"; then
    echo "skip $name: attributes or binary data libwbxml does not carry"
    continue
  fi
  # 1. ours -> libwbxml
  "$bin/syncml-encode" "$xml" -o "$work/$name.wbxml"
  wbxml2xml -o "$work/$name.lib.xml" "$work/$name.wbxml" >/dev/null 2>&1
  if ! $canon "$xml" "$work/$name.lib.xml"; then echo "FAIL $name: wbxml2xml of our WBXML differs"; failed=$((failed + 1)); fi
  # 2. libwbxml -> ours, with and without its string table
  for opts in "-n -v 1.2" "-v 1.3"; do
    xml2wbxml $opts -o "$work/$name.lib.wbxml" "$xml" >/dev/null 2>&1
    "$bin/syncml-decode" "$work/$name.lib.wbxml" -o "$work/$name.ours.xml"
    if ! $canon "$xml" "$work/$name.ours.xml"; then
      echo "FAIL $name: our decoding of xml2wbxml $opts differs"
      failed=$((failed + 1))
    fi
  done
  checked=$((checked + 1))
done
# The worked example of the reference: libwbxml's bytes and ours are identical.
xml2wbxml -n -v 1.2 -o "$work/example.lib.wbxml" "$src/testdata/messages/results-minimal.xml" >/dev/null 2>&1
"$bin/syncml-encode" "$src/testdata/messages/results-minimal.xml" | cmp - "$work/example.lib.wbxml" || { echo "FAIL: worked example bytes differ"; failed=$((failed + 1)); }
echo "libwbxml interop: $checked messages, $failed failures"
[ "$failed" -eq 0 ] && [ "$checked" -ge 4 ]
