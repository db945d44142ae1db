#!/usr/bin/env bash
# State files as an operator meets them: permissions (umask, secrets, a replaced file keeps its
# mode), symbolic links, read-only states, temporaries left by a killed writer, and concurrent
# `apply --in-place` runs on one state (each update counted).
set -uo pipefail
bin=$(cd "${SYNCMLDM_BIN:?}" && pwd)
src=${SYNCMLDM_SOURCE:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1767225600 NO_COLOR=1 LC_ALL=C
fails=0 checks=0
pass() { checks=$((checks + 1)); echo "ok - $1"; }
fail() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL - $1"; }
# expect_exit CODE NAME -- command...: stdout to $work/out, stderr to $work/err.
expect_exit() {
  local want=$1 name=$2 got=0
  shift 3
  "$@" >"$work/out" 2>"$work/err" || got=$?
  if [ "$got" = "$want" ]; then pass "$name (exit $got)"; else
    fail "$name: exit $got, wanted $want"; sed 's/^/  err: /' "$work/err" | head -10; fi
}
expect_grep() {  # NAME PATTERN FILE
  if grep -q -- "$2" "$3"; then pass "$1"; else fail "$1: '$2' not in $3"; sed 's/^/  | /' "$3" | head -10; fi
}
mode_is() {  # NAME FILE MODE
  local got
  got=$(stat -c %a "$2")
  if [ "$got" = "$3" ]; then pass "$1 (mode $got)"; else fail "$1: mode $got, wanted $3"; fi
}
# add_pkg FILE NAME [VALUE]: a package that adds ./Vendor/MSFT/T/NAME.
add_pkg() {
  printf '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>dev</LocURI></Target><Source><LocURI>srv</LocURI></Source></SyncHdr><SyncBody><Add><CmdID>1</CmdID><Item><Target><LocURI>./Vendor/MSFT/T/%s</LocURI></Target><Data>%s</Data></Item></Add><Final/></SyncBody></SyncML>\n' \
    "$2" "${3:-v}" >"$1"
}
value() { "$bin/dm-tree" get "$1" "$2" 2>/dev/null || echo "<missing>"; }

cd "$work"
"$bin/dm-tree" init -o base.xml
add_pkg a.pkg A one
acct='<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>dev</LocURI></Target><Source><LocURI>srv</LocURI></Source></SyncHdr><SyncBody><Add><CmdID>1</CmdID><Item><Target><LocURI>./Vendor/MSFT/DMAcc/srv/AppAuth/1/AAuthSecret</LocURI></Target><Data>s3cret</Data></Item></Add><Final/></SyncBody></SyncML>'
printf '%s\n' "$acct" >acct.pkg

# --- permissions --------------------------------------------------------------------------------
(umask 022 && "$bin/dm-tree" init -o u022.xml) && mode_is "a new state follows the umask (022)" u022.xml 644
(umask 077 && "$bin/dm-tree" init -o u077.xml) && mode_is "a new state follows the umask (077)" u077.xml 600
(umask 027 && "$bin/dm-tree" init -o u027.xml) && mode_is "a new state follows the umask (027)" u027.xml 640
(umask 022 && "$bin/dm-tree" init --set './DMAcc/srv/AppAuth/1/AAuthSecret=s3cret' -o acct-init.xml) &&
  mode_is "a new state with a DM account is private" acct-init.xml 600
(umask 022 && "$bin/dm-tree" apply base.xml acct.pkg -o acct-apply.xml >/dev/null) &&
  mode_is "a new state that gained a DM account is private" acct-apply.xml 600
(umask 002 && "$bin/dm-tree" apply base.xml acct.pkg -o acct-002.xml >/dev/null) &&
  mode_is "never wider than 0600 for secrets, whatever the umask" acct-002.xml 600
cp base.xml kept.xml && chmod 640 kept.xml
(umask 077 && "$bin/dm-tree" apply kept.xml a.pkg --in-place >/dev/null) && mode_is "a replaced state keeps its mode" kept.xml 640
cp base.xml kept2.xml && chmod 644 kept2.xml
"$bin/dm-tree" apply kept2.xml acct.pkg --in-place >/dev/null && mode_is "a replaced state keeps its mode, secrets or not" kept2.xml 644

# --- symbolic links ---------------------------------------------------------------------------
mkdir -p real
cp base.xml real/state.xml
ln -s real/state.xml link.xml
expect_exit 0 "apply --in-place through a symbolic link" -- "$bin/dm-tree" apply link.xml a.pkg --in-place
if [ -L link.xml ]; then pass "the link stays a link"; else fail "the link was replaced by a plain file"; fi
[ "$(value real/state.xml ./Vendor/MSFT/T/A)" = one ] && pass "the link's target holds the update" || fail "the link's target is stale"
ln -s link.xml link2.xml
add_pkg b.pkg B two
expect_exit 0 "apply --in-place through a chain of links" -- "$bin/dm-tree" apply link2.xml b.pkg --in-place
[ -L link2.xml ] && [ "$(value real/state.xml ./Vendor/MSFT/T/B)" = two ] && pass "the chain's last target holds the update" ||
  fail "the chain's target is stale"
left=$(find . -maxdepth 1 -name '.*tmp*' | wc -l)
[ "$left" = 0 ] && pass "no temporary file beside the link" || fail "$left temporary files beside the link"

# --- read-only states -------------------------------------------------------------------------
cp base.xml ro.xml && chmod 444 ro.xml
expect_exit 3 "a read-only state is refused" -- "$bin/dm-tree" apply ro.xml a.pkg --in-place
expect_grep "the refusal says why and how to override" "ro.xml: the file is read-only: not replaced (--force replaces it)" err
cmp -s ro.xml base.xml && pass "the read-only state is untouched" || fail "the read-only state changed"
[ -s out ] && fail "a response was printed for a refused apply" || pass "nothing applied: no response printed"
cp base.xml ro-out.xml && chmod 444 ro-out.xml
expect_exit 3 "a read-only -o target is refused" -- "$bin/dm-tree" apply base.xml a.pkg -o ro-out.xml
expect_exit 0 "--force replaces a read-only state" -- "$bin/dm-tree" apply ro.xml a.pkg --in-place --force
[ "$(value ro.xml ./Vendor/MSFT/T/A)" = one ] && pass "the forced update is saved" || fail "the forced update is missing"
mode_is "the forced state stays read-only" ro.xml 444

# --- temporaries of killed writers ------------------------------------------------------------
cp base.xml st.xml
stale=.st.xml.tmp-999999-AbC123
printf 'half a state' >"$stale" && touch -d '2 hours ago' "$stale"
live=".st.xml.tmp-$$-Live01"   # this shell is alive and the file is new: a writer at work
printf 'being written' >"$live"
printf 'notes' >.st.xml.tmp-notes && touch -d '2 hours ago' .st.xml.tmp-notes
printf 'mine' >st.xml.tmp.XyZ789 && touch -d '2 hours ago' st.xml.tmp.XyZ789
expect_exit 0 "apply --in-place beside a stale temporary" -- "$bin/dm-tree" apply st.xml a.pkg --in-place
[ -e "$stale" ] && fail "the stale temporary is still there" || pass "the stale temporary is removed"
expect_grep "the removal is reported" "dm-tree: removed ./$stale, a temporary file left by an interrupted write" err
[ -e "$live" ] && pass "a temporary of a running writer is kept" || fail "a live writer's temporary was removed"
[ -e .st.xml.tmp-notes ] && [ -e st.xml.tmp.XyZ789 ] && pass "files of other patterns are never touched" ||
  fail "a user's file was removed"
rm -f "$live"
gone=.st.xml.tmp-999998-Gone01   # fresh, but its writer (no such process) is gone
printf 'x' >"$gone"
"$bin/dm-tree" apply st.xml a.pkg --in-place >/dev/null 2>err
[ -e "$gone" ] && fail "a fresh temporary of a dead writer is kept" || pass "a fresh temporary of a dead writer is removed"
"$bin/dm-tree" -q apply st.xml a.pkg --in-place >/dev/null 2>err
[ -s err ] && fail "-q still prints notes" || pass "-q silences the notes"

# --- locking ------------------------------------------------------------------------------------
cp base.xml lk.xml
# Holds lk.xml.lock for $1 seconds; prints "locked" once it holds it.
hold() { python3 -c 'import fcntl,sys,time; f=open(sys.argv[1],"a"); fcntl.flock(f,fcntl.LOCK_EX); print("locked",flush=True); time.sleep(float(sys.argv[2]))' lk.xml.lock "$1"; }
hold 3 >held &
holder=$!
for _ in $(seq 1 100); do grep -q locked held 2>/dev/null && break; sleep 0.05; done
start=$(date +%s%N)
expect_exit 3 "a state locked by another process: exit 3 after --lock-timeout" -- \
  "$bin/dm-tree" apply lk.xml a.pkg --in-place --lock-timeout 0.5
ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_grep "the message names the lock" "lk.xml: another process is updating this file (lk.xml.lock is locked); gave up after 0.5 s" err
[ "$ms" -ge 450 ] && pass "it waited the timeout (${ms} ms)" || fail "gave up after ${ms} ms, before --lock-timeout"
cmp -s lk.xml base.xml && pass "the locked state is untouched" || fail "the locked state changed"
expect_exit 0 "the default timeout waits for a short update" -- "$bin/dm-tree" apply lk.xml a.pkg --in-place
[ "$(value lk.xml ./Vendor/MSFT/T/A)" = one ] && pass "the update after waiting is saved" || fail "the update after waiting is missing"
wait "$holder"
expect_exit 2 "--lock-timeout without --in-place is a usage error" -- "$bin/dm-tree" apply lk.xml a.pkg --lock-timeout 1

# Many appliers at once, each adding its own node: every update must survive.
cp base.xml many.xml
n=20
for i in $(seq 1 $n); do add_pkg "p$i.pkg" "N$i" "v$i"; done
pids=()
for i in $(seq 1 $n); do
  "$bin/dm-tree" apply many.xml "p$i.pkg" --in-place --lock-timeout 120 >/dev/null 2>"err$i" &
  pids+=($!)
done
bad=0
for pid in "${pids[@]}"; do wait "$pid" || bad=$((bad + 1)); done
[ "$bad" = 0 ] && pass "$n concurrent appliers all succeed" || { fail "$bad of $n appliers failed"; cat err* | head -5; }
found=$("$bin/dm-tree" find many.xml './Vendor/MSFT/T/*' | wc -l)
[ "$found" = "$n" ] && pass "all $n concurrent updates are in the state" || fail "$found of $n concurrent updates survived"

echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
