# Raw WBXML to indented XML.
cmd: syncml-decode wbxml/results-minimal.wbxml
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>1</SessionID>
    <MsgID>1</MsgID>
    <Target>
      <LocURI>http://s</LocURI>
    </Target>
    <Source>
      <LocURI>IMEI:1</LocURI>
    </Source>
  </SyncHdr>
  <SyncBody>
    <Results>
      <CmdID>2</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>3</CmdRef>
      <Item>
        <Source>
          <LocURI>./DevInfo/Lang</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">chr</Format>
        </Meta>
        <Data>en-US</Data>
      </Item>
    </Results>
    <Final/>
  </SyncBody>
</SyncML>
===
# The same bytes as an xxd dump, a hexdump -C dump and a 0x.. list.
cmd: syncml-decode wbxml/results-minimal.xxd | cmp - expected/results-minimal.xml && syncml-decode wbxml/results-minimal.hexdump | cmp - expected/results-minimal.xml && syncml-decode wbxml/results-minimal.hex | cmp - expected/results-minimal.xml && echo same
exit: 0
--- stdout
same
===
# Token dump.
cmd: syncml-decode --dump wbxml/results-minimal.wbxml
exit: 0
--- stdout
offset    page  token           meaning
00000000        02              version 1.2
00000001        a4 01           public id 0x1201 (-//SYNCML//DTD SyncML 1.2//EN)
00000003        6a              charset 106 (UTF-8)
00000004        00              string table, 0 bytes
00000005                        body, decoded as SyncML 1.2
00000005     0  6d              <SyncML> +content
00000006     0  6c              <SyncHdr> +content
00000007     0  71              <VerDTD> +content
00000008        03              STR_I "1.2"
0000000d        01              END </VerDTD>
0000000e     0  72              <VerProto> +content
0000000f        03              STR_I "DM/1.2"
00000017        01              END </VerProto>
00000018     0  65              <SessionID> +content
00000019        03              STR_I "1"
0000001c        01              END </SessionID>
0000001d     0  5b              <MsgID> +content
0000001e        03              STR_I "1"
00000021        01              END </MsgID>
00000022     0  6e              <Target> +content
00000023     0  57              <LocURI> +content
00000024        03              STR_I "http://s"
0000002e        01              END </LocURI>
0000002f        01              END </Target>
00000030     0  67              <Source> +content
00000031     0  57              <LocURI> +content
00000032        03              STR_I "IMEI:1"
0000003a        01              END </LocURI>
0000003b        01              END </Source>
0000003c        01              END </SyncHdr>
0000003d     0  6b              <SyncBody> +content
0000003e     0  62              <Results> +content
0000003f     0  4b              <CmdID> +content
00000040        03              STR_I "2"
00000043        01              END </CmdID>
00000044     0  5c              <MsgRef> +content
00000045        03              STR_I "1"
00000048        01              END </MsgRef>
00000049     0  4c              <CmdRef> +content
0000004a        03              STR_I "3"
0000004d        01              END </CmdRef>
0000004e     0  54              <Item> +content
0000004f     0  67              <Source> +content
00000050     0  57              <LocURI> +content
00000051        03              STR_I "./DevInfo/Lang"
00000061        01              END </LocURI>
00000062        01              END </Source>
00000063     0  5a              <Meta> +content
00000064        00 01           SWITCH_PAGE 1
00000066     1  47              <Format> +content
00000067        03              STR_I "chr"
0000006c        01              END </Format>
0000006d        01              END </Meta>
0000006e        00 00           SWITCH_PAGE 0
00000070     0  4f              <Data> +content
00000071        03              STR_I "en-US"
00000078        01              END </Data>
00000079        01              END </Item>
0000007a        01              END </Results>
0000007b     0  12              <Final/>
0000007c        01              END </SyncBody>
0000007d        01              END </SyncML>
===
# A whole HTTP response with chunked transfer coding.
cmd: syncml-decode -v wbxml/server-package2.http | head -5
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
--- stderr
syncml-decode: wbxml/server-package2.http: http input, wbxml payload of 1124 bytes, Content-Type application/vnd.syncml.dm+wbxml
===
# Base64 of a package 1 whose public id is a string.
cmd: syncml-decode --compact --no-declaration wbxml/windows-package1.b64
exit: 0
--- stdout
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>https://mdm.example.com/ManagementServer/MDM.svc</LocURI></Target><Source><LocURI>B5B954E81FBCB94EB79BD08BE625F4EE</LocURI></Source></SyncHdr><SyncBody><Alert><CmdID>2</CmdID><Data>1201</Data></Alert><Alert><CmdID>3</CmdID><Data>1224</Data><Item><Meta><Type xmlns="syncml:metinf">com.microsoft/MDM/LoginStatus</Type></Meta><Data>user</Data></Item></Alert><Replace><CmdID>4</CmdID><Item><Source><LocURI>./DevInfo/DevId</LocURI></Source><Data>B5B954E81FBCB94EB79BD08BE625F4EE</Data></Item><Item><Source><LocURI>./DevInfo/Man</LocURI></Source><Data>Contoso Ltd.</Data></Item><Item><Source><LocURI>./DevInfo/Mod</LocURI></Source><Data>Surface Laptop 5</Data></Item><Item><Source><LocURI>./DevInfo/DmV</LocURI></Source><Data>1.3</Data></Item><Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Data>en-US</Data></Item></Replace><Final/></SyncBody></SyncML>
===
# Nested DevInf is decoded in place; its Type is shown as +xml.
cmd: syncml-decode wbxml/results-devinf-nested.wbxml | sed -n 18,26p
exit: 0
--- stdout
      <MsgRef>1</MsgRef>
      <CmdRef>4</CmdRef>
      <Meta>
        <Type xmlns="syncml:metinf">application/vnd.syncml-devinf+xml</Type>
      </Meta>
      <Item>
        <Source>
          <LocURI>./devinf12</LocURI>
        </Source>
===
# Binary OPAQUE: Base64, marked; Format bin Data: Base64 without a marker.
cmd: syncml-decode wbxml/challenge-nextnonce.wbxml | grep -E 'NextNonce|<Data>AA'
exit: 0
--- stdout
          <NextNonce xmlns="syncml:metinf" opaque="base64">AP8QIIB/QUI=</NextNonce>
        <Data>AAECgP/+</Data>
===
# XML input is re-indented.
cmd: printf '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><!-- c --><VerDTD>1.2</VerDTD></SyncHdr></SyncML>' | syncml-decode -
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
  </SyncHdr>
</SyncML>
===
# Truncated WBXML.
cmd: head -c 60 wbxml/results-minimal.wbxml | syncml-decode -
exit: 3
--- stderr
syncml-decode: -: offset 60: truncated: input ends inside 2 open elements
===
# Dump shows the tokens up to the problem.
cmd: head -c 20 wbxml/results-minimal.wbxml | syncml-decode --dump - | tail -2
exit: 0
--- stdout
0000000d        01              END </VerDTD>
0000000e     0  72              <VerProto> +content
--- stderr
syncml-decode: -: offset 15: truncated: inline string without its terminating NUL
===
# Not a known format.
cmd: printf 'hello, world!' | syncml-decode -
exit: 3
--- stderr
syncml-decode: -: offset 0: input is not XML, WBXML, hex, Base64 or an HTTP message (first byte 0x68)
===
# Empty input.
cmd: syncml-decode /dev/null
exit: 3
--- stderr
syncml-decode: /dev/null: offset 0: empty input
===
# An HTTP capture with two different Content-Length values is refused (RFC 9110, 9112): which
# body is meant is unknown. The same value repeated, or as a list, is that value.
cmd: printf 'HTTP/1.1 200 OK\r\nContent-Type: application/vnd.syncml.dm+xml\r\nContent-Length: 9\r\nContent-Length: 12\r\n\r\n<SyncML/>abc' | syncml-decode -
exit: 3
--- stderr
syncml-decode: -: offset 81: conflicting Content-Length values 9 and 12
===
cmd: printf 'HTTP/1.1 200 OK\r\nContent-Type: application/vnd.syncml.dm+xml\r\nContent-Length: 9\r\nContent-Length: 9, 9\r\n\r\n<SyncML/>abc' | syncml-decode --no-declaration -
exit: 0
--- stdout
<SyncML/>
--- stderr
syncml-decode: -: offset 114: the body was cut at its Content-Length (9 bytes); 3 more bytes follow it
