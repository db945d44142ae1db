#!/usr/bin/env bash
# dm-send --session against the test server over loopback TLS: a whole management session with
# Get/Replace/Add/Delete/Exec/Atomic (rollback), MD5 and HMAC, WBXML, 1222 multi-message packages,
# large objects both ways (MoreData, Size, 213, 424), MaxMsgSize, --max-rounds, --no-save.
. "$(dirname "$0")/helpers.bash"
tls_session_setup

# ---- a whole session with MD5 and the Windows login-status alert
serve --script "$DATA/session-full.xml" --auth md5 --user Bruce2 --password OhBehave --record "$WORK/full.json"
expect_exit 0 "full session with MD5" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" \
  --auth md5 --user Bruce2 --password-file "$WORK/pw" --login-status user --device-id IMEI:493005100592800 -w json "$URL"
cp "$WORK/out" "$WORK/full.summary"
check_json "summary: completed, 3 rounds, saved" "$WORK/full.summary" \
  'r["end"]=="completed" and r["rounds"]==3 and r["state_saved"] and r["execs"]==["./Vendor/Setting"]'
check_json "package 1: 1201, 1224 LoginStatus, DevInfo Replace" "$WORK/full.json" \
  '[c.get("data") for c in r["requests"][0]["commands"] if c["cmd"]=="Alert"]==["1201","1224"] and any(i["source"]=="./DevInfo/DevId" and i["data"]=="IMEI:493005100592800" for c in r["requests"][0]["commands"] if c["cmd"]=="Replace" for i in c["items"])'
check_json "MD5: challenged, then package 1 again with Cred and the next MsgID" "$WORK/full.json" \
  'r["requests"][0]["auth"]=="missing" and r["requests"][1]["auth"]=="ok" and r["requests"][1]["msgid"]=="2" and any(c["cmd"]=="Alert" and c["data"]=="1201" for c in r["requests"][1]["commands"])'
check_json "after 212 no Cred is sent" "$WORK/full.json" 'all(q["auth"]=="session" for q in r["requests"][2:])'
check_json "MsgIDs count up and the SessionID stays" "$WORK/full.json" \
  '[q["msgid"] for q in r["requests"]]==[str(i) for i in range(1,len(r["requests"])+1)] and len({q["session"] for q in r["requests"]})==1'
check_json "Get answered with Status 200 and Results" "$WORK/full.json" \
  'any(c["cmd"]=="Results" and c["items"][0]["source"]=="./DevInfo/Mod" for c in r["requests"][2]["commands"])'
check_json "statuses of package 4: Replace/Add/Delete 200, Get 404, Atomic 507 with rollback 216, Exec 200" "$WORK/full.json" \
  '[c["data"] for c in r["requests"][3]["commands"] if c["cmd"]=="Status"]==["200","200","200","200","404","507","216","404","200"]'
check_json "the session ended on a package without commands" "$WORK/full.json" 'r["sessions_completed"]==1'
[ "$(value "$WORK/dev.tnds" ./Vendor/Setting)" = second ] && pass "tree saved with the Replace (Atomic rolled back)" \
  || fail "tree value: $(value "$WORK/dev.tnds" ./Vendor/Setting)"
[ "$(value "$WORK/dev.tnds" ./Vendor/Gone)" = "<missing>" ] && pass "Delete applied" || fail "Delete not applied"
[ -s "$WORK/dev.tnds" ] && cp "$WORK/dev.tnds" "$WORK/dev.before"
expect_exit 0 "--no-save" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" --no-save \
  --auth md5 --user Bruce2 --password-file "$WORK/pw" "$URL"
cmp -s "$WORK/dev.tnds" "$WORK/dev.before" && pass "--no-save left the state alone" || fail "--no-save changed the state"
expect_exit 1 "--max-rounds 1 aborts with 1223" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/dev.tnds" --no-save \
  --max-rounds 1 --auth md5 --user Bruce2 --password-file "$WORK/pw" --server-initiated "$URL"
check_json "1223 sent with Final; package 1 said 1200" "$WORK/full.json" \
  'any(c["cmd"]=="Alert" and c["data"]=="1223" for c in r["requests"][-1]["commands"]) and r["requests"][-1]["final"] and any(c.get("data")=="1200" for q in r["requests"][-4:] for c in q["commands"] if c["cmd"]=="Alert")'
expect_exit 5 "wrong password in a session" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/x.tnds" \
  --auth md5 --user Bruce2 --password-file "$WORK/dev.before" "$URL"
[ ! -e "$WORK/x.tnds" ] && pass "failed session saves nothing" || fail "failed session wrote a state"
stop_server

# ---- HMAC and WBXML, with a RespURI
serve --script "$DATA/session-full.xml" --auth hmac --user Bruce2 --password OhBehave --codec-bin "$BIN" \
  --resp-uri --record "$WORK/hmac.json"
expect_exit 0 "session with HMAC over WBXML" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/h.tnds" --wbxml \
  --auth hmac --user Bruce2 --password-file "$WORK/pw" "$URL"
check_json "every message after the challenge carries a valid mac" "$WORK/hmac.json" \
  'r["requests"][0]["auth"]=="missing" and all(q["auth"]=="ok" for q in r["requests"][1:])'
check_json "all WBXML" "$WORK/hmac.json" 'all(q["content_type"]=="application/vnd.syncml.dm+wbxml" for q in r["requests"])'
check_json "RespURI followed" "$WORK/hmac.json" 'all("?s=" in q["path"] for q in r["requests"][2:])'
stop_server

# ---- a server package over several messages: the client asks for more with 1222
serve --script "$DATA/session-split.xml" --split 1 --record "$WORK/split.json"
expect_exit 0 "server package in four messages" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/s.tnds" "$URL"
check_json "1222 without Final while the server package is open, Final at the end" "$WORK/split.json" \
  'all(any(c["cmd"]=="Alert" and c["data"]=="1222" for c in q["commands"]) and not q["final"] for q in r["requests"][1:4]) and r["requests"][4]["final"] and len([c for q in r["requests"] for c in q["commands"] if c["cmd"]=="Results"])==4'
stop_server

# ---- large objects: download in chunks (213), upload in chunks under MaxMsgSize
serve --script "$DATA/session-large.xml" --chunk 1000 --max-msg-size 2048 --record "$WORK/large.json"
expect_exit 0 "large objects both ways" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/l.tnds" -w json "$URL"
cp "$WORK/out" "$WORK/large.summary"
blob=$(python3 -c 'import re,sys; print(re.search(r"<Data>([A-Za-z0-9+/=]{1000,})</Data>", open(sys.argv[1]).read()).group(1))' "$DATA/session-large.xml")
[ "$(value "$WORK/l.tnds" ./Vendor/Blob)" = "$blob" ] && pass "downloaded object reassembled" || fail "downloaded object differs"
check_json "213 for every non-final chunk" "$WORK/large.json" \
  'len([c for q in r["requests"] for c in q["commands"] if c["cmd"]=="Status" and c["data"]=="213"])==5'
check_json "uploaded object reassembled by the server with the announced Size" "$WORK/large.json" \
  "len(r['objects'])==1 and r['objects'][0]['ok'] and r['objects'][0]['data']=='$blob'"
check_json "no client message over MaxMsgSize" "$WORK/large.json" 'not any(q.get("over_max_msg_size") for q in r["requests"])'
check_json "chunks counted" "$WORK/large.summary" 'r["chunks_received"]==6 and r["chunks_sent"]>=3'
stop_server
serve --script "$DATA/session-large.xml" --chunk 1000 --wrong-size --record "$WORK/wrong.json"
expect_exit 1 "wrong Size: 424 (fails with --fail-on-status)" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/w.tnds" \
  --fail-on-status "$URL"
check_json "424 sent for the object" "$WORK/wrong.json" \
  'any(c["cmd"]=="Status" and c["data"]=="424" for q in r["requests"] for c in q["commands"])'
[ "$(value "$WORK/w.tnds" ./Vendor/Blob)" = "<missing>" ] && pass "mismatched object not committed" || fail "mismatched object committed"
stop_server

# ---- the server's MaxObjSize: an object too large is not sent, its Get says 413
serve --script "$DATA/session-large.xml" --max-obj-size 1000 --record "$WORK/maxobj.json"
expect_exit 0 "MaxObjSize honoured" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/o.tnds" "$URL"
check_json "Get of the big node answered 413, no Results for it" "$WORK/maxobj.json" \
  'any(c["cmd"]=="Status" and c["for"]=="Get" and c["data"]=="413" for q in r["requests"] for c in q["commands"]) and not any(c["cmd"]=="Results" and c["items"][0]["source"]=="./Vendor/Blob" for q in r["requests"] for c in q["commands"])'
stop_server

# ---- transport trouble in the middle of a session leaves the state alone
serve --script "$DATA/session-full.xml" --misbehave 500 --misbehave-at 2
cp "$WORK/dev.before" "$WORK/t.tnds"
expect_exit 4 "HTTP 500 mid-session" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/t.tnds" "$URL"
cmp -s "$WORK/t.tnds" "$WORK/dev.before" && pass "state untouched after a transport failure" || fail "state changed"
stop_server
serve --script "$DATA/session-full.xml" --misbehave refuse --misbehave-at 2
expect_exit 1 "header Status 500 ends the session as refused" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/r.tnds" \
  -w json "$URL"
expect_grep "refusal explained" "refused the session (header status 500)" "$WORK/err"
tail -n 1 "$WORK/out" >"$WORK/refused.json"
check_json "summary says refused" "$WORK/refused.json" 'r["end"]=="refused"'
stop_server
finish
