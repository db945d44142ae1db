#!/usr/bin/env bash
# dm-send --har and SSLKEYLOGFILE, then dm-trace on what they wrote: a session over loopback TLS
# (MD5, so that Cred travels) recorded as HAR with the TLS keys logged; the HAR holds every
# exchange with the secrets masked, dm-trace rebuilds the session from it, and the key log has
# the lines Wireshark reads. When dumpcap may capture on the loopback interface, the same
# session is captured and read back with --tls-keylog (skipped otherwise).
. "$(dirname "$0")/helpers.bash"
tls_session_setup

serve --script "$DATA/session-full.xml" --auth md5 --user Bruce2 --password OhBehave
PORT=${URL##*:}
PORT=${PORT%%/*}
capture=0
if command -v dumpcap >/dev/null && command -v tshark >/dev/null && dumpcap -D 2>/dev/null | grep -q '\blo\b'; then
  dumpcap -q -i lo -f "tcp port $PORT" -w "$WORK/lo.pcapng" 2>"$WORK/dumpcap.err" &
  DUMPCAP=$!
  for i in $(seq 1 100); do grep -q "Capturing on" "$WORK/dumpcap.err" 2>/dev/null && break; sleep 0.05; done
  if kill -0 "$DUMPCAP" 2>/dev/null; then capture=1; sleep 0.3; fi
fi
SSLKEYLOGFILE="$WORK/keys.log" expect_exit 0 "session with --har and SSLKEYLOGFILE" -- "$BIN/dm-send" "${TLS[@]}" \
  --session --state "$WORK/dev.tnds" --auth md5 --user Bruce2 --password-file "$WORK/pw" \
  --device-id IMEI:493005100592800 --har "$WORK/s.har" "$URL"
if [ $capture = 1 ]; then sleep 0.5; kill -INT "$DUMPCAP" 2>/dev/null; wait "$DUMPCAP" 2>/dev/null || true; fi
stop_server

check_json "HAR 1.2: an entry per exchange, request and response with headers, bodies and timings" "$WORK/s.har" \
  'r["log"]["version"]=="1.2" and len(r["log"]["entries"])==5 and all(e["request"]["method"]=="POST" and e["response"]["status"]==200 and e["request"]["postData"]["text"].startswith("<SyncML") and e["response"]["content"]["text"].startswith("<SyncML") and e["timings"]["wait"]>=0 and any(h["name"]=="Content-Type" for h in e["request"]["headers"]) for e in r["log"]["entries"])'
check_json "the Cred of the retried package 1 is masked" "$WORK/s.har" \
  '"<Data>***</Data></Cred>" in r["log"]["entries"][1]["request"]["postData"]["text"]'
expect_no_grep "the password is nowhere in the HAR" "OhBehave" "$WORK/s.har"
expect_exit 0 "dm-trace reads the HAR" -- "$BIN/dm-trace" --format json "$WORK/s.har"
check_json "one session, every server command answered" "$WORK/out" \
  'len(r["sessions"])==1 and len([c for c in r["sessions"][0]["commands"] if c["from"]=="server"])==12 and all(c["status"] is not None for c in r["sessions"][0]["commands"]) and [c["status"] for c in r["sessions"][0]["commands"] if c["target"]=="./Vendor/Missing"]==[404]'
check_json "the device's own Alert 1201: refused at the challenge, then accepted" "$WORK/out" \
  '[c["status"] for c in r["sessions"][0]["commands"] if c["from"]=="device" and c["cmd"]=="Alert"]==[407,200]'
expect_grep "key log: TLS 1.3 secrets" "^CLIENT_TRAFFIC_SECRET_0 [0-9a-f]\{64\} [0-9a-f]\{64,\}$" "$WORK/keys.log"
expect_grep "key log: handshake secrets" "^CLIENT_HANDSHAKE_TRAFFIC_SECRET " "$WORK/keys.log"

# WBXML: bodies in Base64, the masked Cred encoded again.
serve --script "$DATA/session-full.xml" --auth md5 --user Bruce2 --password OhBehave --codec-bin "$BIN"
expect_exit 0 "WBXML session with --har" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/w.tnds" --wbxml \
  --auth md5 --user Bruce2 --password-file "$WORK/pw" --har "$WORK/w.har" "$URL"
stop_server
check_json "WBXML bodies in Base64" "$WORK/w.har" \
  'all(e["request"]["postData"].get("encoding")=="base64" and e["response"]["content"].get("encoding")=="base64" for e in r["log"]["entries"])'
python3 -c 'import base64,json,sys; h=json.load(open(sys.argv[1])); open(sys.argv[2],"wb").write(base64.b64decode(h["log"]["entries"][1]["request"]["postData"]["text"]))' \
  "$WORK/w.har" "$WORK/w1.wbxml"
expect_exit 0 "the retried package 1 (WBXML) decodes" -- "$BIN/syncml-decode" "$WORK/w1.wbxml"
expect_grep "its Cred Data is masked, encoded again" "<Data>\*\*\*</Data>" "$WORK/out"
expect_exit 0 "dm-trace reads the WBXML HAR" -- "$BIN/dm-trace" --format jsonl "$WORK/w.har"
expect_exit 1 "dm-trace --failed on it" -- "$BIN/dm-trace" --failed "$WORK/w.har"
expect_grep "a failure shown" "./Vendor/Missing .*404 Not found" "$WORK/out"

if [ $capture = 1 ] && [ -s "$WORK/lo.pcapng" ]; then
  expect_exit 0 "loopback capture read with --tls-keylog" -- "$BIN/dm-trace" --format json --tls-keylog "$WORK/keys.log" \
    --port "$PORT" "$WORK/lo.pcapng"
  check_json "the captured session is the HAR's" "$WORK/out" \
    'len(r["sessions"])==1 and len([c for c in r["sessions"][0]["commands"] if c["from"]=="server"])==12 and all(c["status"] is not None for c in r["sessions"][0]["commands"])'
  expect_exit 3 "without the key log: no HTTP" -- "$BIN/dm-trace" --port "$PORT" "$WORK/lo.pcapng"
else
  echo "loopback capture: skipped (dumpcap cannot capture on lo here)"
fi
finish
