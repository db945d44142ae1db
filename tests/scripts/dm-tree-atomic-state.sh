#!/usr/bin/env bash
# dm-tree never leaves a half-written state: kill apply --in-place at random moments while it
# writes, and the state file must always be exactly the old or the new state.
set -euo pipefail
bin=${SYNCMLDM_BIN:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1767225600

"$bin/dm-tree" init --ddf "${SYNCMLDM_SOURCE:?}/testdata/ddf/policy-like.ddf.xml" -o "$work/old.xml"
# A package that adds enough nodes to make the new state a few megabytes.
python3 "${SYNCMLDM_SOURCE:?}/tests/scripts/bulk_package.py" "$work/pkg.xml"
cp "$work/old.xml" "$work/new.xml"
start=$(date +%s%N)
"$bin/dm-tree" apply "$work/new.xml" "$work/pkg.xml" --in-place > /dev/null
# the kills are spread over 1.25 times one run's length, so that nearly all land while it runs
span_ms=$(( ($(date +%s%N) - start) / 800000 + 20 ))
cmp -s "$work/old.xml" "$work/new.xml" && { echo "the package changed nothing"; exit 1; }

killed_mid=0
for i in $(seq 1 16); do
  cp "$work/old.xml" "$work/state.xml"
  "$bin/dm-tree" apply "$work/state.xml" "$work/pkg.xml" --in-place > /dev/null &
  pid=$!
  # spread the kills over the run: parse, apply, serialise, write, rename
  ms=$(( (i * 7 % 16) * span_ms / 16 ))
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  if kill -9 "$pid" 2> /dev/null; then killed_mid=$((killed_mid + 1)); fi
  wait "$pid" 2> /dev/null || true
  if cmp -s "$work/state.xml" "$work/old.xml"; then :
  elif cmp -s "$work/state.xml" "$work/new.xml"; then :
  else
    echo "round $i: state is neither the old nor the new one"
    exit 1
  fi
  "$bin/dm-tree" show "$work/state.xml" --depth 1 > /dev/null
  rm -f "$work"/.state.xml.* "$work"/state.xml.tmp* 2> /dev/null || true
done
echo "16 rounds, $killed_mid killed while running: state always old or new"
