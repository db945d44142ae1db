# item-count: a file that breaks the rule
cmd: dm-validate -q validate/rules/item-count.bad.xml
exit: 1
--- stdout
validate/rules/item-count.bad.xml:1:1: error: Get has no Item [item-count]
===
# item-count: the same content, fixed
cmd: dm-validate -q validate/rules/item-count.good.xml
exit: 0
===
# item-target: a file that breaks the rule
cmd: dm-validate -q validate/rules/item-target.bad.xml
exit: 1
--- stdout
validate/rules/item-target.bad.xml:3:3: error: Delete Item without Target [item-target]
===
# item-target: the same content, fixed
cmd: dm-validate -q validate/rules/item-target.good.xml
exit: 0
===
# item-source: a file that breaks the rule
cmd: dm-validate -q validate/rules/item-source.bad.xml
exit: 1
--- stdout
validate/rules/item-source.bad.xml:29:7: error: Results Item without Source (the node read) [item-source]
===
# item-source: the same content, fixed
cmd: dm-validate -q validate/rules/item-source.good.xml
exit: 0
===
# item-data: a file that breaks the rule
cmd: dm-validate -q validate/rules/item-data.bad.xml
exit: 1
--- stdout
validate/rules/item-data.bad.xml:3:3: error: Replace Item without Data (Format int) [item-data]
===
# item-data: the same content, fixed
cmd: dm-validate -q validate/rules/item-data.good.xml
exit: 0
===
# item-data-last: a file that breaks the rule
cmd: dm-validate -q validate/rules/item-data-last.bad.xml
exit: 1
--- stdout
validate/rules/item-data-last.bad.xml:6:5: error: Meta after Data: Data must be the last element of Item [item-data-last]
===
# item-data-last: the same content, fixed
cmd: dm-validate -q validate/rules/item-data-last.good.xml
exit: 0
===
# alert-code: a file that breaks the rule
cmd: dm-validate -q validate/rules/alert-code.bad.xml
exit: 1
--- stdout
validate/rules/alert-code.bad.xml:13:7: error: '1300' is not an OMA DM alert code [alert-code] (status 406)
===
# alert-code: the same content, fixed
cmd: dm-validate -q validate/rules/alert-code.good.xml
exit: 0
===
# alert-items: a file that breaks the rule
cmd: dm-validate -q validate/rules/alert-items.bad.xml
exit: 1
--- stdout
validate/rules/alert-items.bad.xml:15:5: error: alert 1226 carries 0 Item(s); it needs at least 1 [alert-items] (status 412)
===
# alert-items: the same content, fixed
cmd: dm-validate -q validate/rules/alert-items.good.xml
exit: 0
===
# alert-meta-format: a file that breaks the rule
cmd: dm-validate -q validate/rules/alert-meta-format.bad.xml
exit: 0
--- stdout
validate/rules/alert-meta-format.bad.xml:18:7: warning: alert 1226 Item without Meta Format [alert-meta-format]
===
# alert-meta-format: the same content, fixed
cmd: dm-validate -q validate/rules/alert-meta-format.good.xml
exit: 0
===
# alert-mark: a file that breaks the rule
cmd: dm-validate -q validate/rules/alert-mark.bad.xml
exit: 1
--- stdout
validate/rules/alert-mark.bad.xml:19:134: error: Mark 'urgent' is not a defined value [alert-mark] (status 412)
===
# alert-mark: the same content, fixed
cmd: dm-validate -q validate/rules/alert-mark.good.xml
exit: 0
===
# alert-type: a file that breaks the rule
cmd: dm-validate -q --profile oma validate/rules/alert-type.bad.xml
exit: 0
--- stdout
validate/rules/alert-type.bad.xml:19:57: warning: Generic Alert Type 'org.openmobilealliance.dm.firmwareupdate.download' is neither Content-Type: nor Reversed-Domain-Name: [alert-type]
===
# alert-type: the same content, fixed
cmd: dm-validate -q --profile oma validate/rules/alert-type.good.xml
exit: 0
===
# alert-unsupported: a file that breaks the rule
cmd: dm-validate -q validate/rules/alert-unsupported.bad.xml
exit: 0
--- stdout
validate/rules/alert-unsupported.bad.xml:11:5: warning: the Windows client does not support alert 1101 (CONFIRM_OR_REJECT) [alert-unsupported] (status 406)
===
# alert-unsupported: the same content, fixed
cmd: dm-validate -q validate/rules/alert-unsupported.good.xml
exit: 0
