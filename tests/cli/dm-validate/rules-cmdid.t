# cmdid-missing: a file that breaks the rule
cmd: dm-validate -q validate/rules/cmdid-missing.bad.xml
exit: 1
--- stdout
validate/rules/cmdid-missing.bad.xml:3:3: error: Replace has no CmdID [cmdid-missing] (status 400)
===
# cmdid-missing: the same content, fixed
cmd: dm-validate -q validate/rules/cmdid-missing.good.xml
exit: 0
===
# cmdid-duplicate: a file that breaks the rule
cmd: dm-validate -q validate/rules/cmdid-duplicate.bad.xml
exit: 1
--- stdout
validate/rules/cmdid-duplicate.bad.xml:13:7: error: CmdID 2 is already used by a Replace in this message [cmdid-duplicate]
===
# cmdid-duplicate: the same content, fixed
cmd: dm-validate -q validate/rules/cmdid-duplicate.good.xml
exit: 0
===
# cmdid-zero: a file that breaks the rule
cmd: dm-validate -q validate/rules/cmdid-zero.bad.xml
exit: 1
--- stdout
validate/rules/cmdid-zero.bad.xml:2:7: error: CmdID 0 is reserved for the SyncHdr (CmdRef 0) [cmdid-zero]
===
# cmdid-zero: the same content, fixed
cmd: dm-validate -q validate/rules/cmdid-zero.good.xml
exit: 0
===
# cmdid-format: a file that breaks the rule (a template placeholder left in a profile)
cmd: dm-validate -q validate/rules/cmdid-format.bad.xml
exit: 1
--- stdout
validate/rules/cmdid-format.bad.xml:2:3: error: CmdID '$CmdId$' is not a positive decimal integer: a template placeholder left unfilled [cmdid-format]
===
# cmdid-format: the same content, fixed
cmd: dm-validate -q validate/rules/cmdid-format.good.xml
exit: 0
