# A rule id with a typo gets the nearest one.
cmd: dm-validate --explain atomic-gte
exit: 2
--- stderr
dm-validate: --explain: unknown rule 'atomic-gte' (did you mean 'atomic-get'? see --list-rules)
===
# --disable names the unknown rule too.
cmd: dm-validate --disable locuri-emtpy messages/results-minimal.xml
exit: 2
--- stderr
dm-validate: --disable: unknown rule 'locuri-emtpy' (did you mean 'locuri-empty'? see --list-rules)
===
# --list-rules and --explain contradict each other; so do -q and -v.
cmd: dm-validate --list-rules --explain atomic-get; dm-validate -q -v messages/results-minimal.xml
exit: 2
--- stderr
dm-validate: --list-rules excludes --explain
dm-validate: try 'dm-validate --help' for more information
dm-validate: --quiet excludes --verbose
dm-validate: try 'dm-validate --help' for more information
===
# An unknown option is named with the nearest one.
cmd: dm-validate --werorr messages/results-minimal.xml
exit: 2
--- stderr
dm-validate: unknown option --werorr (did you mean '--werror'?)
dm-validate: try 'dm-validate --help' for more information
===
# The rule list as JSON.
cmd: dm-validate --list-rules --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["profile"], len(d["rules"]) > 50, d["rules"][0])'
exit: 0
--- stdout
windows True {'id': 'xml-malformed', 'area': 'structure', 'severity': 'error', 'status': None, 'summary': 'the input is not well-formed XML'}
===
# ... and not as SARIF.
cmd: dm-validate --list-rules --format sarif
exit: 2
--- stderr
dm-validate: --format: --list-rules prints text or json
===
# An unreadable input is in the JSON report with its error.
cmd: dm-validate --format json missing.xml messages/results-minimal.xml | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(f["path"], f.get("error")) for f in d["files"]], d["summary"])'
exit: 0
--- stdout
[('messages/results-minimal.xml', None), ('missing.xml', 'cannot read: No such file or directory')] {'files': 1, 'errors': 0, 'warnings': 0, 'notes': 0, 'unreadable': 1}
--- stderr
dm-validate: missing.xml: cannot read: No such file or directory
===
# SARIF carries the run's exit code and the unreadable input as a notification.
cmd: dm-validate --format sarif missing.xml messages/results-minimal.xml | python3 -c 'import json,sys; i=json.load(sys.stdin)["runs"][0]["invocations"][0]; print(i["executionSuccessful"], i["exitCode"], [n["message"]["text"] for n in i["toolExecutionNotifications"]])'
exit: 0
--- stdout
False 3 ['cannot read: No such file or directory']
--- stderr
dm-validate: missing.xml: cannot read: No such file or directory
===
# A clean run: executionSuccessful, exit code 0.
cmd: dm-validate --format sarif messages/results-minimal.xml | python3 -c 'import json,sys; i=json.load(sys.stdin)["runs"][0]["invocations"][0]; print(i["executionSuccessful"], i["exitCode"])'
exit: 0
--- stdout
True 0
===
# UTF-16 input is validated like UTF-8 (-v says it was converted); ISO-8859-1 text is a finding
# with the command that converts it.
cmd: dm-validate -v encoding/utf16le-bom.xml encoding/latin1.xml
exit: 1
--- stdout
encoding/latin1.xml:2:412: error: the XML declaration says encoding 'ISO-8859-1'; the tools read UTF-8 (and UTF-16 with a byte order mark): convert it with: iconv -f ISO-8859-1 -t UTF-8 encoding/latin1.xml | sed '1s/ISO-8859-1/UTF-8/' > encoding/latin1.utf8.xml [xml-malformed]
--- stderr
dm-validate: encoding/utf16le-bom.xml: input: UTF-16LE with BOM, converted to UTF-8
dm-validate: 2 files checked: 1 error, 0 warnings, 0 notes
===
# The --color option is there and NO_COLOR-aware; --color always colours the text report.
cmd: dm-validate --color always encoding/latin1.xml | grep -c "$(printf '\033')\["
exit: 0
--- stdout
1
--- stderr
dm-validate: 1 file checked: 1 error, 0 warnings, 0 notes
===
# A finding in UTF-16 XML: line and column as in the UTF-8 twin, the byte offset the one in the
# UTF-16 file (2 for the BOM, 2 per character here).
cmd: for f in encoding/empty-locuri.xml encoding/utf16le-empty-locuri.xml; do dm-validate --format json $f | python3 -c 'import json,sys; d=json.load(sys.stdin)["files"][0]["diagnostics"][0]; print(d["rule"], d["line"], d["column"], d["offset"])'; done
exit: 0
--- stdout
locuri-empty 1 307 306
locuri-empty 1 307 614
