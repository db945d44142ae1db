#!/bin/bash
# The tools on a terminal (a pseudo-terminal made by Python's pty module): see terminal_pty.py.
set -euo pipefail
exec python3 "$(dirname "$0")/terminal_pty.py"
