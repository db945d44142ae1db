# ddf-unknown-node: a file that breaks the rule
cmd: dm-validate -q --ddf validate/ddf/contoso.ddf.xml validate/rules/ddf-unknown-node.bad.xml
exit: 1
--- stdout
validate/rules/ddf-unknown-node.bad.xml:4:13: error: './Device/Vendor/MSFT/ContosoLock/MinLenght' is not a node of the loaded DDFs (did you mean './Device/Vendor/MSFT/ContosoLock/MinLength'?) [ddf-unknown-node] (status 404)
===
# ddf-unknown-node: the same content, fixed
cmd: dm-validate -q --ddf validate/ddf/contoso.ddf.xml validate/rules/ddf-unknown-node.good.xml
exit: 0
===
# ddf-access: a file that breaks the rule
cmd: dm-validate -q --ddf validate/ddf/contoso.ddf.xml validate/rules/ddf-access.bad.xml
exit: 1
--- stdout
validate/rules/ddf-access.bad.xml:4:13: error: Replace is not in the AccessType of ./Vendor/MSFT/ContosoLock/Version (Get) [ddf-access] (status 405)
===
# ddf-access: the same content, fixed
cmd: dm-validate -q --ddf validate/ddf/contoso.ddf.xml validate/rules/ddf-access.good.xml
exit: 0
===
# ddf-format: a file that breaks the rule
cmd: dm-validate -q --ddf validate/ddf/contoso.ddf.xml validate/rules/ddf-format.bad.xml
exit: 1
--- stdout
validate/rules/ddf-format.bad.xml:5:11: error: Format chr does not match the DFFormat int of ./Vendor/MSFT/ContosoLock/MinLength [ddf-format] (status 415)
===
# ddf-format: the same content, fixed
cmd: dm-validate -q --ddf validate/ddf/contoso.ddf.xml validate/rules/ddf-format.good.xml
exit: 0
===
# ddf-value: a file that breaks the rule
cmd: dm-validate -q --ddf validate/ddf/contoso.ddf.xml validate/rules/ddf-value.bad.xml
exit: 1
--- stdout
validate/rules/ddf-value.bad.xml:5:60: error: '7' is not an allowed value of ./Vendor/MSFT/ContosoLock/Mode [ddf-value] (status 400)
===
# ddf-value: the same content, fixed
cmd: dm-validate -q --ddf validate/ddf/contoso.ddf.xml validate/rules/ddf-value.good.xml
exit: 0
===
# ddf-data: a file that breaks the rule
cmd: dm-validate -q --ddf validate/ddf/contoso.ddf.xml validate/rules/ddf-data.bad.xml
exit: 1
--- stdout
validate/rules/ddf-data.bad.xml:5:60: error: 'six' is not a valid int value (./Vendor/MSFT/ContosoLock/MinLength) [ddf-data] (status 415)
===
# ddf-data: the same content, fixed
cmd: dm-validate -q --ddf validate/ddf/contoso.ddf.xml validate/rules/ddf-data.good.xml
exit: 0
===
# ddf-name: a file that breaks the rule
cmd: dm-validate -q --ddf ddf/policy-like.ddf.xml validate/rules/ddf-name.bad.xml
exit: 1
--- stdout
validate/rules/ddf-name.bad.xml:3:17: error: 'doc1' breaks the naming rule (a RegEx AllowedValues) of the nodes under ./Vendor/MSFT/TestCSP/Documents [ddf-name] (status 400)
===
# ddf-name: the same content, fixed
cmd: dm-validate -q --ddf ddf/policy-like.ddf.xml validate/rules/ddf-name.good.xml
exit: 0
===
# ddf-exists: a file that breaks the rule
cmd: dm-validate -q --ddf ddf/policy-like.ddf.xml validate/rules/ddf-exists.bad.xml
exit: 1
--- stdout
validate/rules/ddf-exists.bad.xml:7:17: error: Add of './Vendor/MSFT/TestCSP/Documents/27FEA311-68B9-4320-9FC4-296F6FDFAFE2', which an earlier command of this message created [ddf-exists] (status 418)
===
# ddf-exists: the same content, fixed
cmd: dm-validate -q --ddf ddf/policy-like.ddf.xml validate/rules/ddf-exists.good.xml
exit: 0
===
# ddf-missing: a file that breaks the rule
cmd: dm-validate -q --ddf ddf/policy-like.ddf.xml validate/rules/ddf-missing.bad.xml
exit: 1
--- stdout
validate/rules/ddf-missing.bad.xml:7:17: error: Replace of './Vendor/MSFT/TestCSP/Documents/27FEA311-68B9-4320-9FC4-296F6FDFAFE2/Document': ./Vendor/MSFT/TestCSP/Documents/27FEA311-68B9-4320-9FC4-296F6FDFAFE2 was deleted earlier in this message [ddf-missing] (status 404)
===
# ddf-missing: the same content, fixed
cmd: dm-validate -q --ddf ddf/policy-like.ddf.xml validate/rules/ddf-missing.good.xml
exit: 0
===
# ddf-area-not-loaded: bad (reported once for the area)
cmd: dm-validate -q --ddf validate/ddf/policy-root.ddf.xml validate/rules/ddf-area-not-loaded.bad.xml
exit: 0
--- stdout
validate/rules/ddf-area-not-loaded.bad.xml:4:13: note: no loaded DDF defines the Policy area 'Accounts': its policies are not checked [ddf-area-not-loaded]
===
# ddf-area-not-loaded: good (reported once for the area)
cmd: dm-validate -q --ddf validate/ddf/policy-root.ddf.xml validate/rules/ddf-area-not-loaded.good.xml
exit: 0
