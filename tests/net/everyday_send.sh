#!/usr/bin/env bash
# dm-send's everyday output over loopback: the reply as received in a pipe, --indent and
# --compact, -w json to --write-out-file (or stderr), a URL without a scheme, no --repeat progress
# off a terminal, and TLS errors that name the option that fixes them. Terminal behaviour:
# tests/scripts/terminal_tree_send.py.
. "$(dirname "$0")/helpers.bash"
make_certs
PKG=$DATA/package1.xml

start_server --script "$DATA/get-model.xml" --cert "$WORK/server.pem" --key "$WORK/server.key"
TLS=(--cacert "$WORK/server.pem")
expect_exit 0 "reply in a pipe" -- "$BIN/dm-send" "${TLS[@]}" "$URL" "$PKG"
[ "$(grep -c '<' "$WORK/out")" -eq 1 ] && pass "a pipe gets the reply as received (one line)" || fail "reply re-laid in a pipe"
expect_exit 0 "--indent" -- "$BIN/dm-send" "${TLS[@]}" --indent "$URL" "$PKG"
expect_grep "--indent indents the reply" "^    <Get>" "$WORK/out"
expect_exit 0 "--compact" -- "$BIN/dm-send" "${TLS[@]}" --compact "$URL" "$PKG"
[ "$(wc -l <"$WORK/out")" -eq 1 ] && pass "--compact: one line" || fail "--compact: $(wc -l <"$WORK/out") lines"
expect_exit 2 "--indent with --compact refused" -- "$BIN/dm-send" "${TLS[@]}" --indent --compact "$URL" "$PKG"
expect_grep "the conflict is named" "--compact excludes --indent" "$WORK/err"

expect_exit 0 "-w json --write-out-file" -- "$BIN/dm-send" "${TLS[@]}" -w json --write-out-file "$WORK/w.json" "$URL" "$PKG"
check_json "the summary went to the file" "$WORK/w.json" 'r["messages_sent"]==1 and r["http_status"]==200'
expect_no_grep "stdout holds the reply only" "messages_sent" "$WORK/out"
expect_exit 0 "--write-out-file - (stderr)" -- "$BIN/dm-send" "${TLS[@]}" -w json --write-out-file - "$URL" "$PKG"
expect_grep "the summary went to stderr" '"messages_sent":1' "$WORK/err"
expect_exit 2 "--write-out-file without -w" -- "$BIN/dm-send" "${TLS[@]}" --write-out-file "$WORK/x.json" "$URL" "$PKG"

printf 'OhBehave\n' >"$WORK/pw"
expect_exit 0 "--repeat off a terminal" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/s.tnds" --repeat 3 "$URL"
if grep -q $'\r' "$WORK/err"; then fail "no progress line off a terminal"; else pass "no progress line off a terminal"; fi
expect_exit 0 "--repeat -w json to a file" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/s.tnds" --repeat 2 \
  -w json --write-out-file "$WORK/r.json" "$URL"
[ "$(wc -l <"$WORK/r.json")" -eq 3 ] && pass "a line per session and the total in the file" || fail "r.json: $(cat "$WORK/r.json")"

# TLS errors name the option that fixes them.
expect_exit 4 "untrusted certificate" -- "$BIN/dm-send" "$URL" "$PKG"
expect_grep "hint: --cacert or --insecure" "(--cacert FILE trusts the CA that issued the server's certificate; -k/--insecure skips the check)" "$WORK/err"
stop_server

start_server --script "$DATA/get-model.xml" --cert "$WORK/server.pem" --key "$WORK/server.key" --client-ca "$WORK/ca.pem"
expect_exit 4 "client certificate required" -- "$BIN/dm-send" "${TLS[@]}" "$URL" "$PKG"
expect_grep "hint: --cert and --key" "client certificate: --cert FILE and --key FILE" "$WORK/err"
expect_exit 4 "key of another certificate" -- "$BIN/dm-send" "${TLS[@]}" --cert "$WORK/client.pem" --key "$WORK/server.key" "$URL" "$PKG"
expect_grep "hint: --key" "\-\-key must be the private key of --cert" "$WORK/err"
stop_server

start_server --script "$DATA/get-model.xml"
PLAIN=${URL#http://}
expect_exit 4 "https:// to a plain HTTP server" -- "$BIN/dm-send" "https://$PLAIN" "$PKG"
expect_grep "hint: not TLS on this port" "does not speak TLS on this port" "$WORK/err"
expect_exit 0 "a URL without a scheme goes as http://" -- "$BIN/dm-send" "$PLAIN" "$PKG"
expect_grep "and says so" "warning: the URL $PLAIN has no scheme: sent as http://$PLAIN" "$WORK/err"
stop_server
finish
