#!/usr/bin/env bash
# A server that misbehaves: each case ends with the documented exit code and a clear message,
# within the time limits, and with bounded memory.
. "$(dirname "$0")/helpers.bash"
make_certs
PKG=$DATA/package1.xml
TLS=(--cacert "$WORK/server.pem")
serve() { start_server --script "$DATA/get-model.xml" --cert "$WORK/server.pem" --key "$WORK/server.key" "$@"; }

serve --misbehave close
expect_exit 4 "connection closed without a reply" -- "$BIN/dm-send" "${TLS[@]}" "$URL" "$PKG"
expect_grep "closed connection explained" "closed the connection\|broken\|failed" "$WORK/err"
stop_server

serve --misbehave html
expect_exit 3 "HTML instead of SyncML" -- "$BIN/dm-send" "${TLS[@]}" "$URL" "$PKG"
expect_grep "names the Content-Type" "not SyncML (Content-Type text/html" "$WORK/err"
stop_server

serve --misbehave not-syncml
expect_exit 3 "XML that is not SyncML" -- "$BIN/dm-send" "${TLS[@]}" "$URL" "$PKG"
stop_server

serve --misbehave garbage
expect_exit 3 "malformed XML reply" -- "$BIN/dm-send" "${TLS[@]}" "$URL" "$PKG"
expect_grep "malformed reply has a place" "reply:1:" "$WORK/err"
stop_server

# Two different Content-Length values: libcurl would take the last, another reader the first.
serve --misbehave two-lengths
expect_exit 4 "two different Content-Length headers" -- "$BIN/dm-send" "${TLS[@]}" "$URL" "$PKG"
expect_grep "the conflict is named" "has conflicting Content-Length values (52 and 60)" "$WORK/err"
stop_server

serve --misbehave 500
expect_exit 4 "HTTP 500" -- "$BIN/dm-send" "${TLS[@]}" "$URL" "$PKG"
expect_grep "500 explained" "HTTP 500" "$WORK/err"
expect_grep "body of the error shown" "the database is down" "$WORK/out"
stop_server

serve --misbehave stall --stall-seconds 20
start=$(date +%s)
expect_exit 4 "server stalls past --max-time" -- "$BIN/dm-send" "${TLS[@]}" --max-time 1 "$URL" "$PKG"
expect_grep "timeout explained" "timed out" "$WORK/err"
[ $(( $(date +%s) - start )) -lt 10 ] && pass "gave up in time" || fail "took too long to give up"
stop_server

for mode in huge huge-chunked; do
  serve --misbehave $mode
  expect_exit 4 "50 MB reply ($mode)" -- "$BIN/dm-send" "${TLS[@]}" "$URL" "$PKG"
  expect_grep "size limit explained ($mode)" "limit of 16777216 bytes" "$WORK/err"
  # With a 1 MiB limit the process stays far below the 50 MB the server sends (sanitizer builds
  # included, which add their own overhead).
  expect_exit 4 "50 MB reply, 1 MiB limit ($mode)" -- /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN/dm-send" "${TLS[@]}" \
    --max-reply-size 1048576 "$URL" "$PKG"
  rss=$(tail -1 "$WORK/rss")
  if ldd "$BIN/dm-send" 2>/dev/null | grep libasan >/dev/null; then
    echo "skip - peak RSS not judged under AddressSanitizer ($mode: ${rss} KiB)"
  else
    [ "$rss" -lt 45000 ] && pass "memory bounded ($mode: ${rss} KiB)" || fail "memory not bounded ($mode: ${rss} KiB)"
  fi
  stop_server
done

serve --misbehave 429 --misbehave-count 2 --retry-after 1 --record "$WORK/429.json"
expect_exit 0 "HTTP 429 retried after Retry-After" -- "$BIN/dm-send" "${TLS[@]}" --retry 3 "$URL" "$PKG"
check_json "three requests: two refused, one served" "$WORK/429.json" 'len(r["requests"])==3'
stop_server
serve --misbehave 429 --retry-after 1
expect_exit 4 "HTTP 429 beyond --retry" -- "$BIN/dm-send" "${TLS[@]}" --retry 1 "$URL" "$PKG"
expect_grep "429 explained" "HTTP 429" "$WORK/err"
stop_server

# Nobody listening.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
expect_exit 4 "connection refused" -- "$BIN/dm-send" "http://127.0.0.1:$port/dm" "$PKG"
expect_grep "connection failure explained" "cannot connect" "$WORK/err"
finish
