# status-header-first: a file that breaks the rule
cmd: dm-validate -q validate/rules/status-header-first.bad.xml
exit: 1
--- stdout
validate/rules/status-header-first.bad.xml:18:5: error: the Status for the SyncHdr must be the first command of SyncBody [status-header-first]
===
# status-header-first: the same content, fixed
cmd: dm-validate -q validate/rules/status-header-first.good.xml
exit: 0
===
# status-required: a file that breaks the rule
cmd: dm-validate -q validate/rules/status-required.bad.xml
exit: 1
--- stdout
validate/rules/status-required.bad.xml:18:5: error: Status lacks MsgRef, CmdRef, Cmd [status-required]
===
# status-required: the same content, fixed
cmd: dm-validate -q validate/rules/status-required.good.xml
exit: 0
===
# status-code: a file that breaks the rule
cmd: dm-validate -q validate/rules/status-code.bad.xml
exit: 1
--- stdout
validate/rules/status-code.bad.xml:23:7: error: '299' is not a known status code [status-code]
===
# status-code: the same content, fixed
cmd: dm-validate -q validate/rules/status-code.good.xml
exit: 0
===
# status-cmd: a file that breaks the rule
cmd: dm-validate -q validate/rules/status-cmd.bad.xml
exit: 1
--- stdout
validate/rules/status-cmd.bad.xml:22:7: error: Cmd 'Set' is not a DM command name [status-cmd]
===
# status-cmd: the same content, fixed
cmd: dm-validate -q validate/rules/status-cmd.good.xml
exit: 0
===
# status-per-item: a file that breaks the rule
cmd: dm-validate -q validate/rules/status-per-item.bad.xml
exit: 1
--- stdout
validate/rules/status-per-item.bad.xml:18:5: error: command 3 has 2 Statuses: each must carry the TargetRef of its Item [status-per-item]
validate/rules/status-per-item.bad.xml:25:5: error: command 3 has 2 Statuses: each must carry the TargetRef of its Item [status-per-item]
===
# status-per-item: the same content, fixed
cmd: dm-validate -q validate/rules/status-per-item.good.xml
exit: 0
===
# status-only-header: a file that breaks the rule
cmd: dm-validate -q validate/rules/status-only-header.bad.xml
exit: 1
--- stdout
validate/rules/status-only-header.bad.xml:11:5: error: a client message holding only a successful SyncHdr Status is not sent [status-only-header]
===
# status-only-header: the same content, fixed
cmd: dm-validate -q validate/rules/status-only-header.good.xml
exit: 0
===
# status-on-results: a file that breaks the rule
cmd: dm-validate -q validate/rules/status-on-results.bad.xml
exit: 0
--- stdout
validate/rules/status-on-results.bad.xml:18:5: warning: Results get no Status when the code would be 200 [status-on-results]
===
# status-on-results: the same content, fixed
cmd: dm-validate -q validate/rules/status-on-results.good.xml
exit: 0
===
# status-chal: a file that breaks the rule
cmd: dm-validate -q validate/rules/status-chal.bad.xml
exit: 0
--- stdout
validate/rules/status-chal.bad.xml:11:5: warning: Status 407 without Chal: the peer cannot tell which scheme to use [status-chal]
===
# status-chal: the same content, fixed
cmd: dm-validate -q validate/rules/status-chal.good.xml
exit: 0
===
# results-refs: a file that breaks the rule
cmd: dm-validate -q validate/rules/results-refs.bad.xml
exit: 1
--- stdout
validate/rules/results-refs.bad.xml:29:7: error: Results answer a Get, not Replace [results-refs]
===
# results-refs: the same content, fixed
cmd: dm-validate -q validate/rules/results-refs.good.xml
exit: 0
===
# status-per-item: refs compared as texts (split by a comment, padded; another SourceRef differs), a Status without CmdID
cmd: dm-validate -q validate/caught/status-per-item-refs.xml
exit: 1
--- stdout
validate/caught/status-per-item-refs.xml:7:1: error: a second Status for command 3 and the same Item './A/B' [status-per-item]
validate/caught/status-per-item-refs.xml:9:1: error: a second Status for command 3 and the same Item './A/B' [status-per-item]
validate/caught/status-per-item-refs.xml:11:1: error: Status has no CmdID [cmdid-missing] (status 400)
validate/caught/status-per-item-refs.xml:11:1: error: command 3 has 6 Statuses: each must carry the TargetRef of its Item [status-per-item]
