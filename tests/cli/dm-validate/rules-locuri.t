# locuri-empty: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-empty.bad.xml
exit: 1
--- stdout
validate/rules/locuri-empty.bad.xml:4:13: error: LocURI is empty [locuri-empty]
===
# locuri-empty: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-empty.good.xml
exit: 0
===
# locuri-text: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-text.bad.xml
exit: 1
--- stdout
validate/rules/locuri-text.bad.xml:4:13: error: LocURI text is split (by a comment) [locuri-text]
===
# locuri-text: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-text.good.xml
exit: 0
===
# locuri-leading-slash: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-leading-slash.bad.xml
exit: 1
--- stdout
validate/rules/locuri-leading-slash.bad.xml:4:13: error: URI must not start with '/': '/Device/Vendor/MSFT/Reboot/RebootNow' (did you mean './Device/Vendor/MSFT/Reboot/RebootNow'?) [locuri-leading-slash]
===
# locuri-leading-slash: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-leading-slash.good.xml
exit: 0
===
# locuri-empty-segment: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-empty-segment.bad.xml
exit: 1
--- stdout
validate/rules/locuri-empty-segment.bad.xml:4:13: error: URI has an empty node name ('//'): './Vendor/MSFT//DMClient' [locuri-empty-segment]
===
# locuri-empty-segment: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-empty-segment.good.xml
exit: 0
===
# locuri-trailing-slash: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-trailing-slash.bad.xml
exit: 1
--- stdout
validate/rules/locuri-trailing-slash.bad.xml:4:13: error: URI must not end with '/': './Vendor/MSFT/DMClient/' [locuri-trailing-slash]
===
# locuri-trailing-slash: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-trailing-slash.good.xml
exit: 0
===
# locuri-star-segment: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-star-segment.bad.xml
exit: 1
--- stdout
validate/rules/locuri-star-segment.bad.xml:4:13: error: a node name cannot be '*' alone: './Vendor/MSFT/DMClient/Provider/*/EntDMID' [locuri-star-segment]
===
# locuri-star-segment: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-star-segment.good.xml
exit: 0
===
# locuri-dot-segment: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-dot-segment.bad.xml
exit: 1
--- stdout
validate/rules/locuri-dot-segment.bad.xml:4:13: error: '.' is valid only as the first segment: './Vendor/MSFT/Registry/HKLM/Security/./Test' [locuri-dot-segment]
===
# locuri-dot-segment: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-dot-segment.good.xml
exit: 0
===
# locuri-dotdot: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-dotdot.bad.xml
exit: 1
--- stdout
validate/rules/locuri-dotdot.bad.xml:4:13: error: '..' is not allowed in a URI: './Vendor/MSFT/DMClient/../DevDetail' [locuri-dotdot]
===
# locuri-dotdot: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-dotdot.good.xml
exit: 0
===
# locuri-whitespace: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-whitespace.bad.xml
exit: 1
--- stdout
validate/rules/locuri-whitespace.bad.xml:4:13: error: whitespace inside a URI (the node will not be found): './Device/Vendor/MSFT/Policy/Config/ContosoCompanyApp~ Policy~Category/Setting' (did you mean './Device/Vendor/MSFT/Policy/Config/ContosoCompanyApp~Policy~Category/Setting'?) [locuri-whitespace] (status 404)
===
# locuri-whitespace: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-whitespace.good.xml
exit: 0
===
# locuri-escape: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-escape.bad.xml
exit: 0
--- stdout
validate/rules/locuri-escape.bad.xml:4:13: warning: character must be percent-encoded: './Vendor/MSFT/DMClient/Provider/Contoso[1]/EntDMID' (did you mean './Vendor/MSFT/DMClient/Provider/Contoso%5B1%5D/EntDMID'?) [locuri-escape]
===
# locuri-escape: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-escape.good.xml
exit: 0
===
# locuri-query: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-query.bad.xml
exit: 1
--- stdout
validate/rules/locuri-query.bad.xml:4:13: error: Add does not take '?prop=Title' ('./Vendor/MSFT/Contoso/Setting?prop=Title') [locuri-query] (status 405)
===
# locuri-query: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-query.good.xml
exit: 0
===
# locuri-scope: a file that breaks the rule
cmd: dm-validate -q validate/rules/locuri-scope.bad.xml
exit: 0
--- stdout
validate/rules/locuri-scope.bad.xml:4:13: warning: URI without './' prefix (device scope implied): 'Vendor/MSFT/Reboot/RebootNow' (did you mean './Vendor/MSFT/Reboot/RebootNow'?) [locuri-scope]
===
# locuri-scope: the same content, fixed
cmd: dm-validate -q validate/rules/locuri-scope.good.xml
exit: 0
