#!/usr/bin/env bash
# A server in dm-send --session never reads a value without Get (a DM account's AAuthSecret):
# not by Get, ?list=TNDS+Value, ?list=StructData on its parent, nor by Copy to a readable node.
. "$(dirname "$0")/helpers.bash"
tls_session_setup
cp "$SRC/testdata/trees/account.xml" "$WORK/acct.tnds"
serve --script "$DATA/session-read-secret.xml" --record "$WORK/secret.json"
expect_exit 0 "session with a server reading the secret" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/acct.tnds" \
  --no-save "$URL"
check_json "Get 405, list 200, StructData 200, Copy 405, the readable node unchanged" "$WORK/secret.json" \
  '[c["data"] for c in r["requests"][1]["commands"] if c["cmd"]=="Status"][1:]==["405","200","200","405","200"] and any(i.get("data")=="device42" for c in r["requests"][1]["commands"] if c["cmd"]=="Results" for i in c["items"])'
check_json "the secret's node is listed" "$WORK/secret.json" '"AAuthSecret" in r["requests"][1]["xml"]'
expect_no_grep "the secret never reaches the server" "Hunter2-Secret" "$WORK/secret.json"
stop_server
finish
