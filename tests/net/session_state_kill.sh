#!/usr/bin/env bash
# dm-send --session saves the device tree like dm-tree apply --in-place: killed at any moment
# (mid-session, mid-serialisation, mid-write, before the rename), the state file is exactly the
# old state or the new one, never a mix, and it still loads.
. "$(dirname "$0")/helpers.bash"
export SOURCE_DATE_EPOCH=1767225600

# A state of a few megabytes, so that writing it takes a while.
"$BIN/dm-tree" init --ddf "$SRC/testdata/ddf/policy-like.ddf.xml" -o "$WORK/old.tnds"
python3 "$SRC/tests/scripts/bulk_package.py" "$WORK/bulk.xml"
"$BIN/dm-tree" apply "$WORK/old.tnds" "$WORK/bulk.xml" --in-place >/dev/null
cat >"$WORK/script.xml" <<'XML'
<Script>
  <Package>
    <Add><Item><Target><LocURI>./Vendor/MSFT/Bulk/FromServer</LocURI></Target><Data>set in a session</Data></Item></Add>
    <Delete><Item><Target><LocURI>./Vendor/MSFT/Bulk/N7</LocURI></Target></Item></Delete>
  </Package>
</Script>
XML
start_server --script "$WORK/script.xml"

# The state one whole session leaves.
cp "$WORK/old.tnds" "$WORK/new.tnds"
expect_exit 0 "a whole session saves the state" -- "$BIN/dm-send" --session --state "$WORK/new.tnds" --session-id 7 "$URL"
if cmp -s "$WORK/old.tnds" "$WORK/new.tnds"; then fail "the session changed nothing"; else pass "the session changed the state"; fi
cp "$WORK/old.tnds" "$WORK/again.tnds"
"$BIN/dm-send" --session --state "$WORK/again.tnds" --session-id 7 "$URL" >/dev/null 2>&1
cmp -s "$WORK/again.tnds" "$WORK/new.tnds" && pass "a second session saves the same bytes" || fail "sessions are not reproducible"

# Time a whole run, then spread the kills over it.
start=$(date +%s%N)
cp "$WORK/old.tnds" "$WORK/timed.tnds"
"$BIN/dm-send" --session --state "$WORK/timed.tnds" --session-id 7 "$URL" >/dev/null 2>&1
run_ms=$(( ($(date +%s%N) - start) / 1000000 + 50 ))

rounds=16 killed=0 old=0 new=0
for i in $(seq 1 $rounds); do
  cp "$WORK/old.tnds" "$WORK/state.tnds"
  "$BIN/dm-send" --session --state "$WORK/state.tnds" --session-id 7 "$URL" >/dev/null 2>&1 &
  pid=$!
  ms=$(( run_ms * i / rounds ))
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
  wait "$pid" 2>/dev/null || true
  if cmp -s "$WORK/state.tnds" "$WORK/old.tnds"; then old=$((old + 1))
  elif cmp -s "$WORK/state.tnds" "$WORK/new.tnds"; then new=$((new + 1))
  else fail "round $i (killed after $ms ms): the state is neither the old nor the new one"; fi
  "$BIN/dm-tree" show "$WORK/state.tnds" --depth 1 >/dev/null 2>&1 || fail "round $i: the state does not load"
  rm -f "$WORK"/.state.tnds.* "$WORK"/state.tnds.tmp* 2>/dev/null || true
done
[ $((old + new)) -eq $rounds ] && pass "$rounds rounds, $killed killed while running: $old old, $new new"
[ "$killed" -gt 0 ] && pass "some runs were killed mid-way" || fail "no run was killed: the test proved nothing"
finish
