#!/usr/bin/env bash
# dm-send --session --repeat N: many sessions in one process over loopback TLS, as a load test
# of a DM server would play them. Each session starts from the state as loaded (its Adds succeed
# every time), SessionIDs count up, the connection is reused, MD5 nonces carry on from session to
# session, the last session's tree is saved, and -w json / -v summarise each session and the run.
. "$(dirname "$0")/helpers.bash"
tls_session_setup
# lines FILE EXPR: EXPR over the JSON lines of FILE as the list `r`.
lines() {
  if python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]; sys.exit(0 if eval(sys.argv[2]) else 1)' "$2" "$3"; then
    pass "$1"; else fail "$1: $3"; sed 's/^/  | /' "$2" | head -5; fi
}

serve --script "$DATA/session-full.xml" --auth md5 --user Bruce2 --password OhBehave --record "$WORK/rec.json"
expect_exit 0 "three sessions in one process" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" \
  --repeat 3 --session-id 41 --auth md5 --user Bruce2 --password-file "$WORK/pw" -v -w json "$URL"
cp "$WORK/out" "$WORK/summary"
cp "$WORK/err" "$WORK/verbose"
lines "one JSON line per session, then the total" "$WORK/summary" \
  'len(r)==4 and [x.get("session") for x in r[:3]]==[1,2,3] and "total" in r[3]'
lines "SessionIDs count up from --session-id" "$WORK/summary" '[x["session_id"] for x in r[:3]]==["41","42","43"]'
lines "every session completed, three rounds each" "$WORK/summary" \
  'all(x["end"]=="completed" and x["rounds"]==3 for x in r[:3])'
lines "each session starts from the loaded state: the same statuses every time, no 418" "$WORK/summary" \
  'r[0]["statuses_sent"]==r[1]["statuses_sent"]==r[2]["statuses_sent"] and "418" not in r[2]["statuses_sent"]'
lines "total: sessions, messages, CPU, state saved" "$WORK/summary" \
  '(t:=r[3]["total"])["sessions"]==3 and t["completed"]==3 and t["messages_sent"]==sum(x["messages_sent"] for x in r[:3]) and t["cpu_ms"]>0 and t["cpu_ms_per_session"]>0 and t["state_saved"] and t["ends"]=={"completed":3}'
check_json "the server saw three completed sessions" "$WORK/rec.json" \
  'r["sessions_completed"]==3 and [q["session"] for q in r["requests"]][-1]=="43"'
check_json "one connection for every message of every session" "$WORK/rec.json" \
  'len({q["client_port"] for q in r["requests"]})==1'
check_json "MD5: challenged once; later sessions authenticate with the NextNonce" "$WORK/rec.json" \
  '[q["auth"] for q in r["requests"]].count("missing")==1 and all(q["auth"] in ("ok","session") for q in r["requests"][1:])'
expect_grep "-v: a line per session" "session 2/3 (SessionID 42): completed" "$WORK/verbose"
expect_grep "-v: the total with CPU per session" "3 sessions (3 completed).*ms per session" "$WORK/verbose"
[ "$(value "$WORK/dev.tnds" ./Vendor/Setting)" = second ] && pass "the last session's tree is saved" \
  || fail "saved value: $(value "$WORK/dev.tnds" ./Vendor/Setting)"
cp "$WORK/dev.tnds" "$WORK/dev.before"
expect_exit 0 "--repeat with --no-save" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" --no-save \
  --repeat 2 --session-id srv-a --auth md5 --user Bruce2 --password-file "$WORK/pw" -w json "$URL"
cmp -s "$WORK/dev.tnds" "$WORK/dev.before" && pass "--no-save left the state alone" || fail "--no-save changed the state"
lines "a non-numeric SessionID is kept by every session" "$WORK/out" \
  '[x["session_id"] for x in r[:2]]==["srv-a","srv-a"] and not r[2]["total"]["state_saved"]'
expect_exit 1 "a session that does not complete: exit 1 after all sessions" -- "$BIN/dm-send" "${TLS[@]}" --session \
  --state "$WORK/dev.tnds" --no-save --repeat 2 --max-rounds 1 --auth md5 --user Bruce2 --password-file "$WORK/pw" -w json "$URL"
lines "both sessions ran and ended at --max-rounds" "$WORK/out" \
  'r[2]["total"]["sessions"]==2 and r[2]["total"]["completed"]==0 and r[2]["total"]["ends"]=={"max-rounds":2}'
stop_server

expect_exit 2 "--repeat needs --session" -- "$BIN/dm-send" --repeat 2 http://127.0.0.1:9/ "$DATA/package1.xml"
expect_exit 2 "--repeat 0 is refused" -- "$BIN/dm-send" --session --state "$WORK/x.tnds" --repeat 0 http://127.0.0.1:9/
finish
