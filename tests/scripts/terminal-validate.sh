#!/bin/bash
# dm-validate on a terminal (a pseudo-terminal made by Python's pty module): see terminal_validate.py.
set -euo pipefail
exec python3 "$(dirname "$0")/terminal_validate.py"
