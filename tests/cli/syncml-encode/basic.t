# The worked example of the WBXML reference: byte for byte what libwbxml writes with -n -v 1.2.
cmd: syncml-encode messages/results-minimal.xml | od -An -tx1 -v
exit: 0
--- stdout
 02 a4 01 6a 00 6d 6c 71 03 31 2e 32 00 01 72 03
 44 4d 2f 31 2e 32 00 01 65 03 31 00 01 5b 03 31
 00 01 6e 57 03 68 74 74 70 3a 2f 2f 73 00 01 01
 67 57 03 49 4d 45 49 3a 31 00 01 01 01 6b 62 4b
 03 32 00 01 5c 03 31 00 01 4c 03 33 00 01 54 67
 57 03 2e 2f 44 65 76 49 6e 66 6f 2f 4c 61 6e 67
 00 01 01 5a 00 01 47 03 63 68 72 00 01 01 00 00
 4f 03 65 6e 2d 55 53 00 01 01 01 12 01 01
===
# Public id as a string in the string table.
cmd: syncml-encode --public-id string messages/results-minimal.xml | od -An -tx1 -N40
exit: 0
--- stdout
 02 00 00 6a 1e 2d 2f 2f 53 59 4e 43 4d 4c 2f 2f
 44 54 44 20 53 79 6e 63 4d 4c 20 31 2e 32 2f 2f
 45 4e 00 6d 6c 71 03 31
===
# WBXML 1.3 changes only the version byte.
cmd: syncml-encode --wbxml-version 1.3 messages/results-minimal.xml | od -An -tx1 -N5
exit: 0
--- stdout
 03 a4 01 6a 00
===
# Binary output is refused on a terminal only; a pipe is fine, so is -o.
cmd: syncml-encode -o /dev/null messages/server-package2.xml && echo written
exit: 0
--- stdout
written
===
# WBXML input is re-encoded with the options given.
cmd: syncml-encode --public-id string wbxml/windows-package1.wbxml | cmp - wbxml/windows-package1-fpi.wbxml && echo same
exit: 0
--- stdout
same
===
# Malformed XML: line and column, exit 3.
cmd: printf '<SyncML><SyncHdr></SyncML>' | syncml-encode -
exit: 3
--- stderr
syncml-encode: -:1:18: end tag </SyncML> does not match <SyncHdr>
===
# Unknown document type.
cmd: printf '<html><body/></html>' | syncml-encode -
exit: 3
--- stderr
syncml-encode: -:1:1: unknown document type: root <html> is not SyncML, DevInf, MetInf, MgmtTree or wap-provisioningdoc (force one with --language)
===
# An unknown element needs the string table.
cmd: printf '<SyncML xmlns="SYNCML:SYNCML1.2"><Vendor>x</Vendor></SyncML>' | syncml-encode --string-table none -
exit: 3
--- stderr
syncml-encode: -:1:34: "Vendor" needs the string table, which is turned off
===
# Usage errors exit 2.
cmd: syncml-encode --wbxml-version 1.0 messages/results-minimal.xml
exit: 2
--- stderr
syncml-encode: --wbxml-version: 1.0 not in {1.1,1.2,1.3}
syncml-encode: try 'syncml-encode --help' for more information
