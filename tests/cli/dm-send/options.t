# -H takes one value per occurrence: a header before the URL leaves the URL alone.
cmd: dm-send --offline -A test-agent -H 'X-One: 1' -H 'X-Two: 2' https://mdm.example.com/dm net/package1.xml | head -9 | tr -d '\r'
exit: 0
--- stdout
POST /dm HTTP/1.1
Host: mdm.example.com
User-Agent: test-agent
Accept: application/vnd.syncml.dm+xml, application/vnd.syncml.dm+wbxml
Content-Type: application/vnd.syncml.dm+xml
Content-Length: 339
X-One: 1
X-Two: 2

===
# A header with CR or LF would add headers of its own: refused, nothing printed or sent.
cmd: dm-send --offline -H "$(printf 'X-One: 1\r\nX-Injected: 2')" https://mdm.example.com/dm net/package1.xml
exit: 2
--- stderr
dm-send: --header: a header must not contain CR or LF
dm-send: try 'dm-send --help' for more information
===
# The same for the User-Agent.
cmd: dm-send --offline -A "$(printf 'agent\nX-Injected: 2')" https://mdm.example.com/dm net/package1.xml
exit: 2
--- stderr
dm-send: --user-agent: a header must not contain CR or LF
dm-send: try 'dm-send --help' for more information
===
# --insecure warns on standard error (here before the connection fails), also with -q.
cmd: dm-send -q --insecure https://127.0.0.1:1/dm net/package1.xml 2>&1 >/dev/null | head -1
exit: 0
--- stdout
dm-send: warning: --insecure: the server's certificate and name are not verified; anyone on the way can read and change the traffic, credentials included
===
# Standard output that cannot be written is an error, help and version text included.
cmd: dm-send --help > /dev/full; echo "help: $?"; dm-send --version > /dev/full; echo "version: $?"
exit: 0
--- stdout
help: 3
version: 3
--- stderr
dm-send: cannot write to standard output
dm-send: cannot write to standard output
