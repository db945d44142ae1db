# Part of scripts/demo: XML -> WBXML -> XML on a bundled Windows package 1, and the token view.
demo_tmp=$(mktemp -d)
step "Encode a Windows package 1 as WBXML (what goes on the wire)" \
  "syncml-encode testdata/messages/windows-package1.xml -o package1.wbxml"
syncml-encode testdata/messages/windows-package1.xml -o "$demo_tmp/package1.wbxml"
printf '%s bytes of XML -> %s bytes of WBXML\n' "$(wc -c < testdata/messages/windows-package1.xml)" \
  "$(wc -c < "$demo_tmp/package1.wbxml")"
step "Decode it back to XML" "syncml-decode package1.wbxml | head -20"
syncml-decode "$demo_tmp/package1.wbxml" | head -20
step "The round trip is lossless: re-encoding gives the same bytes" \
  "syncml-decode package1.wbxml | syncml-encode - | cmp - package1.wbxml"
syncml-decode "$demo_tmp/package1.wbxml" | syncml-encode - | cmp - "$demo_tmp/package1.wbxml" && echo "identical"
step "Token dump of captured traffic (a hexdump -C of a Results message)" \
  "syncml-decode --dump testdata/wbxml/results-minimal.hexdump | head -24"
syncml-decode --dump testdata/wbxml/results-minimal.hexdump | head -24
step "A whole HTTP response with chunked transfer coding: decode takes the body" \
  "syncml-decode testdata/wbxml/server-package2.http | sed -n 30,45p"
syncml-decode testdata/wbxml/server-package2.http | sed -n 30,45p
rm -rf "$demo_tmp"
