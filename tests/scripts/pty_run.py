"""Running a tool on a pseudo-terminal (Python's pty module), for the tests of what the tools do
on a terminal: terminal_tree_send.py and terminal_validate.py."""

import fcntl
import os
import struct
import subprocess
import termios


def on_terminal(argv, cwd=None, columns=80, env_extra=None, drop=("NO_COLOR", "COLUMNS"), timeout=120):
    """Runs argv with stdin, stdout and stderr on a new pseudo-terminal `columns` wide, without the
    variables in `drop` and with `env_extra`; returns (exit code, everything written)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(env_extra or {})
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the last holder of the terminal closed it
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    code = proc.wait(timeout=timeout)
    return code, out.decode("utf-8", "replace")
