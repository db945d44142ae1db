#!/usr/bin/env bash
# Bootstrap, trigger, session, end to end over loopback TLS, as a device meets them:
# `dm-tree apply` of an enrolment-shaped provisioning document (its w7 APPLICATION names the test
# server; its CLIENT APPAUTH block becomes the account's SRVCRED), `dm-trigger make` of package 0
# with that server's identifier, password and nonce, then `dm-send --session --trigger` without a
# URL: the digest verifies against the account the document made, the address comes from it, and
# the server (--expect-trigger) sees Alert 1200 and the trigger's session id.
. "$(dirname "$0")/helpers.bash"
tls_session_setup
serve --script "$DATA/get-model.xml" --expect-trigger 1234 --record "$WORK/e2e.json"
sed "s|https://mdm.contoso.example/ManagementServer/MDM.svc|$URL|" "$SRC/testdata/prov/enrollment.xml" >"$WORK/enrol.xml"
"$BIN/dm-tree" init -o "$WORK/dev.tnds"
expect_exit 0 "bootstrap: the provisioning document applied" -- \
  "$BIN/dm-tree" apply "$WORK/dev.tnds" "$WORK/enrol.xml" --in-place
expect_grep "the server's credentials were set" "AppAuth/SRVCRED/AAuthSecret = " "$WORK/out"
# The server's side: its identifier, password and nonce, as the document gave them to the device.
printf 'server-secret' >"$WORK/srvpw" && chmod 600 "$WORK/srvpw"
expect_exit 0 "package 0 made" -- "$BIN/dm-trigger" make --server-id ContosoMDM --session-id 4660 \
  --password-file "$WORK/srvpw" --nonce bm9uY2UtZm9yLXRoZS1zZXJ2ZXI= -o "$WORK/trigger.bin"
expect_exit 0 "the device answers the trigger, no URL given" -- \
  "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" --trigger "$WORK/trigger.bin" -w json
expect_grep "the address came from the bootstrapped account" "server $URL from the state's DM account" "$WORK/err"
expect_grep "the session carried the trigger's id" '"session_id": *"1234"' "$WORK/out"
check_json "the server saw the session" "$WORK/e2e.json" 'len(r["requests"]) >= 1'
# A trigger made with another password does not verify against the bootstrapped account.
printf 'not-the-secret' >"$WORK/badpw" && chmod 600 "$WORK/badpw"
"$BIN/dm-trigger" make --server-id ContosoMDM --session-id 4660 --password-file "$WORK/badpw" \
  --nonce bm9uY2UtZm9yLXRoZS1zZXJ2ZXI= -o "$WORK/bad.bin"
expect_exit 5 "a trigger that does not verify starts nothing" -- \
  "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" --trigger "$WORK/bad.bin" --no-save
finish
