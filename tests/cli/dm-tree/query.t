# show draws the tree like tree(1).
cmd: dm-tree show trees/small.xml
exit: 0
--- stdout
.
├── DMAcc
├── DevDetail
│   ├── DevTyp = PC
│   ├── FwV = 1.0
│   ├── HwV = 1.0
│   ├── LrgObj = false
│   ├── OEM = syncml-dm-tools
│   ├── SwV = 0.1.0
│   └── URI
│       ├── MaxDepth = 0
│       ├── MaxSegLen = 0
│       └── MaxTotLen = 0
├── DevInfo
│   ├── DevId = IMEI:493005100592800
│   ├── DmV = 1.3
│   ├── Lang = en-US
│   ├── Man = syncml-dm-tools
│   └── Mod = dm-tree
└── Vendor
    └── MSFT
        └── Custom
            ├── Greeting = hello
            └── MS%20DM%20Server
                └── Port = 443
===
# show a subtree with properties, limited depth.
cmd: dm-tree show trees/small.xml ./DevDetail --depth 1 --props
exit: 0
--- stdout
./DevDetail  (node, urn:oma:mo:oma-dm-devdetail:1.0, VerNo 0)
├── DevTyp = PC  (chr, text/plain, VerNo 0, 20260101T000000Z)
├── FwV = 1.0  (chr, text/plain, VerNo 0, 20260101T000000Z)
├── HwV = 1.0  (chr, text/plain, VerNo 0, 20260101T000000Z)
├── LrgObj = false  (bool, text/plain, VerNo 0)
├── OEM = syncml-dm-tools  (chr, text/plain, VerNo 0, 20260101T000000Z)
├── SwV = 0.1.0  (chr, text/plain, VerNo 0, 20260101T000000Z)
└── URI  (node, VerNo 0)
===
# show as JSON.
cmd: dm-tree show trees/small.xml ./Vendor/MSFT/Custom --format json
exit: 0
--- stdout
{
  "children": [
    {
      "format": "chr",
      "name": "Greeting",
      "type": "text/plain",
      "uri": "./Vendor/MSFT/Custom/Greeting",
      "value": "hello"
    },
    {
      "children": [
        {
          "format": "chr",
          "name": "Port",
          "type": "text/plain",
          "uri": "./Vendor/MSFT/Custom/MS%20DM%20Server/Port",
          "value": "443"
        }
      ],
      "format": "node",
      "name": "MS DM Server",
      "type": "",
      "uri": "./Vendor/MSFT/Custom/MS%20DM%20Server"
    }
  ],
  "format": "node",
  "name": "Custom",
  "type": "",
  "uri": "./Vendor/MSFT/Custom"
}
===
# show as TNDS.
cmd: dm-tree show trees/small.xml ./DevInfo --format tnds
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<MgmtTree xmlns="syncml:dmddf1.2" xmlns:MSFT="http://schemas.microsoft.com/MobileDevice/DM">
  <VerDTD>1.2</VerDTD>
  <Node>
    <NodeName>DevInfo</NodeName>
    <RTProperties><Format><node/></Format><Name>DevInfo</Name><Type><DDFName>urn:oma:mo:oma-dm-devinfo:1.0</DDFName></Type><VerNo>0</VerNo></RTProperties>
    <Node>
      <NodeName>DevId</NodeName>
      <RTProperties><Format><chr/></Format><Name>DevId</Name><Size>20</Size><TStamp>20260101T000000Z</TStamp><Type><MIME>text/plain</MIME></Type><VerNo>0</VerNo></RTProperties>
      <Value>IMEI:493005100592800</Value>
    </Node>
    <Node>
      <NodeName>DmV</NodeName>
      <RTProperties><Format><chr/></Format><Name>DmV</Name><Size>3</Size><TStamp>20260101T000000Z</TStamp><Type><MIME>text/plain</MIME></Type><VerNo>0</VerNo></RTProperties>
      <Value>1.3</Value>
    </Node>
    <Node>
      <NodeName>Lang</NodeName>
      <RTProperties><Format><chr/></Format><Name>Lang</Name><Size>5</Size><TStamp>20260101T000000Z</TStamp><Type><MIME>text/plain</MIME></Type><VerNo>0</VerNo></RTProperties>
      <Value>en-US</Value>
    </Node>
    <Node>
      <NodeName>Man</NodeName>
      <RTProperties><Format><chr/></Format><Name>Man</Name><Size>15</Size><TStamp>20260101T000000Z</TStamp><Type><MIME>text/plain</MIME></Type><VerNo>0</VerNo></RTProperties>
      <Value>syncml-dm-tools</Value>
    </Node>
    <Node>
      <NodeName>Mod</NodeName>
      <RTProperties><Format><chr/></Format><Name>Mod</Name><Size>7</Size><TStamp>20260101T000000Z</TStamp><Type><MIME>text/plain</MIME></Type><VerNo>0</VerNo></RTProperties>
      <Value>dm-tree</Value>
    </Node>
  </Node>
</MgmtTree>
===
# show a DDF schema: dynamic nodes are drawn as <x>.
cmd: dm-tree show --ddf ddf/policy-like.ddf.xml ./Vendor/MSFT/TestCSP --props
exit: 0
--- stdout
./Vendor/MSFT/TestCSP  [Get] node, One, Permanent
├── Action  [Exec Get] null, One, Permanent, text/plain
├── BinValue  [Add Delete Get Replace] b64, ZeroOrOne, Dynamic, application/octet-stream
├── BoolValue  [Add Delete Get Replace] bool, ZeroOrOne, Dynamic, text/plain
├── Color  [Add Delete Get Replace] chr, ZeroOrOne, Dynamic, text/plain
├── DateValue  [Add Delete Get Replace] date, ZeroOrOne, Dynamic, text/plain
├── Documents  [Get] node, One, Permanent
│   └── <x>  [Add Delete Get] node, ZeroOrMore, Dynamic
│       ├── Document  [Add Delete Get Replace] chr, One, Dynamic, text/plain
│       └── Enabled  [Add Delete Get Replace] bool, ZeroOrOne, Dynamic, text/plain
├── FloatValue  [Add Delete Get Replace] float, ZeroOrOne, Dynamic, text/plain
├── IntValue  [Add Delete Get Replace] int, ZeroOrOne, Dynamic, text/plain
├── ReadOnly  [Get] chr, One, Permanent, text/plain
├── TimeValue  [Add Delete Get Replace] time, ZeroOrOne, Dynamic, text/plain
├── WriteOnly  [Add Replace] chr, ZeroOrOne, Dynamic, text/plain
└── XmlValue  [Add Delete Get Replace] xml, ZeroOrOne, Dynamic, text/xml
===
# get a leaf, an interior node (URI-encoded names), a property, a structure.
cmd: dm-tree get trees/small.xml ./DevInfo/DevId && dm-tree get trees/small.xml ./Vendor/MSFT/Custom && dm-tree get trees/small.xml './DevInfo/Man?prop=Format' && dm-tree get trees/small.xml './DevDetail/URI?list=StructData'
exit: 0
--- stdout
IMEI:493005100592800
Greeting/MS%20DM%20Server
chr
./DevDetail/URI
./DevDetail/URI/MaxDepth = 0
./DevDetail/URI/MaxSegLen = 0
./DevDetail/URI/MaxTotLen = 0
===
# get of a missing node: exit 1 with a suggestion.
cmd: dm-tree get trees/small.xml ./DevInfo/Mann
exit: 1
--- stderr
dm-tree: ./DevInfo/Mann: no such node
dm-tree: did you mean ./DevInfo/Man?
===
# describe documents a node offline, from a DDF.
cmd: dm-tree describe --ddf ddf/policy-like.ddf.xml ./Device/Vendor/MSFT/PolicyLike/Config/Camera/CameraList
exit: 0
--- stdout
./Vendor/MSFT/PolicyLike/Config/Camera/CameraList
  Access      Add Delete Get Replace
  Format      chr
  Type        text/plain
  Occurrence  ZeroOrOne
  Scope       Dynamic
  Title       CameraList
  Allowed     ENUM list, delimiter ';'
    a
    b
    c
  Description Sets the CameraList policy of the Camera area.
  Defined     ddf/policy-like.ddf.xml:292:11
===
# describe a dynamic node, as JSON.
cmd: dm-tree describe --ddf ddf/policy-like.ddf.xml ./Vendor/MSFT/TestCSP/Documents/abc --format json
exit: 0
--- stdout
{
  "access": [
    "Add",
    "Delete",
    "Get"
  ],
  "allowed": {
    "descriptions": [
      ""
    ],
    "type": "RegEx",
    "values": [
      "[0-9A-Fa-f]{8}\\-[0-9A-Fa-f]{4}\\-[0-9A-Fa-f]{4}\\-[0-9A-Fa-f]{4}\\-[0-9A-Fa-f]{12}"
    ]
  },
  "described": true,
  "description": "Document id (a GUID).",
  "format": "node",
  "name": "<x>",
  "occurrence": "ZeroOrMore",
  "scope": "Dynamic",
  "title": "",
  "type": "",
  "uri": "./Vendor/MSFT/TestCSP/Documents/<x>"
}
===
# describe with a typo suggests the right name.
cmd: dm-tree describe --ddf ddf/policy-like.ddf.xml ./Vendor/MSFT/TestCSP/Colr
exit: 1
--- stderr
dm-tree: ./Vendor/MSFT/TestCSP/Colr: no such node
dm-tree: did you mean ./Vendor/MSFT/TestCSP/Color?
===
# find by glob in a state and in a DDF.
cmd: dm-tree find trees/small.xml 'DevDetail/URI/Max*' && dm-tree find --ddf ddf/policy-like.ddf.xml 'User/*/WiFi/*Timeout'
exit: 0
--- stdout
./DevDetail/URI/MaxDepth
./DevDetail/URI/MaxSegLen
./DevDetail/URI/MaxTotLen
./User/Vendor/MSFT/PolicyLike/Config/WiFi/WiFiTimeout
./User/Vendor/MSFT/PolicyLike/Result/WiFi/WiFiTimeout
===
# find without matches: exit 1.
cmd: dm-tree find trees/small.xml nothing-like-this
exit: 1
===
# complete the next segment of a URI.
cmd: dm-tree complete ./Dev && dm-tree complete ./Vendor/MSFT/Te --ddf ddf/policy-like.ddf.xml && dm-tree complete ./Vendor/MSFT/Custom/M --state trees/small.xml
exit: 0
--- stdout
./DevDetail/
./DevInfo/
./Vendor/MSFT/TestCSP/
./Vendor/MSFT/Custom/MS%20DM%20Server/
===
# diff of identical states: nothing, exit 0.
cmd: dm-tree diff trees/small.xml trees/small.xml
exit: 0
