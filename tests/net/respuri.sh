#!/usr/bin/env bash
# A server's RespURI is followed only where the credentials stay safe: the same host with the
# same scheme (or up to HTTPS), or over HTTPS to a host named with --allow-respuri-host. A
# RespURI from HTTPS to plain HTTP, or to another host, ends the session with exit 4 and a
# message naming both URLs, before anything is sent there.
. "$(dirname "$0")/helpers.bash"
tls_session_setup
AUTH=(--auth basic --user Bruce2 --password-file "$WORK/pw")

# A plain-HTTP server that records whatever reaches it (it must stay untouched).
start_server --script "$DATA/session-full.xml" --record "$WORK/plain.json"
PLAIN=$URL

# ---- HTTPS to plain HTTP on the same host: a downgrade, never followed
serve --script "$DATA/session-full.xml" --auth basic --user Bruce2 --password OhBehave \
  --resp-uri-url "$PLAIN" --record "$WORK/down.json"
expect_exit 4 "RespURI from HTTPS to HTTP refused" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/d.tnds" \
  "${AUTH[@]}" "$URL"
expect_grep "the message names the RespURI" "refusing the server's RespURI $PLAIN" "$WORK/err"
expect_grep "the message names the URL in use" "from $URL to plain HTTP, which is never followed" "$WORK/err"
expect_exit 4 "a downgrade is refused even to an allowed host" -- "$BIN/dm-send" "${TLS[@]}" --session \
  --state "$WORK/d.tnds" --allow-respuri-host 127.0.0.1 "${AUTH[@]}" "$URL"
check_json "nothing reached the plain-HTTP server" "$WORK/plain.json" 'len(r["requests"])==0'
check_json "the HTTPS server saw one message per attempt" "$WORK/down.json" 'len(r["requests"])==2'
[ ! -e "$WORK/d.tnds" ] && pass "the refused session saved nothing" || fail "the refused session wrote a state"
stop_server

# ---- HTTPS to another host name (the same server as "localhost")
serve --script "$DATA/session-full.xml" --auth basic --user Bruce2 --password OhBehave \
  --resp-uri-url "https://localhost:{port}/dm?moved" --record "$WORK/other.json"
expect_exit 4 "RespURI to another host refused" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/o.tnds" \
  "${AUTH[@]}" "$URL"
expect_grep "the message names both URLs" "RespURI https://localhost:[0-9]*/dm?moved: it would take the session from $URL to another host" "$WORK/err"
check_json "only the first message was sent" "$WORK/other.json" 'len(r["requests"])==1'
expect_exit 0 "--allow-respuri-host follows it over HTTPS" -- "$BIN/dm-send" "${TLS[@]}" --session \
  --state "$WORK/o.tnds" --allow-respuri-host LOCALHOST "${AUTH[@]}" "$URL"
check_json "later messages went to the allowed host" "$WORK/other.json" \
  'len(r["requests"])>2 and all(q["path"]=="/dm?moved" and q["headers"]["Host"].startswith("localhost:") for q in r["requests"][2:])'
stop_server

# ---- a relative RespURI stays on the host in use
serve --script "$DATA/session-full.xml" --resp-uri-url "/dm?relative" --record "$WORK/rel.json"
expect_exit 0 "a relative RespURI is followed on the same host" -- "$BIN/dm-send" "${TLS[@]}" --session \
  --state "$WORK/r.tnds" "$URL"
check_json "relative RespURI resolved" "$WORK/rel.json" \
  'len(r["requests"])>1 and all(q["path"]=="/dm?relative" for q in r["requests"][1:])'
stop_server

expect_exit 2 "--allow-respuri-host needs --session" -- "$BIN/dm-send" --allow-respuri-host x --offline \
  http://127.0.0.1:1/dm "$DATA/package1.xml"
finish
