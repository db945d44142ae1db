#!/usr/bin/env python3
"""What the tools print on a terminal, run through a pseudo-terminal: dm-validate's source window
(a one-line 3 MB message prints a short window per finding, not the line), colour on a terminal
and none with NO_COLOR or --color never."""
import os
import subprocess
import sys
import tempfile

import pty_run


def on_terminal(argv, env_extra=None, cols=100):
    """argv on a pseudo-terminal `cols` wide, in the C locale; returns (exit code, output)."""
    return pty_run.on_terminal(argv, columns=cols, env_extra={"LC_ALL": "C", "COLUMNS": str(cols), **(env_extra or {})},
                               drop=("NO_COLOR",), timeout=60)


def main():
    bindir = os.environ["SYNCMLDM_BIN"]
    validate = os.path.join(bindir, "dm-validate")
    problems = []
    with tempfile.TemporaryDirectory() as d:
        # One line of 3 MB: a long Data value, then an empty LocURI near the end of the line.
        big = os.path.join(d, "export.xml")
        with open(big, "w") as f:
            f.write('<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>'
                    "<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>https://s</LocURI></Target>"
                    "<Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody><Replace><CmdID>2</CmdID>"
                    "<Item><Target><LocURI>./Vendor/MSFT/X</LocURI></Target><Data>" + "A" * 3_000_000 +
                    "</Data></Item></Replace><Get><CmdID>3</CmdID><Item><Target><LocURI></LocURI></Target></Item>"
                    "</Get><Final/></SyncBody></SyncML>")
        code, out = on_terminal([validate, big], cols=100)
        lines = out.splitlines()
        if code != 1:
            problems.append(f"dm-validate on the export exited {code}, expected 1")
        if len(out) > 20000:
            problems.append(f"dm-validate printed {len(out)} characters for a one-line message (no window)")
        if not any(l.strip().startswith("...") or l.rstrip().endswith("...") for l in lines):
            problems.append("no '...' window marks in the source lines")
        if not any(l.strip().endswith("^") or "^" in l for l in lines):
            problems.append("no caret line")
        if "\x1b[" not in out:
            problems.append("no colour on a terminal (--color auto)")
        longest = max((len(l) for l in lines if "^" not in l and "error" not in l), default=0)
        if longest > 100:
            problems.append(f"a source line of {longest} characters on a 100-column terminal")
        # NO_COLOR and --color never: no escapes.
        _, plain = on_terminal([validate, big], {"NO_COLOR": "1"})
        if "\x1b[" in plain:
            problems.append("colour despite NO_COLOR")
        _, never = on_terminal([validate, "--color", "never", big])
        if "\x1b[" in never:
            problems.append("colour despite --color never")
        # The caret sits under the empty LocURI within the window.
        never_lines = never.splitlines()
        for i, l in enumerate(never_lines):
            if "locuri-empty" in l and i + 2 < len(never_lines):
                src, caret = never_lines[i + 1], never_lines[i + 2]
                col = caret.index("^")
                if src[col:col + 17] != "<LocURI></LocURI>":
                    problems.append(f"caret at column {col} is not under the empty LocURI: {src[max(0, col - 10):col + 10]!r}")
        # Not a terminal: no source lines at all.
        piped = subprocess.run([validate, big], capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
        if len(piped.stdout) > 2000 or "^" in piped.stdout:
            problems.append("source lines printed when stdout is not a terminal")
    for p in problems:
        print(p)
    print(f"terminal: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
