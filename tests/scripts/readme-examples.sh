# The README's shell examples run as written against bundled data (readme_examples.py says how
# examples that cannot run here are marked).
set -euo pipefail
BIN=${SYNCMLDM_BIN:-$(pwd)/build/bin}
SRC=${SYNCMLDM_SOURCE:-$(pwd)}
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
exec python3 "$SRC/tests/scripts/readme_examples.py" --bin "$BIN" --source "$SRC"
