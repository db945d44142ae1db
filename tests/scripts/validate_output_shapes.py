"""Checks dm-validate --format json against the command-line contract and --format sarif against
what code-scanning services read (SARIF 2.1.0: version, runs[0].tool.driver.rules, results with
ruleId, level, locations[].physicalLocation.region)."""
import json
import pathlib
import subprocess
import sys

tool, data = sys.argv[1], pathlib.Path(sys.argv[2])
inputs = [str(data / "rules/atomic-nested.bad.xml"), str(data / "rules/xml-malformed.bad.xml"),
          str(data / "rules/cmdid-zero.good.xml")]
problems = []


def expect(cond, what):
    if not cond:
        problems.append(what)


def run(fmt):
    p = subprocess.run([tool, "--format", fmt, *inputs], capture_output=True, text=True)
    expect(p.returncode == 1, f"{fmt}: exit {p.returncode}, expected 1")
    return json.loads(p.stdout)


doc = run("json")
expect(list(doc) == ["tool", "version", "profile", "files", "summary"], f"json: top-level keys {list(doc)}")
expect(doc["tool"] == "dm-validate" and doc["profile"] == "windows", "json: tool/profile")
expect(len(doc["files"]) == 3, "json: one entry per input")
kinds = {"line": int, "column": int, "offset": int, "severity": str, "rule": str, "status": int, "cmdid": str,
         "message": str}
errors = warnings = notes = 0
for f in doc["files"]:
    expect(list(f) == ["path", "format", "diagnostics"], f"json: file keys {list(f)}")
    expect(f["format"] in ("xml", "wbxml"), "json: format")
    for d in f["diagnostics"]:
        expect(list(d) == list(kinds), f"json: diagnostic keys {list(d)}")
        for k, t in kinds.items():
            expect(d[k] is None or isinstance(d[k], t), f"json: {k} has type {type(d[k]).__name__}")
        expect(d["severity"] in ("error", "warning", "note"), "json: severity")
        expect(d["line"] is None or d["line"] >= 1, "json: line is 1-based")
        errors += d["severity"] == "error"
        warnings += d["severity"] == "warning"
        notes += d["severity"] == "note"
nested = [d for d in doc["files"][0]["diagnostics"] if d["rule"] == "atomic-nested"]
expect(sorted(d["status"] for d in nested) == [500, 507], "json: nested Atomic gives 500 and 507")
expect(doc["files"][1]["diagnostics"][0]["rule"] == "xml-malformed", "json: malformed XML is a finding")
expect(doc["files"][2]["diagnostics"] == [], "json: a clean file has no diagnostics")
expect(doc["summary"] == {"files": 3, "errors": errors, "warnings": warnings, "notes": notes}, "json: summary")

sarif = run("sarif")
expect(sarif["version"] == "2.1.0", "sarif: version")
expect("$schema" in sarif, "sarif: $schema")
run0 = sarif["runs"][0]
rules = run0["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
listed = subprocess.run([tool, "--list-rules"], capture_output=True, text=True).stdout.split("\n")
expect(ids == [l.split()[0] for l in listed if l.strip()], "sarif: driver.rules is the whole registry")
expect(all("shortDescription" in r and "text" in r["shortDescription"] for r in rules), "sarif: rule descriptions")
expect(len(run0["results"]) == errors + warnings + notes, "sarif: one result per finding")
for r in run0["results"]:
    expect(r["ruleId"] in ids, f"sarif: unknown ruleId {r['ruleId']}")
    expect(rules[r["ruleIndex"]]["id"] == r["ruleId"], "sarif: ruleIndex points at ruleId")
    expect(r["level"] in ("error", "warning", "note"), "sarif: level")
    expect(r["message"]["text"], "sarif: message text")
    loc = r["locations"][0]["physicalLocation"]
    expect(loc["artifactLocation"]["uri"], "sarif: artifact uri")
    region = loc["region"]
    expect(region.get("startLine", 1) >= 1 and ("startLine" in region or "byteOffset" in region), "sarif: region")

for p in problems:
    print(p)
print(f"output shapes: {len(problems)} problems")
sys.exit(1 if problems else 0)
