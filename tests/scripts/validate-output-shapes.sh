#!/usr/bin/env bash
# dm-validate's JSON and SARIF outputs have the shapes CI systems parse (checked with python3).
set -euo pipefail
command -v python3 >/dev/null || exit 77
bin=${SYNCMLDM_BIN:-build/bin}
src=${SYNCMLDM_SOURCE:-.}
exec python3 "$src/tests/scripts/validate_output_shapes.py" "$bin/dm-validate" "$src/testdata/validate"
