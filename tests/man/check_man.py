#!/usr/bin/env python3
"""Every built tool has a man page that mandoc lints clean, has the required sections, and
mentions every option the tool accepts (options are read from --help, subcommands included)."""
import argparse
import pathlib
import re
import subprocess
import sys

REQUIRED_SECTIONS = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES"]
EXAMPLE_LINE = re.compile(r"^  \S")
OPTION = re.compile(r"(?<![\w-])(--[A-Za-z0-9][A-Za-z0-9-]*|-[A-Za-z0-9])(?![\w-])")


def help_text(tool, args):
    p = subprocess.run([str(tool), *args, "--help"], capture_output=True, text=True, timeout=30)
    if p.returncode != 0:
        raise SystemExit(f"{tool.name} {' '.join(args)} --help exited {p.returncode}")
    return p.stdout


def options_and_subcommands(text):
    options, subcommands, section = set(), [], None
    for line in text.splitlines():
        if re.match(r"^[A-Z][A-Za-z ]*:\s*$", line):
            section = line.strip().rstrip(":").lower()
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if section == "subcommands" and line.startswith("  ") and not line.startswith("    "):
            subcommands.append(stripped.split()[0])
        elif section and "option" in section and stripped.startswith("-"):
            # The option names come before the first run of two spaces (the description).
            names = re.split(r"\s{2,}", stripped)[0]
            options.update(OPTION.findall(names))
    return options, subcommands


def examples(text):
    """The lines of the help's "Examples:" section, which must be its last."""
    lines = text.rstrip("\n").splitlines()
    for i in range(len(lines) - 1, -1, -1):
        if lines[i] == "Examples:":
            body = lines[i + 1:]
            return body if all(EXAMPLE_LINE.match(l) for l in body) else []
    return []


def lint_problems(output):
    """mandoc's complaints."""
    keep = []
    for line in output.splitlines():
        if line.strip():
            keep.append(line)
    return "\n".join(keep)


def page_text(page):
    p = subprocess.run(["mandoc", "-Tutf8", str(page)], capture_output=True, text=True)
    return re.sub(r".\x08", "", p.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--man", required=True)
    args = ap.parse_args()
    try:
        subprocess.run(["mandoc", "-V"], capture_output=True)
    except FileNotFoundError:
        print("mandoc is not installed: skipped")
        return 77
    bindir, mandir = pathlib.Path(args.bin), pathlib.Path(args.man)
    tools = sorted(p for p in bindir.glob("*") if p.is_file() and p.stat().st_mode & 0o111
                   and not p.name.startswith("unit-"))
    problems = []
    pages = sorted(mandir.glob("*.[1-9]"))
    for page in pages:
        # Run beside the pages so that .Xr references between them resolve.
        lint = subprocess.run(["mandoc", "-Tlint", "-W", "style", page.name], capture_output=True, text=True,
                              cwd=page.parent)
        complaints = lint_problems(lint.stdout + lint.stderr)
        if complaints:
            problems.append(f"{page.name}: mandoc -Tlint:\n{complaints}")
    checked = 0
    for tool in tools:
        page = mandir / f"{tool.name}.1"
        if not page.exists():
            problems.append(f"{tool.name}: no man page man/{tool.name}.1")
            continue
        text = page_text(page)
        for section in REQUIRED_SECTIONS:
            if not re.search(rf"^{section}\s*$", text, re.M):
                problems.append(f"{page.name}: no {section} section")
        see_also = re.search(r"^SEE ALSO\s*$(.*)", page_text(mandir / "syncml-dm.7"), re.M | re.S)
        if not see_also or f"{tool.name}(1)" not in see_also.group(1):
            problems.append(f"syncml-dm.7: SEE ALSO does not name {tool.name}(1)")
        queue, seen = [[]], set()
        while queue:
            sub = queue.pop()
            text = help_text(tool, sub)
            # Every help ends with examples: two or more for a tool, one or more for a subcommand,
            # each a command line of this tool.
            shown = examples(text)
            wanted = 1 if sub else 2
            where = " ".join([tool.name, *sub])
            if len(shown) < wanted:
                problems.append(f"'{where} --help' does not end with {wanted} example{'s' if wanted > 1 else ''}")
            for line in shown:
                if not line.strip().startswith(tool.name) and "| " + tool.name not in line:
                    problems.append(f"'{where} --help': example does not run {tool.name}: {line.strip()}")
            opts, subs = options_and_subcommands(text)
            for opt in sorted(opts):
                checked += 1
                if not re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text):
                    problems.append(f"{page.name}: option {opt} of '{' '.join([tool.name, *sub])}' is not documented")
            for s in subs:
                if s not in seen:
                    seen.add(s)
                    if not re.search(rf"\b{re.escape(s)}\b", text):
                        problems.append(f"{page.name}: subcommand {s} is not documented")
                    queue.append(sub + [s])
    for p in problems:
        print(p)
    print(f"man: {len(pages)} pages, {len(tools)} tools, {checked} options checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
