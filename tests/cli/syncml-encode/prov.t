# A provisioning document is told by its root: PROV public id 0x0B, attributes as tokens
# (version="1.1" is the start token 0x45 and a string, type="CertificateStore" 0x50 and a string).
cmd: syncml-encode prov/enrollment.xml | syncml-decode --dump - | head -12
exit: 0
--- stdout
offset    page  token           meaning
00000000        02              version 1.2
00000001        0b              public id 0x000B (-//WAPFORUM//DTD PROV 1.0//EN)
00000002        6a              charset 106 (UTF-8)
00000003        09              string table, 9 bytes
00000004                          [0] "datatype"
0000000d                        body, decoded as PROV 1.0
0000000d     0  c5              <wap-provisioningdoc> +content +attributes
0000000e     0  45              attribute version="1.1"
00000015     0  c6              <characteristic> +content +attributes
00000016     0  50              attribute type="CertificateStore"
0000002a     0  c6              <characteristic> +content +attributes
===
# The string form of the public id, as the FPI of PROV 1.0.
cmd: syncml-encode --public-id string prov/enrollment.xml | syncml-decode --dump - | head -3
exit: 0
--- stdout
offset    page  token           meaning
00000000        02              version 1.2
00000001        00 00           public id: string table offset 0 "-//WAPFORUM//DTD PROV 1.0//EN"
===
# XML -> WBXML -> XML gives the document back (comments aside).
cmd: syncml-encode prov/enrollment.xml | syncml-decode - | cmp - prov/enrollment.expected.xml && echo same
exit: 0
--- stdout
same
===
# An attribute value that starts as a token's prefix: start token plus the rest as a string.
cmd: echo '<wap-provisioningdoc version="1.0"><characteristic type="NAPDEF"><parm name="NAP-ADDRTYPE" value="IPV4"/><parm name="NAMEX" value="a"/></characteristic></wap-provisioningdoc>' | syncml-encode - | od -An -tx1 | tr -s ' '
exit: 0
--- stdout
 02 0b 6a 00 c5 46 01 c6 55 01 87 09 06 85 01 87
 07 03 58 00 06 03 61 00 01 01 01
===
# An unknown root still names what is known.
cmd: echo '<provisioningdoc/>' | syncml-encode -
exit: 3
--- stderr
syncml-encode: -:1:1: unknown document type: root <provisioningdoc> is not SyncML, DevInf, MetInf, MgmtTree or wap-provisioningdoc (force one with --language)
