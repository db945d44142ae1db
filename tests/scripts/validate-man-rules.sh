#!/usr/bin/env bash
# The dm-validate man page lists every rule id the tool knows (and no id it does not know).
set -euo pipefail
bin=${SYNCMLDM_BIN:-build/bin}
src=${SYNCMLDM_SOURCE:-.}
known=$("$bin/dm-validate" --list-rules | awk '{print $1}' | sort)
[ -n "$known" ] || { echo "dm-validate --list-rules printed nothing"; exit 1; }
documented=$(grep -E '^\.It Sy [a-z0-9-]+$' "$src/man/dm-validate.1" | awk '{print $3}' | sort)
missing=$(comm -23 <(echo "$known") <(echo "$documented"))
extra=$(comm -13 <(echo "$known") <(echo "$documented"))
[ -z "$missing" ] || { echo "rules missing from man/dm-validate.1:"; echo "$missing"; exit 1; }
[ -z "$extra" ] || { echo "man/dm-validate.1 documents unknown rules:"; echo "$extra"; exit 1; }
echo "man page lists all $(echo "$known" | wc -l) rules"
