#!/usr/bin/env python3
"""Runs golden command-line cases (format: tests/cli/README.md) and reports every difference."""
import argparse
import difflib
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
TESTDATA = ROOT / "testdata"
TIMEOUT = 60


class Case:
    def __init__(self, path, index):
        self.path, self.index = path, index
        self.comments, self.cmd, self.stdin, self.exit = [], None, None, 0
        self.needs = []  # files (relative to testdata/) the case reads from outside the repository
        self.streams = {}  # name -> expected text, or None when ignored
        self.order = []


def parse(path):
    cases, case, stream = [], None, None
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()

    def finish():
        if case is not None:
            if case.cmd is None:
                sys.exit(f"{path}: case {case.index}: no 'cmd:' line")
            cases.append(case)

    for line in lines:
        if line == "===":
            finish()
            case, stream = None, None
            continue
        if case is None:
            case = Case(path, len(cases) + 1)
        if line.startswith("--- "):
            name = line[4:].split()[0]
            if name not in ("stdout", "stderr"):
                sys.exit(f"{path}: unknown section {line!r}")
            stream = name
            case.order.append(name)
            case.streams[name] = None if "(ignored)" in line else []
            continue
        if stream is not None:
            if case.streams[stream] is not None:
                case.streams[stream].append(line)
            continue
        if line.startswith("#") or not line.strip():
            case.comments.append(line)
        elif line.startswith("cmd:"):
            case.cmd = line[4:].strip()
        elif line.startswith("needs:"):
            case.needs.append(line[6:].strip())
        elif line.startswith("stdin:"):
            case.stdin = line[6:].strip()
        elif line.startswith("exit:"):
            case.exit = int(line[5:].strip())
        else:
            sys.exit(f"{path}: unexpected line {line!r}")
    finish()
    return cases


def expected_text(case, name):
    value = case.streams.get(name, [])
    if value is None:
        return None
    return "".join(l + "\n" for l in value)


def run(case, bindir):
    env = dict(os.environ)
    env.update(PATH=f"{bindir}{os.pathsep}{env.get('PATH', '')}", LC_ALL="C", NO_COLOR="1", COLUMNS="80")
    env.pop("DM_PASSWORD", None)
    stdin = open(TESTDATA / case.stdin, "rb") if case.stdin else subprocess.DEVNULL
    try:
        p = subprocess.run(["sh", "-c", case.cmd], cwd=TESTDATA, env=env, stdin=stdin,
                           capture_output=True, timeout=TIMEOUT)
    finally:
        if case.stdin:
            stdin.close()
    return p.returncode, p.stdout.decode("utf-8", "backslashreplace"), p.stderr.decode("utf-8", "backslashreplace")


def render(case, code, out, err):
    lines = list(case.comments)
    lines.extend(f"needs: {n}" for n in case.needs)
    lines.append(f"cmd: {case.cmd}")
    if case.stdin:
        lines.append(f"stdin: {case.stdin}")
    lines.append(f"exit: {code}")
    for name, text in (("stdout", out), ("stderr", err)):
        if case.streams.get(name, []) is None:
            lines.append(f"--- {name} (ignored)")
        elif text:
            lines.append(f"--- {name}")
            body = text[:-1] if text.endswith("\n") else text
            lines.extend(body.split("\n"))
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True, help="folder with the built tools")
    ap.add_argument("--update", action="store_true", help="rewrite expected output")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    bindir = str(pathlib.Path(args.bin).resolve())
    files = []
    for p in map(pathlib.Path, args.paths):
        files.extend(sorted(p.glob("*.t")) if p.is_dir() else [p])
    if not files:
        print("no cases found", file=sys.stderr)
        return 1
    passed = failed = skipped = 0
    for path in files:
        cases = parse(path)
        rendered = []
        for case in cases:
            absent = [n for n in case.needs if not (TESTDATA / n).exists()]
            if absent:
                skipped += 1
                print(f"skipped {path.relative_to(ROOT)} case {case.index}: {absent[0]} is absent")
                rendered.append(render(case, case.exit, expected_text(case, "stdout") or "",
                                       expected_text(case, "stderr") or ""))
                continue
            code, out, err = run(case, bindir)
            rendered.append(render(case, code, out, err))
            problems = []
            if code != case.exit:
                problems.append(f"exit status {code}, expected {case.exit}")
            for name, actual in (("stdout", out), ("stderr", err)):
                want = expected_text(case, name)
                if want is not None and want != actual:
                    diff = difflib.unified_diff(want.splitlines(True), actual.splitlines(True),
                                                f"expected {name}", f"actual {name}")
                    problems.append("".join(diff))
            if problems:
                failed += 1
                print(f"FAIL {path.relative_to(ROOT)} case {case.index}: {case.cmd}")
                for p in problems:
                    print("  " + p.replace("\n", "\n  "))
            else:
                passed += 1
        if args.update:
            text = "\n===\n".join("\n".join(r) for r in rendered) + "\n"
            path.write_text(text, encoding="utf-8")
    print(f"golden: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
