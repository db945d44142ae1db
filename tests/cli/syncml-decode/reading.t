# UTF-16LE with a BOM (Notepad's "Unicode") is read as UTF-8; -v says so.
cmd: syncml-decode -v --no-declaration encoding/utf16le-bom.xml | head -2
exit: 0
--- stdout
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
--- stderr
syncml-decode: encoding/utf16le-bom.xml: input: UTF-16LE with BOM, converted to UTF-8
syncml-decode: encoding/utf16le-bom.xml: xml input, xml payload of 507 bytes
===
# UTF-16BE with a BOM, and UTF-8 with a BOM.
cmd: syncml-decode -v --compact encoding/utf16be-bom.xml encoding/utf8-bom.xml
exit: 0
--- stdout
==> encoding/utf16be-bom.xml <==
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>

==> encoding/utf8-bom.xml <==
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>
--- stderr
syncml-decode: encoding/utf16be-bom.xml: input: UTF-16BE with BOM, converted to UTF-8
syncml-decode: encoding/utf16be-bom.xml: xml input, xml payload of 505 bytes
syncml-decode: encoding/utf8-bom.xml: input: UTF-8 with BOM
syncml-decode: encoding/utf8-bom.xml: xml input, xml payload of 507 bytes
===
# A hex dump PowerShell wrote (UTF-16LE) is read too.
cmd: syncml-decode -v --compact encoding/utf16le-xxd.txt
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>
--- stderr
syncml-decode: encoding/utf16le-xxd.txt: input: UTF-16LE with BOM, converted to UTF-8
syncml-decode: encoding/utf16le-xxd.txt: hex input, wbxml payload of 126 bytes
===
# A declaration naming ISO-8859-1 over non-ASCII text: refused, with the command that converts it.
cmd: syncml-decode encoding/latin1.xml
exit: 3
--- stderr
syncml-decode: encoding/latin1.xml:2:412: the XML declaration says encoding 'ISO-8859-1'; the tools read UTF-8 (and UTF-16 with a byte order mark): convert it with: iconv -f ISO-8859-1 -t UTF-8 encoding/latin1.xml | sed '1s/ISO-8859-1/UTF-8/' > encoding/latin1.utf8.xml
===
# The same declaration over pure ASCII text means the same bytes: read.
cmd: syncml-decode --compact encoding/latin1-ascii.xml
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>
===
# windows-1252 text without a declaration: the byte and its place, and the iconv line.
cmd: syncml-decode encoding/cp1252-undeclared.xml
exit: 3
--- stderr
syncml-decode: encoding/cp1252-undeclared.xml:1:412: not UTF-8 (byte 0xE7); if the text is ISO-8859-1 or windows-1252, convert it with: iconv -f WINDOWS-1252 -t UTF-8 encoding/cp1252-undeclared.xml > encoding/cp1252-undeclared.utf8.xml
===
# A UTF-16 file whose declaration says UTF-8, and 8-bit text that says UTF-16.
cmd: syncml-decode encoding/utf16-says-utf8.xml; syncml-decode encoding/says-utf16.xml
exit: 3
--- stderr
syncml-decode: encoding/utf16-says-utf8.xml:1:31: the XML declaration says encoding 'UTF-8' but the text is UTF-16LE with BOM; convert it with: iconv -f UTF-16LE -t UTF-8 encoding/utf16-says-utf8.xml > encoding/utf16-says-utf8.utf8.xml
syncml-decode: encoding/says-utf16.xml:1:31: the XML declaration says encoding 'UTF-16' but the text is 8-bit (no UTF-16 byte order mark); if it is UTF-8, correct the declaration: sed -i '1s/UTF-16/UTF-8/' encoding/says-utf16.xml
===
# Broken UTF-16: the offset is the one in the file.
cmd: syncml-decode encoding/utf16-unpaired.xml
exit: 3
--- stderr
syncml-decode: encoding/utf16-unpaired.xml: offset 62: unpaired UTF-16 surrogate (the input is UTF-16LE with BOM)
===
# From standard input the suggested command names FILE.
cmd: syncml-decode - < encoding/latin1.xml
exit: 3
--- stderr
syncml-decode: -:2:412: the XML declaration says encoding 'ISO-8859-1'; the tools read UTF-8 (and UTF-16 with a byte order mark): convert it with: iconv -f ISO-8859-1 -t UTF-8 FILE | sed '1s/ISO-8859-1/UTF-8/' > FILE.utf8
===
# `xxd -i` output is hex input.
cmd: syncml-decode --compact wbxml/results-minimal.xxd-i.h
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>
===
# A C array whose _len disagrees with its bytes was cut when copied.
cmd: sed 's/_len = .*/_len = 500;/' wbxml/results-minimal.xxd-i.h | syncml-decode -
exit: 3
--- stderr
syncml-decode: -: offset 856: the C array holds 126 bytes but its _len says 500
===
# Bytes after the WBXML document: a note with their offset; the document is decoded.
cmd: (cat wbxml/results-minimal.wbxml; printf '\000\000\377') | syncml-decode --compact -
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>
--- stderr
syncml-decode: -: offset 126: 3 bytes after the end of the WBXML document, ignored
===
# ... and -q silences the note.
cmd: (cat wbxml/results-minimal.wbxml; printf '\000') | syncml-decode -q --compact -
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>
===
# An HTTP capture holding two messages: the first is decoded, the note points to dm-trace.
cmd: printf 'HTTP/1.1 200 OK\r\nContent-Type: application/vnd.syncml.dm+xml\r\nContent-Length: 9\r\n\r\n<SyncML/>\r\nHTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n<SyncML/>' | syncml-decode --no-declaration -
exit: 0
--- stdout
<SyncML/>
--- stderr
syncml-decode: -: offset 94: the capture holds more than one HTTP message; only the first is read (dm-trace reads a whole session)
===
# A Content-Length shorter than the body: the body is cut there, and the note says so.
cmd: printf 'POST /dm HTTP/1.1\r\nContent-Type: application/vnd.syncml.dm+xml\r\nContent-Length: 9\r\n\r\n<SyncML/><SyncBody/>' | syncml-decode --no-declaration -
exit: 0
--- stdout
<SyncML/>
--- stderr
syncml-decode: -: offset 94: the body was cut at its Content-Length (9 bytes); 11 more bytes follow it
===
# A second WBXML message after the first: the note says so; the first is decoded.
cmd: (syncml-encode messages/windows-package1.xml; syncml-encode messages/server-package2.xml) | syncml-decode - | grep -c '<SyncML'
exit: 0
--- stdout
1
--- stderr
syncml-decode: -: offset 413: the input holds more than one WBXML message; only the first is decoded (dm-trace reads them all)
