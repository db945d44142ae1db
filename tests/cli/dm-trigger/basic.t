# Vector P1 of the reference, made byte for byte (version 1.1, ui-mode background, client initiated).
cmd: printf 'srvpass\n' | dm-trigger make --server-id com.mgmtsrv.manage --session-id 4660 --password-file - --nonce AAECAwQFBgcICQoLDA0ODw== --ui-mode background --initiator client --notification-version 1.1 --format hex
exit: 0
--- stdout
496ecfbbddfe05ac10b87169bace04eb02d0000000123412636f6d2e6d676d747372762e6d616e616765
===
# The default: version 1.2, server initiated, ui-mode not specified; Base64 text.
cmd: printf 'srvpass\n' | dm-trigger make --server-id srv1 --session-id 43981 --password-file - --nonce AAECAwQFBgcICQoLDA0ODw== --format base64 | dm-trigger show
exit: 0
--- stdout
input:        base64
digest:       66160c25d4b1aed88b5a80d13ecfddef
version:      1.2 (0000001100)
ui-mode:      not-specified (0)
initiator:    server (1)
future-use:   0
session-id:   43981 (SessionID ABCD)
server-id:    srv1 (4 bytes)
vendor-data:  none
===
# Interactive, vendor data, wrapped for WAP push, written as binary to a file and read back as JSON.
cmd: f=$(mktemp) && printf 'pw' | dm-trigger make --server-id srv1 --session-id 1 --password-file - --nonce bm9uY2U= --ui-mode interactive --vendor-data "de:ad be ef" --wap-push -o "$f" && od -An -tx1 -N8 "$f" && dm-trigger show --format json "$f"; rm -f "$f"
exit: 0
--- stdout
 01 06 03 c4 af 87 5b 66
{
  "digest": "5b669f50402120df8615129f3613a5cd",
  "digest_verified": null,
  "future_use": 0,
  "initiator": "server",
  "input": "raw",
  "nonce": null,
  "server_id": "srv1",
  "session_id": 1,
  "session_id_text": "1",
  "ui_mode": "interactive",
  "vendor_data": "deadbeef",
  "version": "1.2",
  "wap_push": {
    "application_id": "x-wap-application:syncml.dm",
    "content_type": "application/vnd.syncml.notification",
    "message_offset": 6
  }
}
===
# P1 read raw, verified with the nonce given.
cmd: printf 'srvpass\n' | dm-trigger show --password-file - --nonce AAECAwQFBgcICQoLDA0ODw== trigger/p1.bin
exit: 0
--- stdout
input:        raw
digest:       496ecfbbddfe05ac10b87169bace04eb
version:      1.1 (0000001011)
ui-mode:      background (1)
initiator:    client (0)
future-use:   0
session-id:   4660 (SessionID 1234)
server-id:    com.mgmtsrv.manage (18 bytes)
vendor-data:  none
digest check: verified
===
# P1 as hex, a wrong password: every field is shown, then exit 1.
cmd: printf 'srvpasS\n' | dm-trigger show --password-file - --nonce AAECAwQFBgcICQoLDA0ODw== trigger/p1.hex
exit: 1
--- stdout
input:        hex
digest:       496ecfbbddfe05ac10b87169bace04eb
version:      1.1 (0000001011)
ui-mode:      background (1)
initiator:    client (0)
future-use:   0
session-id:   4660 (SessionID 1234)
server-id:    com.mgmtsrv.manage (18 bytes)
vendor-data:  none
digest check: does not verify
--- stderr
dm-trigger: trigger/p1.hex: the digest does not verify with this password and nonce
===
# P1 as Base64 and inside push PDUs (content type by code and by name) gives the same fields.
cmd: for f in trigger/p1.b64 trigger/p1-push.bin trigger/p1-push-named.bin; do dm-trigger show --format json $f | grep -E '"(session_id_text|server_id|input)"'; done
exit: 0
--- stdout
  "input": "base64",
  "server_id": "com.mgmtsrv.manage",
  "session_id_text": "1234",
  "input": "raw",
  "server_id": "com.mgmtsrv.manage",
  "session_id_text": "1234",
  "input": "raw",
  "server_id": "com.mgmtsrv.manage",
  "session_id_text": "1234",
===
# The digest with another server identifier than the message's (here: a wrong one).
cmd: printf 'srvpass\n' | dm-trigger show --password-file - --nonce AAECAwQFBgcICQoLDA0ODw== --digest-server-id other trigger/p1.bin
exit: 1
--- stdout (ignored)
--- stderr
dm-trigger: trigger/p1.bin: the digest does not verify with this password and nonce
===
# A digest made with the reset nonce (four zero bytes) verifies, and says so.
cmd: f=$(mktemp) && printf 'srvpass\n' | dm-trigger make --server-id com.mgmtsrv.manage --session-id 4660 --password-file - --nonce AAAAAA== -o "$f" && printf 'srvpass\n' | dm-trigger show --password-file - --nonce AAECAwQFBgcICQoLDA0ODw== "$f" | tail -1; rm -f "$f"
exit: 0
--- stdout
digest check: verified with the reset nonce (reset-zero-bytes)
