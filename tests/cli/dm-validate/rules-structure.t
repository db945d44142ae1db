# xml-malformed: a file that breaks the rule
cmd: dm-validate -q validate/rules/xml-malformed.bad.xml
exit: 1
--- stdout
validate/rules/xml-malformed.bad.xml:4:1: error: end tag </Replce> does not match <Replace> [xml-malformed]
===
# xml-malformed: the same content, fixed
cmd: dm-validate -q validate/rules/xml-malformed.good.xml
exit: 0
===
# not-syncml: a file that breaks the rule
cmd: dm-validate -q validate/rules/not-syncml.bad.xml
exit: 1
--- stdout
validate/rules/not-syncml.bad.xml:1:1: error: root element Policies is not SyncML, SyncBody or a DM command [not-syncml]
===
# not-syncml: the same content, fixed
cmd: dm-validate -q validate/rules/not-syncml.good.xml
exit: 0
===
# syncml-namespace: a file that breaks the rule
cmd: dm-validate -q validate/rules/syncml-namespace.bad.xml
exit: 1
--- stdout
validate/rules/syncml-namespace.bad.xml:1:1: error: namespace 'SYNCML:SYNCML1.0' is not SYNCML:SYNCML1.2 [syncml-namespace]
===
# syncml-namespace: the same content, fixed
cmd: dm-validate -q validate/rules/syncml-namespace.good.xml
exit: 0
===
# message-structure: a file that breaks the rule
cmd: dm-validate -q validate/rules/message-structure.bad.xml
exit: 1
--- stdout
validate/rules/message-structure.bad.xml:8:3: error: SyncHdr must come before SyncBody [message-structure]
===
# message-structure: the same content, fixed
cmd: dm-validate -q validate/rules/message-structure.good.xml
exit: 0
===
# header-required: a file that breaks the rule
cmd: dm-validate -q validate/rules/header-required.bad.xml
exit: 1
--- stdout
validate/rules/header-required.bad.xml:2:3: error: SyncHdr lacks SessionID, Source [header-required]
===
# header-required: the same content, fixed
cmd: dm-validate -q validate/rules/header-required.good.xml
exit: 0
===
# header-verdtd: a file that breaks the rule
cmd: dm-validate -q validate/rules/header-verdtd.bad.xml
exit: 1
--- stdout
validate/rules/header-verdtd.bad.xml:3:5: error: VerDTD is '1.1', expected 1.2 [header-verdtd] (status 505)
===
# header-verdtd: the same content, fixed
cmd: dm-validate -q validate/rules/header-verdtd.good.xml
exit: 0
===
# header-verproto: a file that breaks the rule
cmd: dm-validate -q validate/rules/header-verproto.bad.xml
exit: 1
--- stdout
validate/rules/header-verproto.bad.xml:4:5: error: VerProto is 'SyncML/1.2', expected DM/1.2 [header-verproto] (status 513)
===
# header-verproto: the same content, fixed
cmd: dm-validate -q validate/rules/header-verproto.good.xml
exit: 0
===
# header-msgid: a file that breaks the rule
cmd: dm-validate -q validate/rules/header-msgid.bad.xml
exit: 1
--- stdout
validate/rules/header-msgid.bad.xml:6:5: error: MsgID '0' is not a positive integer [header-msgid]
===
# header-msgid: the same content, fixed
cmd: dm-validate -q validate/rules/header-msgid.good.xml
exit: 0
===
# header-sessionid: a file that breaks the rule
cmd: dm-validate -q validate/rules/header-sessionid.bad.xml
exit: 0
--- stdout
validate/rules/header-sessionid.bad.xml:5:5: warning: SessionID '123456789' is longer than 4 characters [header-sessionid]
===
# header-sessionid: the same content, fixed
cmd: dm-validate -q validate/rules/header-sessionid.good.xml
exit: 0
===
# element-order: a file that breaks the rule
cmd: dm-validate -q validate/rules/element-order.bad.xml
exit: 1
--- stdout
validate/rules/element-order.bad.xml:7:3: error: Meta must come before Item in Replace [element-order]
===
# element-order: the same content, fixed
cmd: dm-validate -q validate/rules/element-order.good.xml
exit: 0
===
# status-order: a file that breaks the rule
cmd: dm-validate -q --direction client validate/rules/status-order.bad.xml
exit: 0
--- stdout
validate/rules/status-order.bad.xml:1:1: warning: Status children are in neither the DTD order nor the [MS-MDM] order [status-order]
===
# status-order: the same content, fixed
cmd: dm-validate -q --direction client validate/rules/status-order.good.xml
exit: 0
===
# unexpected-child: a file that breaks the rule
cmd: dm-validate -q validate/rules/unexpected-child.bad.xml
exit: 0
--- stdout
validate/rules/unexpected-child.bad.xml:3:3: warning: Priority is not allowed in Replace [unexpected-child]
===
# unexpected-child: the same content, fixed
cmd: dm-validate -q validate/rules/unexpected-child.good.xml
exit: 0
===
# unknown-element: a file that breaks the rule
cmd: dm-validate -q validate/rules/unknown-element.bad.xml
exit: 1
--- stdout
validate/rules/unknown-element.bad.xml:2:3: error: Set is not a DM command (under SyncBody) [unknown-element] (status 400)
===
# unknown-element: the same content, fixed
cmd: dm-validate -q validate/rules/unknown-element.good.xml
exit: 0
===
# command-not-dm: a file that breaks the rule
cmd: dm-validate -q validate/rules/command-not-dm.bad.xml
exit: 1
--- stdout
validate/rules/command-not-dm.bad.xml:2:3: error: Sync is a SyncML command that OMA DM does not use [command-not-dm] (status 400)
===
# command-not-dm: the same content, fixed
cmd: dm-validate -q validate/rules/command-not-dm.good.xml
exit: 0
===
# copy-unsupported: a file that breaks the rule
cmd: dm-validate -q validate/rules/copy-unsupported.bad.xml
exit: 1
--- stdout
validate/rules/copy-unsupported.bad.xml:1:1: error: Copy is not supported by the Windows client [copy-unsupported] (status 400)
===
# copy-unsupported: the same content, fixed
cmd: dm-validate -q validate/rules/copy-unsupported.good.xml
exit: 0
===
# final-position: a file that breaks the rule
cmd: dm-validate -q validate/rules/final-position.bad.xml
exit: 1
--- stdout
validate/rules/final-position.bad.xml:2:3: error: Final must be the last child of SyncBody (Get follows) [final-position]
===
# final-position: the same content, fixed
cmd: dm-validate -q validate/rules/final-position.good.xml
exit: 0
===
# command-direction: a file that breaks the rule
cmd: dm-validate -q validate/rules/command-direction.bad.xml
exit: 1
--- stdout
validate/rules/command-direction.bad.xml:11:5: error: Results are sent by a client, not by a server [command-direction]
===
# command-direction: the same content, fixed
cmd: dm-validate -q validate/rules/command-direction.good.xml
exit: 0
===
# cred-placement: a file that breaks the rule
cmd: dm-validate -q validate/rules/cred-placement.bad.xml
exit: 1
--- stdout
validate/rules/cred-placement.bad.xml:3:3: error: Cred inside Replace: credentials belong only in SyncHdr [cred-placement]
===
# cred-placement: the same content, fixed
cmd: dm-validate -q validate/rules/cred-placement.good.xml
exit: 0
===
# cred-format: a file that breaks the rule
cmd: dm-validate -q validate/rules/cred-format.bad.xml
exit: 1
--- stdout
validate/rules/cred-format.bad.xml:9:17: error: Cred Format must be b64, not 'chr' [cred-format]
===
# cred-format: the same content, fixed
cmd: dm-validate -q validate/rules/cred-format.good.xml
exit: 0
