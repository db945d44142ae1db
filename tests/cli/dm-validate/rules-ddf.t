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
