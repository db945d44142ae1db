#!/usr/bin/env bash
# Shell completion: the scripts the build wrote (build/completions) are what each tool prints
# for `--completion SHELL`; the bash script, driven as bash drives it (COMP_WORDS, COMP_CWORD),
# offers subcommands, options, fixed values, rule ids, files and DM URIs (through dm-tree
# complete and SYNCMLDM_DDF_DIR); the zsh and fish scripts parse, and fish answers `complete -C`.
set -uo pipefail
bin=$(cd "${SYNCMLDM_BIN:?}" && pwd)
src=$(cd "${SYNCMLDM_SOURCE:?}" && pwd)
scripts=$bin/../completions
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 LC_ALL=C
unset SYNCMLDM_DDF_DIR
fails=0 checks=0
pass() { checks=$((checks + 1)); echo "ok - $1"; }
fail() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL - $1"; }

tools=()
for t in "$bin"/*; do
  case ${t##*/} in unit-* | *.debug) continue ;; esac
  [ -f "$t" ] && [ -x "$t" ] && tools+=("${t##*/}")
done
[ ${#tools[@]} -ge 5 ] && pass "${#tools[@]} tools found" || fail "only ${#tools[@]} tools in $bin"

# The build's scripts are the tools' own output (a stale or missing one fails).
for t in "${tools[@]}"; do
  for shell in bash zsh fish; do
    case $shell in bash) file=$scripts/bash/$t ;; zsh) file=$scripts/zsh/_$t ;; fish) file=$scripts/fish/$t.fish ;; esac
    if "$bin/$t" --completion $shell >"$work/script" 2>"$work/err" && [ -s "$work/script" ] && cmp -s "$work/script" "$file"
    then pass "$t: $shell script in the build is current"
    else fail "$t: $shell script $file missing or not what '$t --completion $shell' prints"; fi
  done
  if "$bin/$t" --help | grep -q -- --completion; then fail "$t: --completion shows in --help"
  else pass "$t: --completion is not in --help"; fi
done
code=0
"$bin/dm-tree" --completion ksh >/dev/null 2>"$work/err" || code=$?
[ "$code" = 2 ] && grep -q "ksh not in" "$work/err" && pass "unknown shell: exit 2" || fail "unknown shell: exit $code"

for t in "${tools[@]}"; do
  # shellcheck disable=SC1090
  source "$scripts/bash/$t"
done
if complete -p dm-tree | grep -q -- "-F _dm_tree dm-tree"; then pass "complete -p dm-tree"
else fail "complete -p dm-tree: $(complete -p dm-tree 2>&1)"; fi

# comp WORD...: the words bash offers when the cursor ends the last WORD (the tool typed with
# its path, as a user of the build tree would), one per line in $work/got.
comp() {
  local fn
  COMP_WORDS=("$bin/$1" "${@:2}")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  fn=$(complete -p "$1" | sed -n 's/.* -F \([^ ]*\) .*/\1/p')
  "$fn" 2>"$work/comp-err"
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort >"$work/got"
}
# expect NAME WANTED... -- WORD...: exactly these words offered.
expect() {
  local name=$1 want=()
  shift
  while [ "$1" != -- ]; do want+=("$1"); shift; done
  shift
  comp "$@"
  printf '%s\n' "${want[@]}" | sed '/^$/d' | sort >"$work/want"
  if cmp -s "$work/want" "$work/got"; then pass "$name"
  else fail "$name: offered [$(tr '\n' ' ' <"$work/got")], wanted [$(tr '\n' ' ' <"$work/want")]"; fi
}
# has NAME WANTED -- WORD...: WANTED among the words offered.
has() {
  local name=$1 want=$2
  shift 3
  comp "$@"
  if grep -qxF -- "$want" "$work/got"; then pass "$name"
  else fail "$name: '$want' not in [$(tr '\n' ' ' <"$work/got" | cut -c1-300)]"; fi
}

# Subcommands: those dm-tree --help lists.
mapfile -t subs < <("$bin/dm-tree" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
[ ${#subs[@]} -ge 8 ] || fail "dm-tree --help lists ${#subs[@]} subcommands"
expect "dm-tree: the subcommands" "${subs[@]}" -- dm-tree ""
expect "dm-tree: a subcommand by its start" describe diff -- dm-tree d
expect "dm-tree: options before the subcommand" --verbose --version -- dm-tree --ver
expect "dm-tree get: its options, and -q/-v that work after it" --show-secrets -- dm-tree -v get --sh
has "dm-tree apply: a shared option after the subcommand" --quiet -- dm-tree apply --qu
expect "dm-validate: an option" --werror -- dm-validate --wer
expect "dm-validate --format: its values" github json sarif text -- dm-validate --format ""
expect "dm-validate --format=VALUE (bash splits at =)" json -- dm-validate --format = j
expect "dm-validate --format=: all values" github json sarif text -- dm-validate --format =
expect "dm-tree show --format: the subcommand's own values" json text tnds -- dm-tree show --format ""
expect "syncml-encode --string-table: values from the shared definitions" minimal none share -- syncml-encode --string-table ""
expect "syncml-decode --input-format: values from option_defs" base64 -- syncml-decode --input-format b
expect "dm-send --auth: values" basic -- dm-send --auth b

# Rule ids from the registry, as --list-rules prints them.
mapfile -t rules < <("$bin/dm-validate" --list-rules | awk 'NF { print $1 }')
[ ${#rules[@]} -ge 20 ] && pass "${#rules[@]} rules listed" || fail "dm-validate --list-rules: ${#rules[@]} rules"
expect "dm-validate --disable: every rule id" "${rules[@]}" -- dm-validate --disable ""
mapfile -t cmdid < <(printf '%s\n' "${rules[@]}" | grep '^cmdid-')
expect "dm-validate --disable: rule ids by their start" "${cmdid[@]}" -- dm-validate --disable cmdid-
expect "dm-validate --explain: rule ids" "${cmdid[@]}" -- dm-validate -q --explain cmdid-
expect "dm-validate --disable A,B: the item after the comma" cmdid-zero,cmdid-duplicate \
  -- dm-validate --disable cmdid-zero,cmdid-d

# Files.
mkdir -p "$work/files/sub"
touch "$work/files/state.tnds" "$work/files/other.xml"
expect "dm-tree diff: files" "$work/files/state.tnds" -- dm-tree diff "$work/files/st"
expect "dm-validate: inputs are files, directories too" "$work/files/other.xml" "$work/files/state.tnds" "$work/files/sub" \
  -- dm-validate "$work/files/"
expect "syncml-encode -o: a file" "$work/files/other.xml" -- syncml-encode -o "$work/files/o"
expect "dm-send: no file offered for the URL" -- dm-send "$work/files/st"
expect "dm-send: the package after the URL is a file" "$work/files/state.tnds" -- dm-send https://x/ "$work/files/st"

# DM URIs through dm-tree complete: from the state's nodes, the state's schema, --ddf files on
# the line, and SYNCMLDM_DDF_DIR.
ddf=$src/testdata/ddf/policy-like.ddf.xml
"$bin/dm-tree" init -o "$work/plain.tnds" || fail "dm-tree init"
"$bin/dm-tree" init --ddf "$ddf" -o "$work/described.tnds" || fail "dm-tree init --ddf"
expect "dm-tree get STATE: URIs from the state" ./DevDetail/ ./DevInfo/ -- dm-tree get "$work/plain.tnds" ./Dev
expect "dm-tree get STATE: nothing for an unknown CSP without a DDF" -- dm-tree get "$work/plain.tnds" ./Vendor/MSFT/Pol
expect "dm-tree get STATE: from the nodes init --ddf made" ./Vendor/MSFT/PolicyLike/ \
  -- dm-tree get "$work/described.tnds" ./Vendor/MSFT/Pol
export SYNCMLDM_DDF_DIR=$ddf
expect "dm-tree get STATE: from SYNCMLDM_DDF_DIR" ./Vendor/MSFT/PolicyLike/ -- dm-tree get "$work/plain.tnds" ./Vendor/MSFT/Pol
has "dm-tree get: a leaf below" ./Vendor/MSFT/PolicyLike/Config/Browser/AllowBrowser \
  -- dm-tree get "$work/plain.tnds" ./Vendor/MSFT/PolicyLike/Config/Browser/Allow
expect "dm-tree complete PREFIX: the same" ./Vendor/MSFT/PolicyLike/ -- dm-tree complete ./Vendor/MSFT/Pol
unset SYNCMLDM_DDF_DIR
expect "dm-tree show --ddf FILE URI: from the --ddf on the line" ./Vendor/MSFT/PolicyLike/ \
  -- dm-tree show --ddf "$ddf" ./Vendor/MSFT/Pol
SYNCMLDM_DDF_DIR=$ddf expect "dm-tree describe STATE URI" ./Vendor/MSFT/PolicyLike/Config/Browser/ \
  -- dm-tree describe "$work/described.tnds" ./Vendor/MSFT/PolicyLike/Config/B
expect "dm-tree describe STATE URI: nothing without the DDF" \
  -- dm-tree describe "$work/described.tnds" ./Vendor/MSFT/PolicyLike/Config/B
expect "dm-tree complete --state FILE PREFIX" ./DevInfo/ -- dm-tree complete --state "$work/plain.tnds" ./DevI
has "dm-tree init --set URI=VALUE: the URI" ./DevInfo/ -- dm-tree init --set ./DevI
# The variable as dm-tree(1) documents it: a ':' list of files or folders, --ddf first.
code=0
SYNCMLDM_DDF_DIR=/nonexistent-a:$ddf "$bin/dm-tree" complete ./Vendor/MSFT/Pol >"$work/out" 2>"$work/err" || code=$?
[ "$code" != 0 ] && grep -q /nonexistent-a "$work/err" && pass "a missing SYNCMLDM_DDF_DIR entry is named (exit $code)" \
  || fail "a missing SYNCMLDM_DDF_DIR entry: exit $code, $(cat "$work/err")"
got=$(SYNCMLDM_DDF_DIR=$ddf::$src/testdata/ddf/policy-like.ddf.xml "$bin/dm-tree" complete ./Vendor/MSFT/Pol 2>&1)
[ "$got" = ./Vendor/MSFT/PolicyLike/ ] && pass "SYNCMLDM_DDF_DIR: a ':' list, empty entries skipped" || fail "':' list: $got"
got=$(SYNCMLDM_DDF_DIR=$src/testdata/ddf/bad "$bin/dm-tree" complete --ddf "$ddf" ./Vendor/MSFT/Pol 2>&1)
[ "$got" = ./Vendor/MSFT/PolicyLike/ ] && pass "--ddf wins over SYNCMLDM_DDF_DIR" || fail "--ddf does not win: $got"

# The Microsoft DDFs, read where they are kept (not part of the project).
msddf=$src/../shared/data/ms-ddf
if [ -d "$msddf" ]; then
  export SYNCMLDM_DDF_DIR=$msddf
  expect "ms-ddf: dm-tree get STATE ./Vendor/MSFT/Po" ./Vendor/MSFT/Policy/ -- dm-tree get "$work/plain.tnds" ./Vendor/MSFT/Po
  has "ms-ddf: a Policy area" ./Vendor/MSFT/Policy/Config/Camera/ \
    -- dm-tree get "$work/plain.tnds" ./Vendor/MSFT/Policy/Config/Ca
  unset SYNCMLDM_DDF_DIR
else
  echo "ms-ddf not found at $msddf: those cases skipped"
fi

# zsh and fish: the scripts parse; fish also answers a few completions.
if command -v zsh >/dev/null; then
  for t in "${tools[@]}"; do
    zsh -n "$scripts/zsh/_$t" 2>"$work/err" && pass "zsh -n _$t" || fail "zsh -n _$t: $(head -3 "$work/err")"
  done
else
  echo "zsh not installed: zsh checks skipped"
fi
if command -v fish >/dev/null; then
  for t in "${tools[@]}"; do
    fish -n "$scripts/fish/$t.fish" 2>"$work/err" && pass "fish -n $t.fish" || fail "fish -n $t.fish: $(head -3 "$work/err")"
  done
  fish_comp() {  # LINE: what fish offers, first column, sorted, in $work/got
    HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data PATH=$bin:$PATH \
      SYNCMLDM_DDF_DIR=$ddf fish --no-config -c "for f in $scripts/fish/*.fish; source \$f; end; complete -C '$1'" \
      2>"$work/err" | cut -f1 | sort >"$work/got"
  }
  fish_has() {  # NAME WANTED LINE
    fish_comp "$3"
    if grep -qxF -- "$2" "$work/got"; then pass "$1"; else fail "$1: '$2' not in [$(tr '\n' ' ' <"$work/got" | cut -c1-300)]"; fi
  }
  fish_has "fish: dm-tree subcommands" describe "dm-tree "
  fish_has "fish: dm-validate --format values" sarif "dm-validate --format "
  fish_has "fish: a rule id after --disable" cmdid-missing "dm-validate --disable cmdid-m"
  fish_has "fish: a DM URI via dm-tree complete" ./Vendor/MSFT/PolicyLike/ "dm-tree get $work/plain.tnds ./Vendor/MSFT/Pol"
else
  echo "fish not installed: fish checks skipped"
fi

echo "completion: $checks checks, $fails failed"
[ "$fails" = 0 ]
