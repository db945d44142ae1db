# WBXML input is sniffed by content; findings carry the byte offset of the token, no line:col.
cmd: dm-validate -q validate/wbxml/nested-atomic.wbxml
exit: 1
--- stdout
validate/wbxml/nested-atomic.wbxml: offset 128: error: Atomic contains a nested Atomic: the outer Atomic fails [atomic-nested] (status 507)
validate/wbxml/nested-atomic.wbxml: offset 134: error: Atomic inside Atomic is not supported [atomic-nested] (status 500)
===
# The same findings as JSON: line and column are null.
cmd: dm-validate -q --format json validate/wbxml/nested-atomic.wbxml
exit: 1
--- stdout
{
  "tool": "dm-validate",
  "version": "0.1.0",
  "profile": "windows",
  "files": [
    {
      "path": "validate/wbxml/nested-atomic.wbxml",
      "format": "wbxml",
      "diagnostics": [
        {
          "line": null,
          "column": null,
          "offset": 128,
          "severity": "error",
          "rule": "atomic-nested",
          "status": 507,
          "cmdid": "1",
          "message": "Atomic contains a nested Atomic: the outer Atomic fails"
        },
        {
          "line": null,
          "column": null,
          "offset": 134,
          "severity": "error",
          "rule": "atomic-nested",
          "status": 500,
          "cmdid": "2",
          "message": "Atomic inside Atomic is not supported"
        }
      ]
    }
  ],
  "summary": {
    "files": 1,
    "errors": 2,
    "warnings": 0,
    "notes": 0
  }
}
===
# A hex dump (xxd) of the same message: unwrapped first, offsets refer to the WBXML bytes.
cmd: dm-validate -q validate/wbxml/nested-atomic.hex
exit: 1
--- stdout
validate/wbxml/nested-atomic.hex: offset 128: error: Atomic contains a nested Atomic: the outer Atomic fails [atomic-nested] (status 507)
validate/wbxml/nested-atomic.hex: offset 134: error: Atomic inside Atomic is not supported [atomic-nested] (status 500)
===
# A real-shaped package 1 in WBXML passes.
cmd: dm-validate -q validate/wbxml/windows-client-package1.wbxml
exit: 0
--- stdout
validate/wbxml/windows-client-package1.wbxml: offset 157: note: alert 1224 Item without Meta Format [alert-meta-format]
validate/wbxml/windows-client-package1.wbxml: offset 271: note: Format comes before Type in the MetInf DTD [meta-order]
===
# Truncated WBXML is a finding with its offset (exit 1), not an input error.
cmd: dm-validate -q validate/wbxml/truncated.wbxml
exit: 1
--- stdout
validate/wbxml/truncated.wbxml: offset 74: error: truncated: inline string without its terminating NUL [wbxml-malformed]
===
# A directory: *.xml, *.wbxml and *.syncml files, recursively, in sorted order.
cmd: dm-validate -q validate/wbxml
exit: 1
--- stdout
validate/wbxml/nested-atomic.wbxml: offset 128: error: Atomic contains a nested Atomic: the outer Atomic fails [atomic-nested] (status 507)
validate/wbxml/nested-atomic.wbxml: offset 134: error: Atomic inside Atomic is not supported [atomic-nested] (status 500)
validate/wbxml/truncated.wbxml: offset 74: error: truncated: inline string without its terminating NUL [wbxml-malformed]
validate/wbxml/windows-client-package1.wbxml: offset 157: note: alert 1224 Item without Meta Format [alert-meta-format]
validate/wbxml/windows-client-package1.wbxml: offset 271: note: Format comes before Type in the MetInf DTD [meta-order]
===
# Plain text is not a message: a finding.
cmd: dm-validate -q -
stdin: validate/ddf/README
exit: 1
--- stdout
-: offset 0: error: input is not XML, WBXML, hex, Base64 or an HTTP message (first byte 0x54) [not-syncml]
===
# String-table references that would expand the document more than 64 times: a finding at the
# offset of the first reference over the bound.
cmd: dm-validate -q hostile/codec/string-table-bomb.wbxml
exit: 1
--- stdout
hostile/codec/string-table-bomb.wbxml: offset 4270: error: string table references would expand the document more than 64 times (over 341056 bytes) [wbxml-malformed]
