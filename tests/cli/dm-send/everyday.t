# --indent and --compact exclude each other: exit 2 before anything is sent.
cmd: dm-send --indent --compact https://127.0.0.1:1/dm net/package1.xml
exit: 2
--- stderr
dm-send: --compact excludes --indent
dm-send: try 'dm-send --help' for more information
===
# --session prints no reply to lay out.
cmd: dm-send --session --state s.tnds --compact https://127.0.0.1:1/dm
exit: 2
--- stderr
dm-send: --session prints no reply: no --indent or --compact
===
# --write-out-file is where -w goes: without -w it has nothing to write.
cmd: dm-send --write-out-file w.json https://127.0.0.1:1/dm net/package1.xml
exit: 2
--- stderr
dm-send: --write-out-file needs -w json
===
# A URL without a scheme: a warning, and it goes as http:// (as libcurl would guess).
cmd: dm-send --offline mdm.example.com/dm net/package1.xml | head -2 | tr -d '\r'
exit: 0
--- stdout
POST /dm HTTP/1.1
Host: mdm.example.com
--- stderr
dm-send: warning: the URL mdm.example.com/dm has no scheme: sent as http://mdm.example.com/dm (plain text); write https:// for TLS
===
# A TLS hint names the option that fixes it: https:// to a port that is closed is no TLS error, so no hint.
cmd: dm-send https://127.0.0.1:1/dm net/package1.xml 2>&1 | grep -c -e '--cacert' -e '--cert'
exit: 1
--- stdout
0
