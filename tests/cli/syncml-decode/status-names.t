# --dump: a Status's code is followed by its name from the library's code table.
cmd: syncml-decode --dump wbxml/client-package3-results.wbxml | grep -- ' = '
exit: 0
--- stdout
000000eb        03              STR_I "200"  = 200 OK
0000011d        03              STR_I "200"  = 200 OK
00000174        03              STR_I "404"  = 404 Not found
00000196        03              STR_I "200"  = 200 OK
