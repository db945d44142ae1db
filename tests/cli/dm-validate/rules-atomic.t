# atomic-nested: a file that breaks the rule
cmd: dm-validate -q validate/rules/atomic-nested.bad.xml
exit: 1
--- stdout
validate/rules/atomic-nested.bad.xml:1:1: error: Atomic contains a nested Atomic: the outer Atomic fails [atomic-nested] (status 507)
validate/rules/atomic-nested.bad.xml:3:3: error: Atomic inside Atomic is not supported [atomic-nested] (status 500)
===
# atomic-nested: the same content, fixed
cmd: dm-validate -q validate/rules/atomic-nested.good.xml
exit: 0
===
# atomic-get: a file that breaks the rule
cmd: dm-validate -q validate/rules/atomic-get.bad.xml
exit: 1
--- stdout
validate/rules/atomic-get.bad.xml:11:5: error: Get inside Atomic is not allowed [atomic-get] (status 500)
===
# atomic-get: the same content, fixed
cmd: dm-validate -q validate/rules/atomic-get.good.xml
exit: 0
===
# atomic-child: a file that breaks the rule
cmd: dm-validate -q validate/rules/atomic-child.bad.xml
exit: 1
--- stdout
validate/rules/atomic-child.bad.xml:3:3: error: Sequence is not allowed inside Atomic [atomic-child] (status 400)
===
# atomic-child: the same content, fixed
cmd: dm-validate -q validate/rules/atomic-child.good.xml
exit: 0
===
# atomic-add-replace: a file that breaks the rule
cmd: dm-validate -q validate/rules/atomic-add-replace.bad.xml
exit: 1
--- stdout
validate/rules/atomic-add-replace.bad.xml:7:5: error: Replace of ./Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength after its Add in the same Atomic is not supported by Windows [atomic-add-replace]
===
# atomic-add-replace: the same content, fixed
cmd: dm-validate -q validate/rules/atomic-add-replace.good.xml
exit: 0
===
# atomic-unrelated: a file that breaks the rule
cmd: dm-validate -q validate/rules/atomic-unrelated.bad.xml
exit: 0
--- stdout
validate/rules/atomic-unrelated.bad.xml:1:1: note: Atomic spans Policy and Firewall: one failure rolls back every setting [atomic-unrelated]
===
# atomic-unrelated: the same content, fixed
cmd: dm-validate -q validate/rules/atomic-unrelated.good.xml
exit: 0
===
# sequence-child: a file that breaks the rule
cmd: dm-validate -q validate/rules/sequence-child.bad.xml
exit: 1
--- stdout
validate/rules/sequence-child.bad.xml:3:3: error: Sequence is not allowed inside Sequence [sequence-child] (status 400)
===
# sequence-child: the same content, fixed
cmd: dm-validate -q validate/rules/sequence-child.good.xml
exit: 0
