#!/bin/bash
# What dm-tree and dm-send do on a terminal, through a pseudo-terminal (terminal_tree_send.py).
set -euo pipefail
BIN=${SYNCMLDM_BIN:-$(pwd)/build/bin}
SRC=${SYNCMLDM_SOURCE:-$(pwd)}
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
exec python3 "$SRC/tests/scripts/terminal_tree_send.py" --bin "$BIN" --source "$SRC"
