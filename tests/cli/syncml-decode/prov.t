# A PROV WBXML document decodes by its public id, attribute tokens to their names and values.
cmd: syncml-encode prov/enrollment.xml | syncml-decode - | sed -n 30,36p
exit: 0
--- stdout
    <parm name="NAME" value="Contoso"/>
    <parm name="ADDR" value="https://mdm.contoso.example/ManagementServer/MDM.svc"/>
    <parm name="CONNRETRYFREQ" value="6"/>
    <parm name="INITIALBACKOFFTIME" value="30000"/>
    <parm name="MAXBACKOFFTIME" value="120000"/>
    <parm name="BACKCOMPATRETRYDISABLED"/>
    <parm name="DEFAULTENCODING" value="application/vnd.syncml.dm+xml"/>
===
# Public id 0x0B with the 1.1 page: APPLICATION, APPID w7, APPSRV as a value token.
cmd: printf '\003\013\152\000\305\106\001\306\000\001\125\001\207\066\006\003w7\000\001\207\060\006\215\001\001\001' | syncml-decode -
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
<wap-provisioningdoc version="1.0">
  <characteristic type="APPLICATION">
    <parm name="APPID" value="w7"/>
    <parm name="AAUTHLEVEL" value="APPSRV"/>
  </characteristic>
</wap-provisioningdoc>
===
# PROV attribute tokens in a SyncML document are refused where they stand.
cmd: printf '\002\237\123\152\000\355\005\001\001' | syncml-decode -
exit: 3
--- stderr
syncml-decode: -: offset 6: unknown attribute token 0x05 on attribute page 0 of SyncML 1.1
===
# The token dump names the attribute tokens.
cmd: printf '\003\013\152\000\305\106\001\306\000\001\125\001\207\066\006\003w7\000\001\207\060\006\215\001\001\001' | syncml-decode --dump -
exit: 0
--- stdout
offset    page  token           meaning
00000000        03              version 1.3
00000001        0b              public id 0x000B (-//WAPFORUM//DTD PROV 1.0//EN)
00000002        6a              charset 106 (UTF-8)
00000003        00              string table, 0 bytes
00000004                        body, decoded as PROV 1.0
00000004     0  c5              <wap-provisioningdoc> +content +attributes
00000005     0  46              attribute version="1.0"
00000007     0  c6              <characteristic> +content +attributes
00000008        00 01           SWITCH_PAGE 1 (attributes)
0000000a     1  55              attribute type="APPLICATION"
0000000c     0  87              <parm/> +attributes
0000000d     1  36              attribute name="APPID"
0000000e     1  06              attribute value="w7"
00000014     0  87              <parm/> +attributes
00000015     1  30              attribute name="AAUTHLEVEL"
00000016     1  06              attribute value="APPSRV"
00000019        01              END </characteristic>
0000001a        01              END </wap-provisioningdoc>
