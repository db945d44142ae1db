#!/usr/bin/env bash
# dm-send single-package mode over loopback TLS: verification, MD5 challenge and nonce file,
# Basic, HMAC, --offline, --fail-on-status, --write-out json, client certificates.
. "$(dirname "$0")/helpers.bash"
make_certs
PKG=$DATA/package1.xml
printf 'OhBehave\n' >"$WORK/pw"

start_server --script "$DATA/get-model.xml" --cert "$WORK/server.pem" --key "$WORK/server.key" --record "$WORK/plain.json"
expect_exit 0 "TLS with --cacert" -- "$BIN/dm-send" --cacert "$WORK/server.pem" "$URL" "$PKG"
expect_grep "reply printed as XML" "<Get><CmdID>3</CmdID>" "$WORK/out"
expect_exit 4 "unknown CA refused" -- "$BIN/dm-send" --capath "$WORK" "$URL" "$PKG"
expect_grep "TLS error explained" "TLS verification" "$WORK/err"
expect_exit 0 "--insecure when asked" -- "$BIN/dm-send" -k "$URL" "$PKG"
expect_grep "--insecure warns on stderr" "dm-send: warning: --insecure: the server's certificate and name are not verified" "$WORK/err"
pin=$(openssl x509 -in "$WORK/server.pem" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | openssl base64 -A)
expect_exit 0 "--pinnedpubkey matching" -- "$BIN/dm-send" --cacert "$WORK/server.pem" --pinnedpubkey "sha256//$pin" "$URL" "$PKG"
expect_exit 4 "--pinnedpubkey not matching" -- "$BIN/dm-send" --cacert "$WORK/server.pem" --pinnedpubkey "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" "$URL" "$PKG"
check_json "server saw our media type, Accept and User-Agent" "$WORK/plain.json" \
  'r["requests"][0]["headers"]["Content-Type"]=="application/vnd.syncml.dm+xml" and "application/vnd.syncml.dm+wbxml" in r["requests"][0]["headers"]["Accept"] and r["requests"][0]["headers"]["User-Agent"].startswith("syncml-dm-tools dm-send/")'
expect_exit 0 "-H and --user-agent" -- "$BIN/dm-send" --cacert "$WORK/server.pem" -H "X-Test: yes" -A "probe/1" "$URL" "$PKG"
check_json "extra header and agent arrive" "$WORK/plain.json" \
  'r["requests"][-1]["headers"].get("X-Test")=="yes" and r["requests"][-1]["headers"]["User-Agent"]=="probe/1"'
expect_exit 0 "stdin input" -- sh -c "\"$BIN/dm-send\" --cacert \"$WORK/server.pem\" \"$URL\" - < \"$PKG\""
expect_exit 3 "input that is not SyncML" -- "$BIN/dm-send" --cacert "$WORK/server.pem" "$URL" "$WORK/pw"
expect_exit 0 "--write-out json" -- "$BIN/dm-send" --cacert "$WORK/server.pem" -w json "$URL" "$PKG"
tail -n 1 "$WORK/out" >"$WORK/summary.json"
check_json "summary counts statuses" "$WORK/summary.json" 'r["statuses"]["200"]==2 and r["messages_sent"]==1'
stop_server

# MD5: challenge, retry with the nonce, NextNonce saved for the next run.
start_server --script "$DATA/get-model.xml" --cert "$WORK/server.pem" --key "$WORK/server.key" \
  --auth md5 --user Bruce2 --password OhBehave --record "$WORK/md5.json"
expect_exit 5 "MD5 server without --auth" -- "$BIN/dm-send" --cacert "$WORK/server.pem" "$URL" "$PKG"
expect_exit 0 "MD5 challenge answered" -- "$BIN/dm-send" --cacert "$WORK/server.pem" --auth md5 --user Bruce2 \
  --password-file "$WORK/pw" --nonce-file "$WORK/nonce" "$URL" "$PKG"
check_json "second message carried an MD5 Cred accepted by the server" "$WORK/md5.json" \
  'r["requests"][-1]["auth"]=="ok" and r["requests"][-1]["loc_name"]=="Bruce2" and r["requests"][-2]["auth"]=="missing"'
[ -s "$WORK/nonce" ] && pass "NextNonce saved" || fail "NextNonce not saved"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["requests"]))' "$WORK/md5.json")
expect_exit 0 "stored nonce authenticates at once" -- env DM_PASSWORD=OhBehave "$BIN/dm-send" --cacert "$WORK/server.pem" \
  --auth md5 --user Bruce2 --nonce-file "$WORK/nonce" "$URL" "$PKG"
check_json "one request only with the stored nonce" "$WORK/md5.json" "len(r['requests'])==$n+1 and r['requests'][-1]['auth']=='ok'"
printf 'wrong\n' >"$WORK/badpw"
expect_exit 5 "wrong password: exit 5 after one retry" -- "$BIN/dm-send" --cacert "$WORK/server.pem" --auth md5 \
  --user Bruce2 --password-file "$WORK/badpw" "$URL" "$PKG"
expect_grep "auth failure explained" "authentication refused" "$WORK/err"
expect_exit 2 "no password source (no terminal)" -- sh -c "\"$BIN/dm-send\" --cacert \"$WORK/server.pem\" --auth md5 --user Bruce2 \"$URL\" \"$PKG\" </dev/null"
stop_server

# Basic.
start_server --script "$DATA/get-model.xml" --cert "$WORK/server.pem" --key "$WORK/server.key" \
  --auth basic --user Bruce2 --password OhBehave --record "$WORK/basic.json"
expect_exit 0 "Basic" -- "$BIN/dm-send" --cacert "$WORK/server.pem" --auth basic --user Bruce2 --password-file "$WORK/pw" "$URL" "$PKG"
check_json "Basic Cred accepted on the first message" "$WORK/basic.json" 'r["requests"][0]["auth"]=="ok"'
stop_server

# HMAC: challenge, then x-syncml-hmac over the exact body.
start_server --script "$DATA/get-model.xml" --cert "$WORK/server.pem" --key "$WORK/server.key" \
  --auth hmac --user Bruce2 --password OhBehave --record "$WORK/hmac.json"
expect_exit 0 "HMAC" -- "$BIN/dm-send" --cacert "$WORK/server.pem" --auth hmac --user Bruce2 --password-file "$WORK/pw" "$URL" "$PKG"
check_json "x-syncml-hmac verified by the server" "$WORK/hmac.json" \
  'r["requests"][-1]["auth"]=="ok" and r["requests"][-1]["hmac"].startswith("algorithm=MD5, username=\"Bruce2\", mac=")'
stop_server

# Client certificates.
start_server --script "$DATA/get-model.xml" --cert "$WORK/server.pem" --key "$WORK/server.key" \
  --client-ca "$WORK/ca.pem" --record "$WORK/mtls.json"
expect_exit 4 "client certificate required but missing" -- "$BIN/dm-send" --cacert "$WORK/server.pem" "$URL" "$PKG"
expect_exit 0 "client certificate given" -- "$BIN/dm-send" --cacert "$WORK/server.pem" --cert "$WORK/client.pem" \
  --key "$WORK/client.key" "$URL" "$PKG"
check_json "server saw the client certificate" "$WORK/mtls.json" \
  'r["requests"][-1]["client_cert_subject"]["commonName"]=="IMEI:493005100592800"'
stop_server

# --offline sends nothing and masks the credentials.
expect_exit 0 "--offline" -- "$BIN/dm-send" --offline --auth basic --user Bruce2 --password-file "$WORK/pw" \
  https://127.0.0.1:9/dm "$PKG"
expect_grep "offline request line" "POST /dm HTTP/1.1" "$WORK/out"
expect_grep "offline Cred masked" "<Data>\*\*\*</Data>" "$WORK/out"
expect_no_grep "offline shows no Basic credentials" "QnJ1Y2UyOk9oQmVoYXZl" "$WORK/out"

# WBXML both ways: the server decodes and encodes with the toolkit's own codec.
start_server --script "$DATA/get-model.xml" --cert "$WORK/server.pem" --key "$WORK/server.key" \
  --codec-bin "$BIN" --auth md5 --user Bruce2 --password OhBehave --record "$WORK/wbxml.json"
expect_exit 0 "WBXML request and reply with MD5" -- "$BIN/dm-send" --cacert "$WORK/server.pem" --wbxml --auth md5 \
  --user Bruce2 --password-file "$WORK/pw" "$URL" "$PKG"
expect_grep "WBXML reply decoded to XML" "<Get>" "$WORK/out"
check_json "server got WBXML with an accepted Cred" "$WORK/wbxml.json" \
  'r["requests"][-1]["content_type"]=="application/vnd.syncml.dm+wbxml" and r["requests"][-1]["auth"]=="ok"'
stop_server

# --fail-on-status: a reply with a failing Status.
start_server --script "$DATA/get-model.xml" --auth md5 --user Bruce2 --password OhBehave
expect_exit 5 "plain HTTP MD5 refusal" -- "$BIN/dm-send" "$URL" "$PKG"
stop_server
finish
