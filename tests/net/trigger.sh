#!/usr/bin/env bash
# A server-initiated session end to end over loopback TLS: dm-trigger makes package 0 for a
# device whose state holds the server's DM account, dm-send --trigger checks its digest against
# that account and answers with Alert 1200 and the trigger's session id, which the test server
# checks (--expect-trigger). A trigger that does not verify starts nothing (exit 5).
. "$(dirname "$0")/helpers.bash"
tls_session_setup

printf 'srv-Secret-1\n' >"$WORK/srvpw"
chmod 600 "$WORK/srvpw"
nonce=$(printf 'nonce-0001' | openssl base64 -A)
"$BIN/dm-tree" init --set ./DMAcc/srv/ServerID=com.example.dm --set ./DMAcc/srv/AppAuth/s/AAuthLevel=SRVCRED \
  --set ./DMAcc/srv/AppAuth/s/AAuthSecret=srv-Secret-1 --set ./DMAcc/srv/AppAuth/s/AAuthData=nonce-0001 \
  -o "$WORK/dev.tnds" 2>"$WORK/err"
cp "$WORK/dev.tnds" "$WORK/dev.orig"
make_trigger() {  # make_trigger OUT SESSION-ID PASSWORD-FILE [options...]
  local out=$1 sid=$2 pw=$3
  shift 3
  "$BIN/dm-trigger" make --server-id com.example.dm --session-id "$sid" --password-file "$pw" --nonce "$nonce" \
    -o "$out" "$@"
}

# ---- a WAP push trigger for session 0xABCD
make_trigger "$WORK/t.push" 43981 "$WORK/srvpw" --wap-push
serve --script "$DATA/get-model.xml" --expect-trigger ABCD --record "$WORK/t.json"
expect_exit 0 "session answering a WAP push trigger" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" \
  --trigger "$WORK/t.push" -w json "$URL"
check_json "package 1: Alert 1200 and SessionID ABCD, checked by the server" "$WORK/t.json" \
  'r["requests"][0]["trigger"]=="ok" and r["requests"][0]["session"]=="ABCD" and [c["data"] for c in r["requests"][0]["commands"] if c["cmd"]=="Alert"][:1]==["1200"]'
check_json "the whole session kept the SessionID and completed" "$WORK/t.json" \
  'len(r["requests"])>=2 and all(q["session"]=="ABCD" for q in r["requests"]) and r["sessions_completed"]==1'

# ---- hex text, a session id with leading zeros (0x00AB -> AB), version 1.1
make_trigger "$WORK/t.hex" 171 "$WORK/srvpw" --format hex --notification-version 1.1
expect_exit 1 "a server expecting session ABCD refuses session AB" -- "$BIN/dm-send" "${TLS[@]}" --session \
  --state "$WORK/dev.tnds" --trigger "$WORK/t.hex" "$URL"
check_json "the server saw SessionID AB" "$WORK/t.json" 'r["requests"][-1]["trigger"].startswith("SessionID AB,")'
stop_server
serve --script "$DATA/get-model.xml" --expect-trigger 00AB --record "$WORK/hex.json"
expect_exit 0 "hex trigger, session 0x00AB" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" \
  --trigger "$WORK/t.hex" "$URL"
check_json "SessionID AB (no leading zeros)" "$WORK/hex.json" \
  'r["requests"][0]["trigger"]=="ok" and r["requests"][0]["session"]=="AB" and r["sessions_completed"]==1'
stop_server

# ---- a trigger whose digest does not verify: nothing is sent
printf 'wrong\n' >"$WORK/badpw"
chmod 600 "$WORK/badpw"
make_trigger "$WORK/t.bad" 43981 "$WORK/badpw"
serve --script "$DATA/get-model.xml" --expect-trigger ABCD --record "$WORK/bad.json"
expect_exit 5 "wrong password: refused before anything is sent" -- "$BIN/dm-send" "${TLS[@]}" --session \
  --state "$WORK/dev.tnds" --trigger "$WORK/t.bad" "$URL"
expect_grep "the refusal names the account" "does not verify against the server credentials of ./DMAcc/srv" "$WORK/err"
check_json "no request reached the server" "$WORK/bad.json" 'len(r["requests"])==0'
expect_exit 0 "--no-verify answers it anyway" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" \
  --trigger "$WORK/t.bad" --no-verify "$URL"
check_json "--no-verify: Alert 1200, SessionID ABCD" "$WORK/bad.json" 'r["requests"][0]["trigger"]=="ok"'
expect_exit 1 "a client-initiated session is refused by a server expecting the trigger" -- "$BIN/dm-send" "${TLS[@]}" \
  --session --state "$WORK/dev.tnds" --session-id ABCD "$URL"
check_json "the server saw no Alert 1200" "$WORK/bad.json" 'r["requests"][-1]["trigger"].startswith("no Alert 1200")'
stop_server

# ---- a trigger for another server, and one that is cut short
"$BIN/dm-trigger" make --server-id other.dm --session-id 5 --password-file "$WORK/srvpw" --nonce "$nonce" -o "$WORK/t.other"
expect_exit 5 "trigger for a server the state has no account for" -- "$BIN/dm-send" "${TLS[@]}" --session \
  --state "$WORK/dev.tnds" --trigger "$WORK/t.other" https://127.0.0.1:9/dm
expect_grep "says which ServerID" "no DM account with ServerID 'other.dm'" "$WORK/err"
head -c 30 "$WORK/t.push" >"$WORK/t.cut"
expect_exit 3 "truncated trigger: input error" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" \
  --trigger "$WORK/t.cut" https://127.0.0.1:9/dm
expect_grep "with its offset" "offset" "$WORK/err"
expect_exit 2 "--trigger with --session-id is a usage error" -- "$BIN/dm-send" --session --state "$WORK/dev.tnds" \
  --trigger "$WORK/t.push" --session-id 1 https://127.0.0.1:9/dm
finish
