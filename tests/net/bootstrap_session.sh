#!/usr/bin/env bash
# Bootstrap, then a session in two commands: `dm-tree apply` of a provisioning document whose
# w7 APPLICATION names the test server, then `dm-send --session --state` without a URL, which
# takes the server address from the state's DM account.
. "$(dirname "$0")/helpers.bash"
tls_session_setup
serve --script "$DATA/get-model.xml" --record "$WORK/boot.json"
sed "s|https://mdm.contoso.example/ManagementServer/MDM.svc|$URL|" "$SRC/testdata/prov/enrollment.xml" >"$WORK/enrol.xml"
"$BIN/dm-tree" init -o "$WORK/dev.tnds"
expect_exit 0 "bootstrap: dm-tree apply of the provisioning document" -- \
  "$BIN/dm-tree" apply "$WORK/dev.tnds" "$WORK/enrol.xml" --in-place
expect_grep "the account's address was set" "AppAddr/1/Addr = $URL" "$WORK/out"
expect_exit 0 "session without a URL" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" -w json
expect_grep "the address came from the state" "server $URL from the state's DM account" "$WORK/err"
check_json "the server saw the session" "$WORK/boot.json" 'len(r["requests"]) >= 1'
# Two accounts with an address: --server-id chooses, else usage error.
sed -e "s|ContosoMDM|OtherMDM|" "$WORK/enrol.xml" >"$WORK/other.xml"
"$BIN/dm-tree" apply "$WORK/dev.tnds" "$WORK/other.xml" --in-place >/dev/null
expect_exit 2 "two accounts and no --server-id" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" --no-save
expect_grep "told to choose" "choose one with --server-id" "$WORK/err"
expect_exit 0 "--server-id chooses the account" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" \
  --no-save --server-id ContosoMDM
"$BIN/dm-tree" init -o "$WORK/empty.tnds"
expect_exit 2 "no account, no URL" -- "$BIN/dm-send" --session --state "$WORK/empty.tnds" --no-save
expect_grep "says what is missing" "no DM account with a server address" "$WORK/err"
expect_exit 2 "single-package mode still needs a URL" -- "$BIN/dm-send"
expect_grep "and says so" "URL is required" "$WORK/err"
finish
