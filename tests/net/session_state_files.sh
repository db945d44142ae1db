#!/usr/bin/env bash
# dm-send's files at rest and under contention: a read-only --state is refused before the
# session (exit 3) unless --force; a state another process holds locked makes the session wait
# (--lock-timeout) and then exit 3; a locked state is updated once the lock is released; a new
# state holding a DM account and a nonce file are made 0600; password files others can read
# get a warning.
. "$(dirname "$0")/helpers.bash"
export SOURCE_DATE_EPOCH=1767225600
cat >"$WORK/script.xml" <<'XML'
<Script>
  <Package>
    <Add><Item><Target><LocURI>./Vendor/MSFT/DMAcc/srv/AppAuth/1/AAuthSecret</LocURI></Target><Data>s3cret</Data></Item></Add>
  </Package>
</Script>
XML
start_server --script "$WORK/script.xml" --auth md5 --user Bruce2 --password OhBehave
printf 'OhBehave\n' >"$WORK/pw"
chmod 600 "$WORK/pw"
auth=(--auth md5 --user Bruce2 --password-file "$WORK/pw")
secret() { "$BIN/dm-tree" get "$1" ./Vendor/MSFT/DMAcc/srv/AppAuth/1/AAuthSecret 2>/dev/null || echo "<missing>"; }

# A new state with a DM account, and the nonce file: private whatever the umask.
(umask 022 && "$BIN/dm-send" --session --state "$WORK/new.tnds" "${auth[@]}" --nonce-file "$WORK/nonce" "$URL" \
  >"$WORK/out" 2>"$WORK/err") && pass "a session on a new state" || { fail "a session on a new state"; cat "$WORK/err"; }
[ "$(secret "$WORK/new.tnds")" = s3cret ] && pass "the account was added" || fail "the account is missing"
[ "$(stat -c %a "$WORK/new.tnds")" = 600 ] && pass "a new state with a DM account is 0600" ||
  fail "new state mode $(stat -c %a "$WORK/new.tnds")"
[ "$(stat -c %a "$WORK/nonce")" = 600 ] && pass "a new nonce file is 0600" || fail "nonce file mode $(stat -c %a "$WORK/nonce")"
[ -s "$WORK/err" ] && { fail "a private password file gave a warning"; cat "$WORK/err"; } || pass "no warning for a private password file"

# Read-only: refused before anything is sent.
"$BIN/dm-tree" init -o "$WORK/ro.tnds"
cp "$WORK/ro.tnds" "$WORK/ro.orig"
chmod 444 "$WORK/ro.tnds"
expect_exit 3 "a read-only state is refused" -- "$BIN/dm-send" --session --state "$WORK/ro.tnds" "${auth[@]}" "$URL"
expect_grep "the refusal says why" "ro.tnds: the file is read-only: not replaced (--force replaces it)" "$WORK/err"
cmp -s "$WORK/ro.tnds" "$WORK/ro.orig" && pass "the read-only state is untouched" || fail "the read-only state changed"
expect_exit 0 "--force replaces it" -- "$BIN/dm-send" --session --state "$WORK/ro.tnds" --force "${auth[@]}" "$URL"
[ "$(secret "$WORK/ro.tnds")" = s3cret ] && pass "the forced session saved its update" || fail "the forced update is missing"
[ "$(stat -c %a "$WORK/ro.tnds")" = 444 ] && pass "the replaced state keeps its mode" || fail "mode $(stat -c %a "$WORK/ro.tnds")"

# Locked by another process (a dm-tree apply, say): the session waits, then gives up.
"$BIN/dm-tree" init -o "$WORK/lk.tnds"
python3 -c 'import fcntl,sys,time; f=open(sys.argv[1],"a"); fcntl.flock(f,fcntl.LOCK_EX); print("locked",flush=True); time.sleep(float(sys.argv[2]))' \
  "$WORK/lk.tnds.lock" 2 >"$WORK/held" &
holder=$!
for _ in $(seq 1 100); do grep -q locked "$WORK/held" 2>/dev/null && break; sleep 0.05; done
expect_exit 3 "a locked state: exit 3 after --lock-timeout" -- \
  "$BIN/dm-send" --session --state "$WORK/lk.tnds" --lock-timeout 0.3 "${auth[@]}" "$URL"
expect_grep "the message names the lock" "lk.tnds.lock is locked); gave up after 0.3 s" "$WORK/err"
expect_exit 0 "the default timeout outwaits a short holder" -- "$BIN/dm-send" --session --state "$WORK/lk.tnds" "${auth[@]}" "$URL"
[ "$(secret "$WORK/lk.tnds")" = s3cret ] && pass "the session after the wait saved its update" || fail "update missing"
wait "$holder"
expect_exit 2 "--lock-timeout needs --session" -- "$BIN/dm-send" --lock-timeout 1 --offline "$URL" "$DATA/package1.xml"

# Password files others can read: a warning, the run goes on.
chmod 644 "$WORK/pw"
expect_exit 0 "a password file others can read still works" -- \
  "$BIN/dm-send" --offline --auth basic --user Bruce2 --password-file "$WORK/pw" "$URL" "$DATA/package1.xml"
expect_grep "with a warning, as ssh gives" "dm-send: warning: --password-file $WORK/pw: readable by others (mode 0644); keep it private: chmod 600 $WORK/pw" "$WORK/err"
chmod 640 "$WORK/pw"
expect_exit 0 "a group-readable password file" -- \
  "$BIN/dm-send" -q --offline --auth basic --user Bruce2 --password-file "$WORK/pw" "$URL" "$DATA/package1.xml"
expect_grep "warned even with -q" "readable by the group (mode 0640)" "$WORK/err"
printf 'pass\n' >"$WORK/keypw" && chmod 604 "$WORK/keypw"
expect_exit 4 "--key-password-file others can read (no server)" -- \
  "$BIN/dm-send" --key-password-file "$WORK/keypw" --connect-timeout 2 --retry 0 http://127.0.0.1:9/ "$DATA/package1.xml"
expect_grep "warned for the key passphrase too" "warning: --key-password-file $WORK/keypw: readable by others" "$WORK/err"
finish
