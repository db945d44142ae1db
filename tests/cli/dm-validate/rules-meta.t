# meta-format: a file that breaks the rule
cmd: dm-validate -q validate/rules/meta-format.bad.xml
exit: 1
--- stdout
validate/rules/meta-format.bad.xml:5:11: error: Format 'integer' is not one of chr int bool bin b64 xml node null date time float [meta-format] (status 415)
===
# meta-format: the same content, fixed
cmd: dm-validate -q validate/rules/meta-format.good.xml
exit: 0
===
# data-format: a file that breaks the rule
cmd: dm-validate -q validate/rules/data-format.bad.xml
exit: 0
--- stdout
validate/rules/data-format.bad.xml:5:61: warning: Data 'True' is not a valid bool [data-format] (status 415)
===
# data-format: the same content, fixed
cmd: dm-validate -q validate/rules/data-format.good.xml
exit: 0
===
# data-markup: a file that breaks the rule
cmd: dm-validate -q validate/rules/data-markup.bad.xml
exit: 1
--- stdout
validate/rules/data-markup.bad.xml:5:66: error: unescaped markup <enabled> inside Data: escape it or use CDATA [data-markup]
===
# data-markup: the same content, fixed
cmd: dm-validate -q validate/rules/data-markup.good.xml
exit: 0
===
# data-double-escaped: a file that breaks the rule
cmd: dm-validate -q validate/rules/data-double-escaped.bad.xml
exit: 0
--- stdout
validate/rules/data-double-escaped.bad.xml:5:60: warning: Data holds &lt; or &gt; after unescaping: it was escaped twice [data-double-escaped]
===
# data-double-escaped: the same content, fixed
cmd: dm-validate -q validate/rules/data-double-escaped.good.xml
exit: 0
===
# meta-namespace: a file that breaks the rule
cmd: dm-validate -q validate/rules/meta-namespace.bad.xml
exit: 0
--- stdout
validate/rules/meta-namespace.bad.xml:5:11: warning: Format: namespace value 'syncml:metinf ' has stray spaces [meta-namespace]
===
# meta-namespace: the same content, fixed
cmd: dm-validate -q validate/rules/meta-namespace.good.xml
exit: 0
===
# meta-order: a file that breaks the rule
cmd: dm-validate -q --profile oma validate/rules/meta-order.bad.xml
exit: 0
--- stdout
validate/rules/meta-order.bad.xml:5:56: warning: Format comes before Type in the MetInf DTD [meta-order]
===
# meta-order: the same content, fixed
cmd: dm-validate -q --profile oma validate/rules/meta-order.good.xml
exit: 0
===
# meta-header: a file that breaks the rule
cmd: dm-validate -q validate/rules/meta-header.bad.xml
exit: 0
--- stdout
validate/rules/meta-header.bad.xml:9:5: warning: Meta in SyncHdr is ignored by the Windows client (MaxMsgSize, MaxObjSize) [meta-header]
===
# meta-header: the same content, fixed
cmd: dm-validate -q validate/rules/meta-header.good.xml
exit: 0
===
# meta-misplaced: a file that breaks the rule
cmd: dm-validate -q validate/rules/meta-misplaced.bad.xml
exit: 0
--- stdout
validate/rules/meta-misplaced.bad.xml:5:5: warning: Format must be inside Meta [meta-misplaced]
===
# meta-misplaced: the same content, fixed
cmd: dm-validate -q validate/rules/meta-misplaced.good.xml
exit: 0
===
# moredata: a file that breaks the rule
cmd: dm-validate -q validate/rules/moredata.bad.xml
exit: 0
--- stdout
validate/rules/moredata.bad.xml:5:85: warning: MoreData without Meta Size: the first chunk must announce the total size [moredata]
===
# moredata: the same content, fixed
cmd: dm-validate -q validate/rules/moredata.good.xml
exit: 0
