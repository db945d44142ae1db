# Option parsing (the codec tools' own parser): --name=VALUE and --name VALUE.
cmd: syncml-decode --indent=0 wbxml/results-minimal.wbxml | sed -n 3p && syncml-decode --indent 4 wbxml/results-minimal.wbxml | sed -n 3p
exit: 0
--- stdout
<SyncHdr>
    <SyncHdr>
===
# -o with its value attached, then the file it wrote.
cmd: f=$(mktemp) && syncml-decode -o"$f" --compact --no-declaration wbxml/results-minimal.wbxml && head -c 40 "$f"; rm -f "$f"; echo
exit: 0
--- stdout
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHd
===
# Bundled short flags; '-' is standard input.
cmd: syncml-decode -vv - < wbxml/results-minimal.wbxml | head -1
exit: 0
--- stdout
<?xml version="1.0" encoding="UTF-8"?>
--- stderr
syncml-decode: -: wbxml input, wbxml payload of 126 bytes
===
# -q and -v contradict each other: refused, bundled or not.
cmd: syncml-decode -qv - < wbxml/results-minimal.wbxml
exit: 2
--- stderr
syncml-decode: --quiet excludes --verbose
syncml-decode: try 'syncml-decode --help' for more information
===
# After '--' an argument that looks like an option is a file name.
cmd: syncml-decode -- -x
exit: 3
--- stderr
syncml-decode: -x: cannot open: No such file or directory
===
# An unknown option.
cmd: syncml-decode --frobnicate wbxml/results-minimal.wbxml
exit: 2
--- stderr
syncml-decode: unknown option --frobnicate
syncml-decode: try 'syncml-decode --help' for more information
===
# An unknown short flag inside a bundle.
cmd: syncml-decode -vx wbxml/results-minimal.wbxml
exit: 2
--- stderr
syncml-decode: unknown option -x
syncml-decode: try 'syncml-decode --help' for more information
===
# A value missing at the end, or followed by another option.
cmd: syncml-decode --language; syncml-decode --indent --compact
exit: 2
--- stderr
syncml-decode: --language: needs a value (NAME)
syncml-decode: try 'syncml-decode --help' for more information
syncml-decode: --indent: needs a value (N)
syncml-decode: try 'syncml-decode --help' for more information
===
# Numbers out of range or not numbers at all.
cmd: syncml-decode --indent 17; syncml-decode --indent=2x
exit: 2
--- stderr
syncml-decode: --indent: Value 17 not in range 0 to 16
syncml-decode: try 'syncml-decode --help' for more information
syncml-decode: --indent: Value 2x not in range 0 to 16
syncml-decode: try 'syncml-decode --help' for more information
===
# A value outside the allowed set; an option given twice; a flag given a value.
cmd: syncml-decode --input-format json; syncml-decode --language syncml12 --language syncml11; syncml-decode --dump=yes
exit: 2
--- stderr
syncml-decode: --input-format: json not in {auto,xml,wbxml,hex,base64,http}
syncml-decode: try 'syncml-decode --help' for more information
syncml-decode: --language: given more than once
syncml-decode: try 'syncml-decode --help' for more information
syncml-decode: --dump: takes no value
syncml-decode: try 'syncml-decode --help' for more information
===
# --version and --help go to stdout and win over what follows them.
cmd: syncml-decode --version --frobnicate && syncml-decode -h --frobnicate | sed -n 4,9p
exit: 0
--- stdout
syncml-decode 0.1.0
Usage: syncml-decode [OPTIONS] [FILE...]

Positionals:
  FILE                            Input files ('-' or none: standard input); several are decoded one after another

Options:
===
# Standard output that cannot be written is an error, for help text and data alike.
cmd: syncml-decode --help > /dev/full; echo "help: $?"; syncml-decode wbxml/results-minimal.wbxml > /dev/full; echo "data: $?"
exit: 0
--- stdout
help: 3
data: 3
--- stderr
syncml-decode: cannot write to standard output
syncml-decode: cannot write to standard output
