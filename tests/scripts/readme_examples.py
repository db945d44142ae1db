#!/usr/bin/env python3
"""Runs the README's shell examples as written, against bundled data.

Every fenced code block of README.md whose info string is empty, `sh`, `shell` or `console` is
an example. In a block with `$ ` prompts, the prompted lines are the commands (the others show
output); otherwise every line that is not blank or a comment is one. A line ending in `\\` goes
on on the next. The commands run one by one with bash in a scratch folder that holds the files
the examples name (FIXTURES: copies of testdata/), with the built tools first on PATH and HOME
set to that folder, in README order (so `dm-tree init ... -o device.xml` makes the state the
next lines use). A command passes when it exits 0, or 1 (findings: dm-validate's errors,
dm-tree diff's differences); 2 and above fail the test. A command that needs a program other
than the toolkit's which is not installed (xxd, say) is reported as skipped.

An example that cannot run here says so on the line just before its fence:

  <!-- example: not run: needs a DM server -->

(the reason is required: a network server, a build or an installation, text that only
illustrates). Blocks with another info string (`text`, `cmake`, ...) are not shell and are left
alone. The test fails when no example ran, so that a broken parser cannot pass it.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

SHELL_INFO = {"", "sh", "shell", "console"}
MARKER = re.compile(r"^<!--\s*example:\s*not run:\s*(\S.*?)\s*-->$")

# File names the examples use -> bundled data (relative to the source tree).
FIXTURES = {
    "csp-ddfs": "testdata/ddf/policy-like.ddf.xml",  # a folder of DDF files (one here)
    "Policy.ddf.xml": "testdata/readme/Policy.ddf.xml",
    "package.xml": "testdata/packages/basic.xml",
    "enrollment.xml": "testdata/prov/enrollment.xml",
    "before.xml": "testdata/trees/small.xml",
    "after.xml": "testdata/trees/small-after-basic.xml",
    "profiles": "testdata/validate/rules/atomic-nested.bad.xml",  # a folder of profiles
    "package2.xml": "testdata/messages/server-package2.xml",
    "in.xml": "testdata/messages/windows-package1.xml",
    "response.wbxml": "testdata/wbxml/results-minimal.wbxml",
    "capture.bin": "testdata/wbxml/windows-package1.wbxml",
    "capture.http": "testdata/wbxml/server-package2.http",
    "capture.har": "testdata/trace/session-md5.har",
    "session.trace": "testdata/trace/session-md5.trace",
    "messages": "testdata/trace/folder",  # a folder of message files
}
# Secrets the examples read (mode 0600, as the tools ask).
SECRETS = {"srv.pw": "s3cret\n", "pw": "OhBehave\n"}


def blocks(text):
    """(first line number, info string, marker reason or None, lines) of each fenced block."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^```\s*(\S*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        start, info = i, m.group(1)
        before = lines[i - 1].strip() if i > 0 else ""
        marker = MARKER.match(before)
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        yield start + 2, info, marker.group(1) if marker else None, lines[i + 1:j]
        i = j + 1


def commands(first_line, body):
    """(line number, command) of a block, continuations joined."""
    prompted = any(l.startswith("$ ") for l in body)
    out, pending, at = [], "", 0
    for n, line in enumerate(body, first_line):
        if pending:
            line = pending + line.lstrip()
        elif prompted:
            if not line.startswith("$ "):
                continue
            line, at = line[2:], n
        else:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            at = n
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        pending = ""
        out.append((at, line.strip()))
    return out


def make_scratch(source, folder):
    for name, rel in FIXTURES.items():
        src = os.path.join(source, rel)
        dst = os.path.join(folder, name)
        if os.path.isdir(src):
            shutil.copytree(src, dst)
        elif name in ("csp-ddfs", "profiles"):
            os.makedirs(dst, exist_ok=True)
            shutil.copy(src, dst)
        else:
            shutil.copy(src, dst)
    for name, text in SECRETS.items():
        path = os.path.join(folder, name)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o600)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    readme = os.path.join(args.source, "README.md")
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    ran = failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        make_scratch(args.source, scratch)
        env = dict(os.environ, PATH=os.path.abspath(args.bin) + os.pathsep + os.environ["PATH"], HOME=scratch,
                   NO_COLOR="1", LC_ALL="C")
        for line, info, reason, body in blocks(text):
            if info not in SHELL_INFO:
                continue
            if reason:
                print(f"not run - README.md:{line}: {reason}")
                continue
            for at, cmd in commands(line, body):
                ran += 1
                try:
                    p = subprocess.run(["bash", "-c", cmd], cwd=scratch, env=env, capture_output=True, text=True,
                                       timeout=120, stdin=subprocess.DEVNULL)
                    code, err = p.returncode, p.stderr
                except subprocess.TimeoutExpired:
                    code, err = "timeout", ""
                missing = re.search(r"(\S+): command not found", err)
                if missing and not os.path.exists(os.path.join(args.bin, missing.group(1))):
                    print(f"skipped - README.md:{at}: {cmd} ({missing.group(1)} is not installed)")
                elif code in (0, 1):
                    print(f"ok - README.md:{at}: {cmd} (exit {code})")
                else:
                    failed += 1
                    print(f"FAIL - README.md:{at}: {cmd} (exit {code})")
                    for l in err.splitlines()[:10]:
                        print(f"  | {l}")
    print(f"{ran - failed} passed, {failed} failed")
    if ran == 0:
        print("FAIL - no example ran")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
