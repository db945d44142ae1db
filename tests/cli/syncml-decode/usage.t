# An unknown option is named, with the nearest one.
cmd: syncml-decode --idnent 4 x.wbxml
exit: 2
--- stderr
syncml-decode: unknown option --idnent (did you mean '--indent'?)
syncml-decode: try 'syncml-decode --help' for more information
===
# --compact and --indent contradict each other.
cmd: syncml-decode --compact --indent 4 x.wbxml
exit: 2
--- stderr
syncml-decode: --compact excludes --indent
syncml-decode: try 'syncml-decode --help' for more information
===
# --color is taken (auto, always, never) like every tool's; other values are refused.
cmd: syncml-decode --color always --compact --no-declaration messages/results-minimal.xml && syncml-decode --color sometimes x
exit: 2
--- stdout
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://s</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody></SyncML>
--- stderr
syncml-decode: --color: sometimes not in {auto,always,never}
syncml-decode: try 'syncml-decode --help' for more information
===
# The help ends with examples.
cmd: syncml-decode --help | sed -n '/^Examples:/,$p'
exit: 0
--- stdout
Examples:
  syncml-decode capture.wbxml
  syncml-decode --dump reply.hex
  syncml-decode -o all.xml package1.wbxml package2.wbxml

