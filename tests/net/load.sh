#!/usr/bin/env bash
# dm-load over loopback: many distinct devices against dm-responder (the C++ test server) and the
# Python test server; faults counted by kind; --max-errors and Ctrl-C leave complete results;
# shards merged equal one unsharded run.
. "$(dirname "$0")/helpers.bash"
RESPONDER=${SYNCMLDM_RESPONDER:-$BIN/../support/dm-responder}
[ -x "$RESPONDER" ] || { echo "dm-responder not built: skipped"; exit 77; }
make_certs
LOAD=("$BIN/dm-load" --no-progress)

# respond [options...]: starts dm-responder, sets URL; its counts go to $WORK/resp.json when stopped.
respond() {
  local urlfile="$WORK/rurl.$RANDOM"
  "$RESPONDER" --lifetime 300 --record "$WORK/resp.json" "$@" >"$urlfile" 2>>"$WORK/server.log" &
  SERVER_PIDS+=($!)
  local i
  for i in $(seq 1 100); do [ -s "$urlfile" ] && break; sleep 0.05; done
  URL=$(head -1 "$urlfile")
  [ -n "$URL" ] || { echo "dm-responder printed no URL" >&2; exit 1; }
}

# ---- 200 devices, 20 in flight, over HTTPS with a client certificate
respond --cert "$WORK/server.pem" --key "$WORK/server.key" --client-ca "$WORK/ca.pem"
expect_exit 0 "200 devices, 20 concurrent, HTTPS with a client certificate" -- "${LOAD[@]}" --devices 200 -c 20 \
  --dev-id 'IMEI:35000000{n:07}' --cacert "$WORK/server.pem" --cert "$WORK/client.pem" --key "$WORK/client.key" \
  -o "$WORK/all.json" "$URL"
cp "$WORK/out" "$WORK/summary.txt"
stop_server
check_json "the server saw 200 distinct DevIds and 200 completed sessions" "$WORK/resp.json" \
  'r["devids"]==200 and r["completed"]==200 and r["sessions"]==200 and r["failed"]==0'
check_json "every session completed, six messages each" "$WORK/all.json" \
  'r["outcomes"]=={"completed":200} and r["sessions"]==200 and r["devices"]==200 and r["messages_sent"]==600 and r["http_statuses"]=={"200":600}'
check_json "one connection per session, each with its TLS handshake" "$WORK/all.json" \
  'r["connections"]==200 and r["phases"]["tls"]["count"]==200 and r["phases"]["connect"]["count"]==200'
check_json "histograms per phase, as buckets that add up to the count" "$WORK/all.json" \
  'all(sum(c for v,c in h["buckets"])==h["count"] for h in r["phases"].values()) and r["phases"]["session"]["count"]==200 and r["phases"]["round_trip_3"]["count"]==200'
check_json "each device's tree copied once the server changed it (Replace)" "$WORK/all.json" 'r["trees_copied"]==200'
expect_grep "text summary: p50/p90/p99/p99.9/max per phase" "^session .*[0-9]" "$WORK/summary.txt"
expect_grep "text summary: the header of the percentile table" "p99.9" "$WORK/summary.txt"

# ---- the Python test server sees exactly the DevIds of the template, with MD5 authentication
printf 'OhBehave\n' >"$WORK/pw"
start_server --script "$DATA/bench-session.xml" --auth md5 --user Bruce2 --password OhBehave --record "$WORK/rec.json"
expect_exit 0 "20 devices with MD5 against the Python server" -- "${LOAD[@]}" --devices 20 -c 4 \
  --dev-id 'IMEI:35000000{n:07}' --auth md5 --user Bruce2 --password-file "$WORK/pw" -o "$WORK/py.json" "$URL"
stop_server
check_json "the server saw IMEI:350000000000000..019 as DevIds" "$WORK/rec.json" \
  '{__import__("re").search(r"<Source><LocURI>([^<]*)", q["xml"]).group(1) for q in r["requests"]}=={"IMEI:35000000%07d"%i for i in range(20)}'
check_json "20 sessions completed after the MD5 challenge" "$WORK/py.json" \
  'r["outcomes"]=={"completed":20} and r["syncml_statuses"].get("200",0)>0'

# ---- faults: every 10th session fails; the counts say how
for how in 500 close; do
  respond --fail-every 10 --fail-how $how
  expect_exit 1 "a server failing 10% of sessions ($how): exit 1" -- "${LOAD[@]}" --devices 200 -c 20 -o "$WORK/f.json" "$URL"
  stop_server
  kind=$([ $how = 500 ] && echo http-500 || echo closed)
  check_json "$how: 180 completed, 20 errors of kind $kind" "$WORK/f.json" \
    "r['outcomes']=={'completed':180,'error':20} and r['errors']=={'$kind':20} and r['failed']==20"
  check_json "$how: the server agrees (20 failed)" "$WORK/resp.json" 'r["failed"]==20 and r["completed"]==180'
done
respond --fail-every 2 --fail-how stall
expect_exit 1 "a stalling server: requests time out" -- "${LOAD[@]}" --devices 4 -c 4 -m 1 -o "$WORK/s.json" "$URL"
stop_server
check_json "stall: 2 timeouts, 2 completed" "$WORK/s.json" 'r["errors"]=={"timeout":2} and r["outcomes"]["completed"]==2'
respond --cert "$WORK/server.pem" --key "$WORK/server.key"
expect_exit 1 "TLS refused (an untrusted server certificate)" -- "${LOAD[@]}" --devices 3 -o "$WORK/t.json" "$URL"
stop_server
check_json "TLS errors counted as tls" "$WORK/t.json" 'r["errors"]=={"tls":3}'

# ---- --max-errors ends a failing run with its results
respond --fail-every 1
expect_exit 1 "--max-errors 5 stops a failing run" -- "${LOAD[@]}" --devices 1000 -c 2 --max-errors 5 -o "$WORK/m.json" "$URL"
expect_grep "--max-errors: said on stderr" "stopped after .* failed sessions" "$WORK/err"
check_json "--max-errors: partial results, stopped early" "$WORK/m.json" \
  'r["run"]["stopped"]=="max-errors" and 5<=r["failed"]<=7 and r["sessions"]<1000'
stop_server

# ---- Ctrl-C (SIGINT) writes the results so far, complete
respond --fail-every 1 --fail-how stall
"${LOAD[@]}" --devices 100000 -c 50 --rate 2000 -o "$WORK/int.json" "$URL" >"$WORK/out" 2>"$WORK/err" &
pid=$!
sleep 1.5
kill -INT $pid
got=0
wait $pid || got=$?
[ "$got" = 130 ] && pass "Ctrl-C: exit 130" || fail "Ctrl-C: exit $got"
check_json "Ctrl-C: a complete result document with the sessions in flight counted as interrupted" "$WORK/int.json" \
  'r["run"]["stopped"]=="interrupted" and r["interrupted"]>0 and r["sessions"]>=r["interrupted"]'
stop_server

# ---- shards: two halves merged equal one unsharded run
respond
expect_exit 0 "unsharded run" -- "${LOAD[@]}" --devices 60 --check-ins 2 -c 8 -o "$WORK/one.json" "$URL"
expect_exit 0 "shard 0/2" -- "${LOAD[@]}" --devices 60 --check-ins 2 -c 8 --shard 0/2 -o "$WORK/s0.json" "$URL"
JOB_COMPLETION_INDEX=1 expect_exit 0 "shard /2 with JOB_COMPLETION_INDEX=1" -- "${LOAD[@]}" --devices 60 --check-ins 2 \
  -c 8 --shard /2 -o "$WORK/s1.json" "$URL"
stop_server
check_json "JOB_COMPLETION_INDEX gave the index" "$WORK/s1.json" 'r["run"]["shard"]=="1/2" and r["devices"]==30'
expect_exit 0 "merge" -- "$BIN/dm-load" merge -o "$WORK/merged.json" "$WORK/s0.json" "$WORK/s1.json"
python3 - "$WORK/one.json" "$WORK/merged.json" <<'PY' && pass "merged shards equal the unsharded run (devices, sessions, counts, histogram counts)" || fail "merged shards differ"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
keys = ["devices", "sessions", "outcomes", "errors", "http_statuses", "syncml_statuses", "statuses_sent",
        "messages_sent", "messages_received", "bytes_sent", "bytes_received", "connections", "trees_copied"]
bad = [k for k in keys if a[k] != b[k]]
bad += [p for p in a["phases"] if a["phases"][p]["count"] != b["phases"][p]["count"]]
print("differ:", bad) if bad else None
sys.exit(1 if bad or b["run"]["shards"] != 2 else 0)
PY
python3 - "$WORK/s0.json" "$WORK/s1.json" "$WORK/merged.json" <<'PY' && pass "merged histograms are the bucket sums of the shards" || fail "merged buckets"
import json, sys
from collections import Counter
s0, s1, m = (json.load(open(p)) for p in sys.argv[1:4])
ok = True
for name, h in m["phases"].items():
    want = Counter()
    for s in (s0, s1):
        if name in s["phases"]:
            want.update({v: c for v, c in s["phases"][name]["buckets"]})
    ok = ok and want == Counter({v: c for v, c in h["buckets"]})
    ok = ok and h["max"] == max(s["phases"][name]["max"] for s in (s0, s1) if name in s["phases"])
sys.exit(0 if ok else 1)
PY

# ---- an open schedule: the asked rate is kept
respond
expect_exit 0 "--rate 200/s over 100 devices" -- "${LOAD[@]}" --devices 100 -c 20 --rate 200/s -o "$WORK/r.json" "$URL"
stop_server
check_json "the run lasted as the rate says and achieved it" "$WORK/r.json" \
  'r["run"]["asked_rate"]==200 and r["run"]["elapsed_s"]>=0.49 and r["run"]["achieved_rate"]>150'

# ---- --duration without a rate: devices check in again and again until the time is up
respond
expect_exit 0 "--duration 1s, unpaced" -- "${LOAD[@]}" --devices 5 -c 2 --duration 1s -o "$WORK/d.json" "$URL"
stop_server
check_json "sessions start for a second, devices check in more than once" "$WORK/d.json" \
  'r["sessions"]>5 and r["devices"]==5 and 1.0<=r["run"]["elapsed_s"]<5 and r["outcomes"]=={"completed":r["sessions"]}'

# ---- more places than devices, unpaced: each device's next session waits for its last
respond
expect_exit 0 "--duration 1s, 2 devices, 10 places" -- timeout 20 "${LOAD[@]}" --devices 2 -c 10 --duration 1s -o "$WORK/d2.json" "$URL"
stop_server
check_json "the run ended after a second, sessions back to back, never two of a device at once" "$WORK/d2.json" \
  'r["sessions"]>2 and r["max_in_flight"]==2 and r["run"]["elapsed_s"]<5 and r["outcomes"]=={"completed":r["sessions"]}'

# ---- options and inputs
expect_exit 2 "a malformed --dev-id template" -- "${LOAD[@]}" --dev-id 'IMEI:{x}' http://127.0.0.1:9/dm
expect_grep "the template error names the offset" "offset 6" "$WORK/err"
expect_exit 2 "--shard 2/2 is refused" -- "${LOAD[@]}" --shard 2/2 http://127.0.0.1:9/dm
expect_exit 2 "--shard /2 without JOB_COMPLETION_INDEX" -- env -u JOB_COMPLETION_INDEX "${LOAD[@]}" --shard /2 http://127.0.0.1:9/dm
printf 'alice pw\n' >"$WORK/acc"
expect_exit 2 "fewer accounts than devices" -- "${LOAD[@]}" --devices 2 --accounts "$WORK/acc" --auth basic http://127.0.0.1:9/dm
echo '{"format": "dm-load result", "version": 1, "phases": {"x": {"sub_bucket_bits": 7, "buckets": [[129, 1]], "min": 129, "max": 129}}}' >"$WORK/bad.json"
expect_exit 3 "merge refuses a histogram that is not one" -- "$BIN/dm-load" merge "$WORK/bad.json"
expect_grep "merge: names the file" "bad.json" "$WORK/err"
echo '[1,' >"$WORK/trunc.json"
expect_exit 3 "merge refuses a truncated document" -- "$BIN/dm-load" merge "$WORK/trunc.json"
finish
