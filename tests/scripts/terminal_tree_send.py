#!/usr/bin/env python3
"""What the tools do on a terminal, run through a pseudo-terminal (Python's pty module):

- dm-tree diff colours on a terminal; NO_COLOR and --color never turn it off;
- dm-tree describe wraps its description to the terminal's width (COLUMNS unset);
- dm-send indents the reply on a terminal (--compact keeps one line), and shows a progress line
  for --repeat on a terminal (none with -q); against scripts/dm-test-server over loopback HTTP.

The golden cases (tests/cli) cover the same options off a terminal.
"""

import argparse
import os
import subprocess
import sys
import tempfile

from pty_run import on_terminal

CHECKS = []


def check(name, ok, detail=""):
    CHECKS.append(ok)
    print(("ok - " if ok else "FAIL - ") + name)
    if not ok and detail:
        for line in detail.splitlines()[:15]:
            print("  | " + line)


def dm_tree_checks(bin_dir, data, scratch):
    tree = os.path.join(bin_dir, "dm-tree")
    env = {"SOURCE_DATE_EPOCH": "1767225600"}
    a, b = os.path.join(scratch, "a.xml"), os.path.join(scratch, "b.xml")
    subprocess.run([tree, "init", "--set", "./Vendor/A=1", "--set", "./Vendor/B=x", "-o", a], check=True,
                   env=dict(os.environ, **env))
    subprocess.run([tree, "init", "--set", "./Vendor/A=2", "--set", "./Vendor/C=y", "-o", b], check=True,
                   env=dict(os.environ, **env))
    code, out = on_terminal([tree, "diff", a, b], data)
    check("dm-tree diff colours on a terminal",
          code == 1 and "\x1b[33m~ ./Vendor/A value: 1 -> 2\x1b[0m" in out and "\x1b[31m- ./Vendor/B" in out
          and "\x1b[32m+ ./Vendor/C = y" in out, repr(out))
    code, out = on_terminal([tree, "diff", a, b], data, env_extra={"NO_COLOR": "1"})
    check("NO_COLOR turns the colours off", code == 1 and "\x1b[" not in out and "~ ./Vendor/A" in out, repr(out))
    code, out = on_terminal([tree, "diff", "--color", "never", a, b], data)
    check("--color never turns them off", code == 1 and "\x1b[" not in out and "+ ./Vendor/C = y" in out, repr(out))
    code, out = on_terminal([tree, "diff", "--format", "json", a, b], data)
    check("JSON is never coloured", code == 1 and "\x1b[" not in out and '"change": "changed"' in out, repr(out))

    describe = [tree, "describe", "--ddf", "ddf/policy-like.ddf.xml", "./Vendor/MSFT/PolicyLike/Config/Contoso~Policy~Apps/ShowBanner"]
    code, out = on_terminal(describe, data, columns=44)
    lines = out.replace("\r\n", "\n").splitlines()
    desc = [i for i, l in enumerate(lines) if l.startswith("  Description ")]
    wrapped = bool(desc) and lines[desc[0] + 1].startswith(" " * 14)
    check("dm-tree describe wraps to a 44-column terminal",
          code == 0 and wrapped and all(len(l) <= 44 for l in lines[desc[0]:desc[0] + 3]), out)
    code, out = on_terminal(describe, data, columns=200)
    lines = out.replace("\r\n", "\n").splitlines()
    desc = [i for i, l in enumerate(lines) if l.startswith("  Description ")]
    check("... and keeps the line whole on a wide one",
          code == 0 and bool(desc) and not lines[desc[0] + 1].startswith(" " * 14), out)


def start_server(source, data):
    server = subprocess.Popen([sys.executable, os.path.join(source, "scripts", "dm-test-server"), "--lifetime", "120",
                               "--script", os.path.join(data, "net", "get-model.xml")],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = server.stdout.readline().strip()
    return server, url


def dm_send_checks(bin_dir, source, data, scratch):
    send = os.path.join(bin_dir, "dm-send")
    server, url = start_server(source, data)
    try:
        pkg = os.path.join(data, "net", "package1.xml")
        code, out = on_terminal([send, url, pkg], scratch)
        lines = out.replace("\r\n", "\n").splitlines()
        check("dm-send indents the reply on a terminal",
              code == 0 and any(l.startswith("    <Get>") for l in lines) and len(lines) > 10, out)
        code, out = on_terminal([send, "--compact", url, pkg], scratch)
        check("--compact keeps it on one line there", code == 0 and len(out.strip().splitlines()) == 1, out)
        state = os.path.join(scratch, "s.tnds")
        code, out = on_terminal([send, "--session", "--state", state, "--repeat", "4", url], scratch)
        check("--repeat shows a progress line on a terminal, erased at the end",
              code == 0 and "\rdm-send: session 4/4 (4 completed)" in out and out.endswith("\r\x1b[K"), repr(out))
        code, out = on_terminal([send, "-q", "--session", "--state", state, "--repeat", "4", url], scratch)
        check("... and none with -q", code == 0 and "session" not in out, repr(out))
    finally:
        server.terminate()
        server.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    bin_dir = os.path.abspath(args.bin)
    data = os.path.join(os.path.abspath(args.source), "testdata")
    with tempfile.TemporaryDirectory() as scratch:
        dm_tree_checks(bin_dir, data, scratch)
        dm_send_checks(bin_dir, os.path.abspath(args.source), data, scratch)
    failed = CHECKS.count(False)
    print(f"{len(CHECKS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
