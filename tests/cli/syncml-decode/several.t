# Several files: each under a "==> FILE <==" line, a blank line between them.
cmd: syncml-decode --compact --no-declaration messages/results-minimal.xml wbxml/results-minimal.hex
exit: 0
--- stdout
==> messages/results-minimal.xml <==
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>

==> wbxml/results-minimal.hex <==
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>
===
# One that fails is reported and the others are decoded; the exit status is the worst.
cmd: syncml-decode --compact --no-declaration missing.wbxml messages/results-minimal.xml
exit: 3
--- stdout
==> missing.wbxml <==

==> messages/results-minimal.xml <==
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>
--- stderr
syncml-decode: missing.wbxml: cannot open: No such file or directory
===
# -o FILE gets them all.
cmd: d=$(mktemp -d) && syncml-decode --compact -o "$d/all.xml" messages/results-minimal.xml wbxml/results-minimal.hex && grep -c '^==> ' "$d/all.xml"; rm -r "$d"
exit: 0
--- stdout
2
