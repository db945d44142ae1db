# An unknown option is named with the nearest one; --color is taken.
cmd: syncml-encode --color never --string-tabel share messages/results-minimal.xml
exit: 2
--- stderr
syncml-encode: unknown option --string-tabel (did you mean '--string-table'?)
syncml-encode: try 'syncml-encode --help' for more information
===
# UTF-16 XML is encoded like UTF-8 (-v says it was converted).
cmd: syncml-encode -v encoding/utf16le-bom.xml | syncml-decode --compact --no-declaration -
exit: 0
--- stdout
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>
--- stderr
syncml-encode: encoding/utf16le-bom.xml: input: UTF-16LE with BOM, converted to UTF-8
syncml-encode: encoding/utf16le-bom.xml: xml input, xml payload of 507 bytes
===
# The help ends with examples.
cmd: syncml-encode --help | sed -n '/^Examples:/,$p'
exit: 0
--- stdout
Examples:
  syncml-encode package1.xml -o package1.wbxml
  syncml-encode --string-table share --public-id string package1.xml -o package1.wbxml
  syncml-decode reply.hex | syncml-encode -o reply.wbxml

