# Add, Replace, Delete and Get: 200, 418, 404; a multi-item Get answers one Status per Item
# (TargetRef) and one Results; an interior Get lists child names.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree apply trees/small.xml packages/basic.xml
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>1A</SessionID>
    <MsgID>1</MsgID>
    <Target>
      <LocURI>https://mdm.example.com/dm</LocURI>
    </Target>
    <Source>
      <LocURI>IMEI:000000000000000</LocURI>
    </Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>0</CmdRef>
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>2</CmdRef>
      <Cmd>Add</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>3</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>3</CmdRef>
      <Cmd>Add</Cmd>
      <Data>418</Data>
    </Status>
    <Status>
      <CmdID>4</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>4</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>5</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>404</Data>
    </Status>
    <Status>
      <CmdID>6</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>6</CmdRef>
      <Cmd>Add</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>7</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>7</CmdRef>
      <Cmd>Get</Cmd>
      <TargetRef>./Vendor/MSFT/Custom/Settings/Name</TargetRef>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>8</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>7</CmdRef>
      <Cmd>Get</Cmd>
      <TargetRef>./Vendor/MSFT/Custom/Settings/Nope</TargetRef>
      <Data>404</Data>
    </Status>
    <Status>
      <CmdID>9</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>7</CmdRef>
      <Cmd>Get</Cmd>
      <TargetRef>./Vendor/MSFT/Custom/Settings/Count</TargetRef>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>10</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>7</CmdRef>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/Settings/Name</LocURI>
        </Source>
        <Data>second</Data>
      </Item>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/Settings/Count</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">int</Format>
        </Meta>
        <Data>12</Data>
      </Item>
    </Results>
    <Status>
      <CmdID>11</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>8</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>12</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>8</CmdRef>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/Settings</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">node</Format>
        </Meta>
        <Data>Count/Name</Data>
      </Item>
    </Results>
    <Status>
      <CmdID>13</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>9</CmdRef>
      <Cmd>Delete</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>14</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>10</CmdRef>
      <Cmd>Delete</Cmd>
      <Data>404</Data>
    </Status>
    <Status>
      <CmdID>15</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>11</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>16</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>11</CmdRef>
      <Item>
        <Source>
          <LocURI>./DevInfo/Man</LocURI>
        </Source>
        <Data>syncml-dm-tools</Data>
      </Item>
    </Results>
    <Final/>
  </SyncBody>
</SyncML>
--- stderr
dm-tree: the new state was not saved (--in-place or -o FILE saves it)
===
# Atomic rolls back (216, 507); nested Atomic 500 inside 507; Get in Atomic 500; Sequence in order.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ddf/policy-like.ddf.xml | dm-tree apply - packages/atomic.xml
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>1A</SessionID>
    <MsgID>1</MsgID>
    <Target>
      <LocURI>https://mdm.example.com/dm</LocURI>
    </Target>
    <Source>
      <LocURI>IMEI:000000000000000</LocURI>
    </Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>0</CmdRef>
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>2</CmdRef>
      <Cmd>Atomic</Cmd>
      <Data>507</Data>
    </Status>
    <Status>
      <CmdID>3</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>3</CmdRef>
      <Cmd>Add</Cmd>
      <Data>216</Data>
    </Status>
    <Status>
      <CmdID>4</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>4</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>404</Data>
    </Status>
    <Status>
      <CmdID>5</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Add</Cmd>
      <Data>216</Data>
    </Status>
    <Status>
      <CmdID>6</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>6</CmdRef>
      <Cmd>Atomic</Cmd>
      <Data>507</Data>
    </Status>
    <Status>
      <CmdID>7</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>7</CmdRef>
      <Cmd>Add</Cmd>
      <Data>216</Data>
    </Status>
    <Status>
      <CmdID>8</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>8</CmdRef>
      <Cmd>Atomic</Cmd>
      <Data>500</Data>
    </Status>
    <Status>
      <CmdID>9</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>9</CmdRef>
      <Cmd>Add</Cmd>
      <Data>215</Data>
    </Status>
    <Status>
      <CmdID>10</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>10</CmdRef>
      <Cmd>Atomic</Cmd>
      <Data>507</Data>
    </Status>
    <Status>
      <CmdID>11</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>11</CmdRef>
      <Cmd>Get</Cmd>
      <Data>500</Data>
    </Status>
    <Status>
      <CmdID>12</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>12</CmdRef>
      <Cmd>Atomic</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>13</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>13</CmdRef>
      <Cmd>Add</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>14</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>14</CmdRef>
      <Cmd>Exec</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>15</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>15</CmdRef>
      <Cmd>Sequence</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>16</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>16</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>17</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>17</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>18</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>17</CmdRef>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/E</LocURI>
        </Source>
        <Data>7</Data>
      </Item>
    </Results>
    <Status>
      <CmdID>19</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>18</CmdRef>
      <Cmd>Delete</Cmd>
      <Data>404</Data>
    </Status>
    <Status>
      <CmdID>20</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>19</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>21</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>19</CmdRef>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">node</Format>
        </Meta>
        <Data>E</Data>
      </Item>
    </Results>
    <Final/>
  </SyncBody>
</SyncML>
--- stderr
dm-tree: the new state was not saved (-o FILE saves it)
===
# DDF rules: AccessType 405, Format 415, allowed values 400, unknown nodes 404, Exec recorded.
# A node the DDF defines exists before anyone set it: Replace is 200 (an Add after it 418), Get of
# a write-only one 405.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ddf/policy-like.ddf.xml | dm-tree apply -v - packages/schema.xml
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>1A</SessionID>
    <MsgID>1</MsgID>
    <Target>
      <LocURI>https://mdm.example.com/dm</LocURI>
    </Target>
    <Source>
      <LocURI>IMEI:000000000000000</LocURI>
    </Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>0</CmdRef>
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>2</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>3</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>3</CmdRef>
      <Cmd>Add</Cmd>
      <Data>418</Data>
    </Status>
    <Status>
      <CmdID>4</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>4</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>400</Data>
    </Status>
    <Status>
      <CmdID>5</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>415</Data>
    </Status>
    <Status>
      <CmdID>6</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>6</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>415</Data>
    </Status>
    <Status>
      <CmdID>7</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>7</CmdRef>
      <Cmd>Add</Cmd>
      <Data>404</Data>
    </Status>
    <Status>
      <CmdID>8</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>8</CmdRef>
      <Cmd>Add</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>9</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>9</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>405</Data>
    </Status>
    <Status>
      <CmdID>10</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>10</CmdRef>
      <Cmd>Delete</Cmd>
      <Data>405</Data>
    </Status>
    <Status>
      <CmdID>11</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>11</CmdRef>
      <Cmd>Exec</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>12</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>12</CmdRef>
      <Cmd>Exec</Cmd>
      <Data>405</Data>
    </Status>
    <Status>
      <CmdID>13</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>13</CmdRef>
      <Cmd>Add</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>14</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>14</CmdRef>
      <Cmd>Add</Cmd>
      <Data>400</Data>
      <Item>
        <Target>
          <LocURI>./Vendor/MSFT/TestCSP/Documents/doc1</LocURI>
        </Target>
      </Item>
    </Status>
    <Status>
      <CmdID>15</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>15</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>16</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>16</CmdRef>
      <Cmd>Add</Cmd>
      <Data>418</Data>
    </Status>
    <Status>
      <CmdID>17</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>17</CmdRef>
      <Cmd>Get</Cmd>
      <Data>405</Data>
    </Status>
    <Status>
      <CmdID>18</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>18</CmdRef>
      <Cmd>Add</Cmd>
      <Data>405</Data>
      <Item>
        <Target>
          <LocURI>./Vendor/MSFT/TestCSP/ReadOnly</LocURI>
        </Target>
      </Item>
    </Status>
    <Status>
      <CmdID>19</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>19</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>20</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>19</CmdRef>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/TestCSP/Documents/27FEA311-68B9-4320-9FC4-296F6FDFAFE2/Document</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">xml</Format>
        </Meta>
        <Data>&lt;doc a=&quot;1&quot;/&gt;</Data>
      </Item>
    </Results>
    <Final/>
  </SyncBody>
</SyncML>
--- stderr
dm-tree: exec ./Vendor/MSFT/TestCSP/Action with now
dm-tree: CmdID 3 Add ./Device/Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel: 418: the node exists already (Replace sets its value)
dm-tree: CmdID 4 Replace ./Device/Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel: 400: not one of the node's allowed values
dm-tree: CmdID 5 Replace ./Device/Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel: 415: the Data is not a valid int value
dm-tree: CmdID 6 Replace ./Device/Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel: 415: Format bool does not match the node's DFFormat int
dm-tree: CmdID 7 Add ./Device/Vendor/MSFT/PolicyLike/Config/Camera/CameraLevle: 404: not a node of the loaded DDFs; did you mean ./Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel?
dm-tree: CmdID 9 Replace ./DevInfo/Man: 405: Replace is not in the node's AccessType (Get)
dm-tree: CmdID 10 Delete ./Vendor/MSFT/TestCSP/ReadOnly: 405: Delete is not in the node's AccessType (Get)
dm-tree: CmdID 12 Exec ./Vendor/MSFT/TestCSP/ReadOnly: 405: Exec is not in the node's AccessType (Get)
dm-tree: CmdID 14 Add ./Vendor/MSFT/TestCSP/Documents/doc1/Document: 400: 'doc1' breaks the naming rule (a RegEx AllowedValues) of the nodes under ./Vendor/MSFT/TestCSP/Documents
dm-tree: CmdID 16 Add ./Vendor/MSFT/TestCSP/Color: 418: the node exists already (Replace sets its value)
dm-tree: CmdID 17 Get ./Vendor/MSFT/TestCSP/WriteOnly: 405: Get is not in the node's AccessType (Add Replace)
dm-tree: CmdID 18 Add ./Vendor/MSFT/TestCSP/ReadOnly/Child: 405: ./Vendor/MSFT/TestCSP/ReadOnly is a leaf: it has no child nodes
dm-tree: the new state was not saved (-o FILE saves it)
===
# Properties (?prop=) and tree exchange (?list=Struct, StructData, TNDS).
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree apply trees/small.xml packages/properties.xml
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>1A</SessionID>
    <MsgID>1</MsgID>
    <Target>
      <LocURI>https://mdm.example.com/dm</LocURI>
    </Target>
    <Source>
      <LocURI>IMEI:000000000000000</LocURI>
    </Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>0</CmdRef>
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>2</CmdRef>
      <Cmd>Add</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>3</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>3</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>4</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>4</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>5</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Get</Cmd>
      <TargetRef>./Vendor/MSFT/Custom/Leaf?prop=Format</TargetRef>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>6</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Get</Cmd>
      <TargetRef>./Vendor/MSFT/Custom/Leaf?prop=Size</TargetRef>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>7</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Get</Cmd>
      <TargetRef>./Vendor/MSFT/Custom/Leaf?prop=Title</TargetRef>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>8</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Get</Cmd>
      <TargetRef>./Vendor/MSFT/Custom/Leaf?prop=ACL</TargetRef>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>9</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Get</Cmd>
      <TargetRef>./Vendor/MSFT/Custom/Leaf?prop=VerNo</TargetRef>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>10</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Get</Cmd>
      <TargetRef>./Vendor/MSFT/Custom/Leaf?prop=Colour</TargetRef>
      <Data>406</Data>
    </Status>
    <Status>
      <CmdID>11</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Get</Cmd>
      <TargetRef>./Vendor/MSFT/Custom?prop=ACL</TargetRef>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>12</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/Leaf?prop=Format</LocURI>
        </Source>
        <Data>int</Data>
      </Item>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/Leaf?prop=Size</LocURI>
        </Source>
        <Data>2</Data>
      </Item>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/Leaf?prop=Title</LocURI>
        </Source>
        <Data>The answer</Data>
      </Item>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/Leaf?prop=ACL</LocURI>
        </Source>
        <Data>Get=*&amp;Replace=srv</Data>
      </Item>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/Leaf?prop=VerNo</LocURI>
        </Source>
        <Data>3</Data>
      </Item>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom?prop=ACL</LocURI>
        </Source>
        <Data/>
      </Item>
    </Results>
    <Status>
      <CmdID>13</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>6</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>405</Data>
    </Status>
    <Status>
      <CmdID>14</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>7</CmdRef>
      <Cmd>Add</Cmd>
      <Data>405</Data>
    </Status>
    <Status>
      <CmdID>15</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>8</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>16</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>9</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>17</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>9</CmdRef>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">node</Format>
        </Meta>
      </Item>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/Greeting</LocURI>
        </Source>
        <Data>hello</Data>
      </Item>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/MS%20DM%20Server</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">node</Format>
        </Meta>
      </Item>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/MS%20DM%20Server/Port</LocURI>
        </Source>
        <Data>443</Data>
      </Item>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom/Renamed</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">int</Format>
        </Meta>
        <Data>42</Data>
      </Item>
    </Results>
    <Status>
      <CmdID>18</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>10</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>19</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>10</CmdRef>
      <Item>
        <Source>
          <LocURI>./DevDetail/URI</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">node</Format>
        </Meta>
      </Item>
      <Item>
        <Source>
          <LocURI>./DevDetail/URI/MaxDepth</LocURI>
        </Source>
      </Item>
      <Item>
        <Source>
          <LocURI>./DevDetail/URI/MaxSegLen</LocURI>
        </Source>
      </Item>
      <Item>
        <Source>
          <LocURI>./DevDetail/URI/MaxTotLen</LocURI>
        </Source>
      </Item>
    </Results>
    <Status>
      <CmdID>20</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>11</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>21</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>11</CmdRef>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Custom</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">xml</Format>
          <Type xmlns="syncml:metinf">application/vnd.syncml.dmtnds+xml</Type>
        </Meta>
        <Data>&lt;?xml version=&quot;1.0&quot; encoding=&quot;UTF-8&quot;?&gt;
&lt;MgmtTree xmlns=&quot;syncml:dmddf1.2&quot; xmlns:MSFT=&quot;http://schemas.microsoft.com/MobileDevice/DM&quot;&gt;
  &lt;VerDTD&gt;1.2&lt;/VerDTD&gt;
  &lt;Node&gt;
    &lt;NodeName&gt;Custom&lt;/NodeName&gt;
    &lt;RTProperties&gt;&lt;Format&gt;&lt;node/&gt;&lt;/Format&gt;&lt;/RTProperties&gt;
    &lt;Node&gt;
      &lt;NodeName&gt;Greeting&lt;/NodeName&gt;
      &lt;RTProperties&gt;&lt;Format&gt;&lt;chr/&gt;&lt;/Format&gt;&lt;/RTProperties&gt;
      &lt;Value&gt;hello&lt;/Value&gt;
    &lt;/Node&gt;
    &lt;Node&gt;
      &lt;NodeName&gt;MS DM Server&lt;/NodeName&gt;
      &lt;RTProperties&gt;&lt;Format&gt;&lt;node/&gt;&lt;/Format&gt;&lt;/RTProperties&gt;
      &lt;Node&gt;
        &lt;NodeName&gt;Port&lt;/NodeName&gt;
        &lt;RTProperties&gt;&lt;Format&gt;&lt;chr/&gt;&lt;/Format&gt;&lt;/RTProperties&gt;
        &lt;Value&gt;443&lt;/Value&gt;
      &lt;/Node&gt;
    &lt;/Node&gt;
    &lt;Node&gt;
      &lt;NodeName&gt;Renamed&lt;/NodeName&gt;
      &lt;RTProperties&gt;&lt;Format&gt;&lt;int/&gt;&lt;/Format&gt;&lt;/RTProperties&gt;
      &lt;Value&gt;42&lt;/Value&gt;
    &lt;/Node&gt;
  &lt;/Node&gt;
&lt;/MgmtTree&gt;
</Data>
      </Item>
    </Results>
    <Status>
      <CmdID>22</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>12</CmdRef>
      <Cmd>Get</Cmd>
      <Data>406</Data>
    </Status>
    <Final/>
  </SyncBody>
</SyncML>
--- stderr
dm-tree: the new state was not saved (--in-place or -o FILE saves it)
===
# Missing CmdID, unknown elements and commands: 400; URI rules; UI alerts; server Status ignored.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree apply trees/small.xml packages/malformed-commands.xml --fail-on-status
exit: 1
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>1A</SessionID>
    <MsgID>1</MsgID>
    <Target>
      <LocURI>https://mdm.example.com/dm</LocURI>
    </Target>
    <Source>
      <LocURI>IMEI:000000000000000</LocURI>
    </Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>0</CmdRef>
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef></CmdRef>
      <Cmd>Replace</Cmd>
      <Data>400</Data>
    </Status>
    <Status>
      <CmdID>3</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef></CmdRef>
      <Cmd>Map</Cmd>
      <Data>400</Data>
    </Status>
    <Status>
      <CmdID>4</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>4</CmdRef>
      <Cmd>Add</Cmd>
      <Data>400</Data>
    </Status>
    <Status>
      <CmdID>5</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Add</Cmd>
      <Data>400</Data>
    </Status>
    <Status>
      <CmdID>6</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>6</CmdRef>
      <Cmd>Add</Cmd>
      <Data>404</Data>
    </Status>
    <Status>
      <CmdID>7</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>7</CmdRef>
      <Cmd>Get</Cmd>
      <Data>400</Data>
    </Status>
    <Status>
      <CmdID>8</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>8</CmdRef>
      <Cmd>Add</Cmd>
      <Data>412</Data>
    </Status>
    <Status>
      <CmdID>9</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>9</CmdRef>
      <Cmd>Alert</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>10</CmdID>
      <MsgRef>2</MsgRef>
      <CmdRef>10</CmdRef>
      <Cmd>Alert</Cmd>
      <Data>406</Data>
    </Status>
    <Final/>
  </SyncBody>
</SyncML>
--- stderr
dm-tree: --fail-on-status: Replace (no CmdID): 400: the command has no CmdID (and 7 more failing)
===
# ACLs are enforced for a named server: 425.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree apply trees/small.xml packages/basic.xml --server-id other --msg-id 4 | grep -c '<Data>425</Data>'
exit: 0
--- stdout
3
--- stderr
dm-tree: the new state was not saved (--in-place or -o FILE saves it)
===
# A package that is not well-formed: exit 3 with its place, and the state is not touched.
cmd: cp trees/small.xml /tmp/dm-tree-golden-state.xml && dm-tree apply /tmp/dm-tree-golden-state.xml packages/bad-xml.xml --in-place; echo "exit $?"; cmp trees/small.xml /tmp/dm-tree-golden-state.xml && echo unchanged; rm -f /tmp/dm-tree-golden-state.xml
exit: 0
--- stdout
exit 3
unchanged
--- stderr
dm-tree: packages/bad-xml.xml:4:77: '&' must start an entity reference (&amp; &lt; &gt; &quot; &apos; &#N;)
===
# Not SyncML at all: exit 3.
cmd: dm-tree apply trees/small.xml packages/not-syncml.xml
exit: 3
--- stderr
dm-tree: packages/not-syncml.xml:2:1: not a SyncML message (root element <html>, expected <SyncML>)
===
# --in-place saves the new state; diff shows what changed.
cmd: cp trees/small.xml /tmp/dm-tree-golden-ip.xml && SOURCE_DATE_EPOCH=1767225600 dm-tree apply /tmp/dm-tree-golden-ip.xml packages/basic.xml --in-place > /dev/null && dm-tree diff trees/small.xml /tmp/dm-tree-golden-ip.xml; echo "exit $?"; rm -f /tmp/dm-tree-golden-ip.xml
exit: 0
--- stdout
+ ./Vendor/MSFT/Custom/Settings
+ ./Vendor/MSFT/Custom/Settings/Name = second
exit 1
===
# --in-place and -o exclude each other.
cmd: dm-tree apply trees/small.xml packages/basic.xml --in-place -o x.xml
exit: 2
--- stderr
dm-tree: --in-place excludes --output
dm-tree: try 'dm-tree apply --help' for more information
===
# The package may arrive as WBXML (here from syncml-encode on stdin); the response as WBXML.
cmd: syncml-encode packages/atomic.xml | SOURCE_DATE_EPOCH=1767225600 dm-tree apply trees/small.xml - --wbxml --force | syncml-decode - | grep -c '<Status>'
exit: 0
--- stdout
19
===
# Hex dumps are sniffed too.
cmd: syncml-encode packages/basic.xml | od -An -tx1 | SOURCE_DATE_EPOCH=1767225600 dm-tree apply trees/small.xml - | grep -c '<Results>'
exit: 0
--- stdout
3
--- stderr
dm-tree: the new state was not saved (--in-place or -o FILE saves it)
===
# A server message holding only Statuses gets no response (a device sends nothing): a note on
# stderr, exit 0, nothing on stdout.
cmd: dm-tree apply trees/small.xml packages/statuses-only.xml
exit: 0
--- stderr
dm-tree: the package holds no command to answer (only Statuses): a device sends no response
