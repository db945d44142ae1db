#!/usr/bin/env python3
"""Thin tools, checked: each tool's main file is under 250 lines and no function in tools/ is
longer than 80 lines (from its opening line to its closing brace)."""
import pathlib, re, sys

root = pathlib.Path(__file__).resolve().parents[2]
MAIN_LIMIT, FUNCTION_LIMIT = 250, 80
# A definition starts on a line that is not indented (or indented inside a namespace or class
# body) and ends in "{"; its body ends at the matching brace.
start = re.compile(r"^\s*(?!(?:namespace|struct|class|enum|union|extern|if|for|while|switch|else|do|return)\b)"
                   r"[\w:<>,*&~\[\] ]+\([^;]*\)[\w\s:&>-]*\{\s*$")

def strip(text):
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', '""', text)

def functions(path):
    lines = strip(path.read_text()).split("\n")
    i = 0
    while i < len(lines):
        if start.match(lines[i]):
            depth, j = 0, i
            while j < len(lines):
                depth += lines[j].count("{") - lines[j].count("}")
                if depth <= 0 and j > i or (depth == 0 and j == i and "}" in lines[j]):
                    break
                j += 1
            yield i + 1, j - i + 1, lines[i].strip()
            i = j + 1
        else:
            i += 1

faults = []
for main in sorted([*(root / "tools").glob("*.cpp"), *(root / "tools").glob("*/main.cpp")]):
    count = main.read_text().count("\n")
    if count >= MAIN_LIMIT:
        faults.append(f"{main.relative_to(root)}: {count} lines (a tool's main file stays under {MAIN_LIMIT})")
for path in sorted((root / "tools").rglob("*.cpp")):
    for line, length, head in functions(path):
        if length > FUNCTION_LIMIT:
            faults.append(f"{path.relative_to(root)}:{line}: a function of {length} lines"
                          f" (at most {FUNCTION_LIMIT}): {head[:60]}")
for fault in faults:
    print(fault)
sys.exit(1 if faults else 0)
