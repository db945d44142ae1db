# --bootstrap-key-file: the MAC of a capture verifies (SEC=USERPIN, upper-case hex); only the
# message's own findings are left.
cmd: dm-validate --bootstrap-key-file - validate/bootstrap/userpin.http < validate/bootstrap/key-1234
exit: 0
--- stdout
validate/bootstrap/userpin.http: offset 126: warning: Meta in SyncHdr is ignored by the Windows client (MaxMsgSize, MaxObjSize) [meta-header]
--- stderr
dm-validate: 1 file checked: 0 errors, 1 warning, 0 notes
===
# USERPIN_NETWORKID with quoted, lower-case parameters, verified with its key.
cmd: dm-validate -q --disable meta-header --bootstrap-key-file - validate/bootstrap/userpin-networkid.http < validate/bootstrap/key-pin-imsi
exit: 0
===
# The same capture under another key: the MAC does not match (error at the Content-Type line).
cmd: dm-validate --disable meta-header --bootstrap-key-file - validate/bootstrap/userpin-networkid.http < validate/bootstrap/key-1234
exit: 1
--- stdout
validate/bootstrap/userpin-networkid.http:3:1: error: MAC=48bdb160b91ae5d3e8c6e36da329b4306229834b does not match the body (1124 bytes) under the key given (SEC=USERPIN_NETWORKID) [bootstrap-mac]
--- stderr
dm-validate: 1 file checked: 1 error, 0 warnings, 0 notes
===
# Vector BS1 verifies (its body is not SyncML: that finding is disabled here), then fails under another key.
cmd: dm-validate -q --disable wbxml-malformed --bootstrap-key-file - validate/bootstrap/bs1.http < validate/bootstrap/key-1234 && dm-validate -q --disable wbxml-malformed --bootstrap-key-file - validate/bootstrap/bs1.http < validate/bootstrap/key-pin-imsi
exit: 1
--- stdout
validate/bootstrap/bs1.http:3:1: error: MAC=6cd48bfd7ffc33183154734df4434da694e25e6a does not match the body (6 bytes) under the key given (SEC=USERPIN) [bootstrap-mac]
===
# No MAC, an unknown SEC, input that is not HTTP: each an error.
cmd: dm-validate --disable meta-header --bootstrap-key-file - validate/bootstrap/no-mac.http validate/bootstrap/unknown-sec.http wbxml/server-package2.wbxml < validate/bootstrap/key-1234
exit: 1
--- stdout
validate/bootstrap/no-mac.http:3:1: error: the Content-Type carries no MAC parameter: 'application/vnd.syncml.dm+wbxml' [bootstrap-mac]
validate/bootstrap/unknown-sec.http:3:1: error: SEC=PASSWORD is not NETWORKID, USERPIN or USERPIN_NETWORKID [bootstrap-mac]
wbxml/server-package2.wbxml: offset 0: error: --bootstrap-key-file needs an HTTP capture: the SEC and MAC parameters travel in its Content-Type [bootstrap-mac]
--- stderr
dm-validate: 3 files checked: 3 errors, 0 warnings, 0 notes
===
# JSON carries the rule and the line of the Content-Type header like any other finding.
cmd: dm-validate --format json --disable meta-header --bootstrap-key-file - validate/bootstrap/userpin.http < validate/bootstrap/key-pin-imsi | grep -E '"(rule|line|message)"'
exit: 0
--- stdout
          "line": 3,
          "rule": "bootstrap-mac",
          "message": "MAC=24A51C0827AF878A545139566164A115C411E871 does not match the body (1124 bytes) under the key given (SEC=USERPIN)"
===
# A key file others may read: a warning, and the check goes on.
cmd: f=$(mktemp) && printf '1234\n' > "$f" && chmod 644 "$f" && dm-validate -q --bootstrap-key-file "$f" validate/bootstrap/userpin.http 2>&1 | sed "s#$f#KEY#g"; rm -f "$f"
exit: 0
--- stdout
dm-validate: warning: --bootstrap-key-file KEY: readable by others (mode 0644); keep it private: chmod 600 KEY
validate/bootstrap/userpin.http: offset 126: warning: Meta in SyncHdr is ignored by the Windows client (MaxMsgSize, MaxObjSize) [meta-header]
===
# Without the option nothing about the MAC is checked.
cmd: dm-validate -q --disable meta-header validate/bootstrap/no-mac.http
exit: 0
===
cmd: dm-validate --explain bootstrap-mac
exit: 0
--- stdout
bootstrap-mac (bootstrap)
  severity: error (profile windows), error (profile oma)
  status:   none defined
  summary:  the bootstrap MAC is missing or does not match the message

  A bootstrap message travels as WBXML with Content-Type parameters SEC
  (NETWORKID, USERPIN or USERPIN_NETWORKID: how the key was made) and MAC (hex
  HMAC-SHA1 of the WBXML bytes under that key). A device drops a bootstrap
  whose MAC does not verify. Checked on HTTP captures when a key is given;
  also reported when the capture is not HTTP, carries no SEC or MAC, or its
  body is not WBXML.

  example:
    Content-Type: application/vnd.syncml.dm+wbxml; SEC=USERPIN; MAC=0000000000000000000000000000000000000000
===
cmd: dm-validate --bootstrap-key-file validate/bootstrap/no-such-key validate/bootstrap/userpin.http
exit: 3
--- stderr
dm-validate: validate/bootstrap/no-such-key: cannot open: No such file or directory
