# The device model on Microsoft's DDF v2 files: policy-areas as Intune sends it.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml | dm-tree apply -v - packages/intune/policy-areas.xml
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>4</SessionID>
    <MsgID>1</MsgID>
    <Target>
      <LocURI>https://r.manage.microsoft.com/devicegatewayproxy/cimhandler.ashx</LocURI>
    </Target>
    <Source>
      <LocURI>B5B954E81FBCB94EB79BD08BE625F4EE</LocURI>
    </Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>0</CmdRef>
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>2</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>3</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>3</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>4</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>4</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>5</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>6</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>6</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>7</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>6</CmdRef>
      <Item>
        <Source>
          <LocURI>./Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">int</Format>
        </Meta>
        <Data>0</Data>
      </Item>
    </Results>
    <Status>
      <CmdID>8</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>7</CmdRef>
      <Cmd>Delete</Cmd>
      <Data>200</Data>
    </Status>
    <Final/>
  </SyncBody>
</SyncML>
--- stderr
dm-tree: the new state was not saved (-o FILE saves it)
===
# The device model on Microsoft's DDF v2 files: bitlocker as Intune sends it.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml | dm-tree apply -v - packages/intune/bitlocker.xml
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>4</SessionID>
    <MsgID>1</MsgID>
    <Target>
      <LocURI>https://r.manage.microsoft.com/devicegatewayproxy/cimhandler.ashx</LocURI>
    </Target>
    <Source>
      <LocURI>B5B954E81FBCB94EB79BD08BE625F4EE</LocURI>
    </Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>0</CmdRef>
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>2</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>3</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>3</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>4</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>4</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>5</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>6</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>6</CmdRef>
      <Cmd>Exec</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>7</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>7</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>8</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>7</CmdRef>
      <Item>
        <Source>
          <LocURI>./Device/Vendor/MSFT/BitLocker/Status/DeviceEncryptionStatus</LocURI>
        </Source>
        <Meta>
          <Format xmlns="syncml:metinf">int</Format>
        </Meta>
        <Data>0</Data>
      </Item>
    </Results>
    <Final/>
  </SyncBody>
</SyncML>
--- stderr
dm-tree: exec ./Vendor/MSFT/BitLocker/RotateRecoveryPasswords with 7c5a3ff4-cb5e-4d4e-b9a8-7d3a1c2e5f60
dm-tree: the new state was not saved (-o FILE saves it)
===
# The device model on Microsoft's DDF v2 files: firewall-rule as Intune sends it.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml | dm-tree apply -v - packages/intune/firewall-rule.xml
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>4</SessionID>
    <MsgID>1</MsgID>
    <Target>
      <LocURI>https://r.manage.microsoft.com/devicegatewayproxy/cimhandler.ashx</LocURI>
    </Target>
    <Source>
      <LocURI>B5B954E81FBCB94EB79BD08BE625F4EE</LocURI>
    </Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>0</CmdRef>
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>2</CmdRef>
      <Cmd>Atomic</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>3</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>3</CmdRef>
      <Cmd>Add</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>4</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>4</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>5</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>5</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>6</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>6</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>7</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>7</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>8</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>8</CmdRef>
      <Cmd>Add</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>9</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>9</CmdRef>
      <Cmd>Add</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>10</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>10</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>11</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>11</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>12</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>12</CmdRef>
      <Cmd>Get</Cmd>
      <Data>200</Data>
    </Status>
    <Results>
      <CmdID>13</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>12</CmdRef>
      <Item>
        <Source>
          <LocURI>./Vendor/MSFT/Firewall/MdmStore/FirewallRules/FirewallRule1/Direction</LocURI>
        </Source>
        <Data>OUT</Data>
      </Item>
    </Results>
    <Final/>
  </SyncBody>
</SyncML>
--- stderr
dm-tree: the new state was not saved (-o FILE saves it)
===
# The device model on Microsoft's DDF v2 files: applocker as Intune sends it.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml | dm-tree apply -v - packages/intune/applocker.xml
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>4</SessionID>
    <MsgID>1</MsgID>
    <Target>
      <LocURI>https://r.manage.microsoft.com/devicegatewayproxy/cimhandler.ashx</LocURI>
    </Target>
    <Source>
      <LocURI>B5B954E81FBCB94EB79BD08BE625F4EE</LocURI>
    </Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>0</CmdRef>
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>2</CmdRef>
      <Cmd>Add</Cmd>
      <Data>200</Data>
    </Status>
    <Status>
      <CmdID>3</CmdID>
      <MsgRef>1</MsgRef>
      <CmdRef>3</CmdRef>
      <Cmd>Replace</Cmd>
      <Data>200</Data>
    </Status>
    <Final/>
  </SyncBody>
</SyncML>
--- stderr
dm-tree: the new state was not saved (-o FILE saves it)
===
# The same mistakes the validator reports, answered by the device with the statuses it predicts.
# One more 404 here: the firewall rule R1 that the validator assumes an earlier session added does
# not exist on this fresh device.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml | dm-tree apply - packages/intune/mistakes.xml | grep -A1 '<Cmd>'
exit: 0
--- stdout
      <Cmd>SyncHdr</Cmd>
      <Data>200</Data>
--
      <Cmd>Replace</Cmd>
      <Data>404</Data>
--
      <Cmd>Replace</Cmd>
      <Data>404</Data>
--
      <Cmd>Replace</Cmd>
      <Data>404</Data>
--
      <Cmd>Replace</Cmd>
      <Data>404</Data>
--
      <Cmd>Replace</Cmd>
      <Data>415</Data>
--
      <Cmd>Replace</Cmd>
      <Data>400</Data>
--
      <Cmd>Replace</Cmd>
      <Data>415</Data>
--
      <Cmd>Replace</Cmd>
      <Data>404</Data>
--
      <Cmd>Replace</Cmd>
      <Data>415</Data>
--
      <Cmd>Replace</Cmd>
      <Data>405</Data>
===
# dm-tree describe suggests as dm-validate does: a misspelt area, a device-only policy in user scope.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: dm-tree describe --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml ./Device/Vendor/MSFT/Policy/Config/camra/AllowCamera; dm-tree describe --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml ./User/Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength
exit: 1
--- stderr
dm-tree: ./Device/Vendor/MSFT/Policy/Config/camra/AllowCamera: no such node
dm-tree: did you mean ./Vendor/MSFT/Policy/Config/Camera/AllowCamera?
dm-tree: ./User/Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength: no such node
dm-tree: the DDF defines it in device scope: ./Device/...
