# A provisioning document is told by its root: the prov-* rules, each at its place.
cmd: dm-validate prov/w7-bad.xml
exit: 1
--- stdout
prov/w7-bad.xml:3:1: warning: version "2.0": provisioning documents are 1.0 or 1.1 [prov-version]
prov/w7-bad.xml:4:3: error: w7 APPLICATION without a PROVIDER-ID: Windows names the DM account after it (DMAcc ServerID) [prov-w7-provider-id]
prov/w7-bad.xml:4:3: error: w7 APPLICATION without an APPAUTH of level APPSRV: Windows needs both the client (APPSRV) and the server (CLIENT) credentials [prov-w7-appauth]
prov/w7-bad.xml:6:5: error: ADDR 'http://mdm.example/dm' is not an https URL: Windows talks to its DM server over TLS only [prov-w7-addr]
prov/w7-bad.xml:7:5: error: CONNRETRYFREQ must be a non-negative integer, not 'six' [prov-w7-numeric]
prov/w7-bad.xml:8:5: warning: 'ConnRetryFreq' is not a parm of the w7 APPLICATION (did you mean 'CONNRETRYFREQ'?) [prov-w7-parm]
prov/w7-bad.xml:9:5: error: DEFAULTENCODING 'text/xml' is neither application/vnd.syncml.dm+xml nor application/vnd.syncml.dm+wbxml [prov-w7-encoding]
prov/w7-bad.xml:12:7: error: AAUTHTYPE 'BASIC' for AAUTHLEVEL CLIENT: Windows accepts DIGEST [prov-w7-aauthtype]
prov/w7-bad.xml:15:7: error: AAUTHLEVEL 'SERVER' is neither CLIENT (server credentials) nor APPSRV (client credentials) [prov-w7-aauthlevel]
prov/w7-bad.xml:18:3: error: APPLICATION without an APPID parm [prov-w7-appid]
prov/w7-bad.xml:21:3: error: <parm> outside a characteristic [prov-structure]
prov/w7-bad.xml:24:5: error: unknown element <bogus> (a provisioning document holds characteristic and parm) [prov-structure]
--- stderr
dm-validate: 1 file checked: 10 errors, 2 warnings, 0 notes
===
# The enrolment-shaped document is clean.
cmd: dm-validate prov/enrollment.xml
exit: 0
--- stderr
dm-validate: 1 file checked: 0 errors, 0 warnings, 0 notes
===
# The same document as WBXML (PROV public id): byte offsets instead of line:col.
cmd: syncml-encode prov/w7-bad.xml | dm-validate --disable prov-version -
exit: 1
--- stdout
-: offset 27: error: w7 APPLICATION without a PROVIDER-ID: Windows names the DM account after it (DMAcc ServerID) [prov-w7-provider-id]
-: offset 27: error: w7 APPLICATION without an APPAUTH of level APPSRV: Windows needs both the client (APPSRV) and the server (CLIENT) credentials [prov-w7-appauth]
-: offset 40: error: ADDR 'http://mdm.example/dm' is not an https URL: Windows talks to its DM server over TLS only [prov-w7-addr]
-: offset 67: error: CONNRETRYFREQ must be a non-negative integer, not 'six' [prov-w7-numeric]
-: offset 91: warning: 'ConnRetryFreq' is not a parm of the w7 APPLICATION (did you mean 'CONNRETRYFREQ'?) [prov-w7-parm]
-: offset 113: error: DEFAULTENCODING 'text/xml' is neither application/vnd.syncml.dm+xml nor application/vnd.syncml.dm+wbxml [prov-w7-encoding]
-: offset 159: error: AAUTHTYPE 'BASIC' for AAUTHLEVEL CLIENT: Windows accepts DIGEST [prov-w7-aauthtype]
-: offset 168: error: AAUTHLEVEL 'SERVER' is neither CLIENT (server credentials) nor APPSRV (client credentials) [prov-w7-aauthlevel]
-: offset 182: error: APPLICATION without an APPID parm [prov-w7-appid]
-: offset 200: error: <parm> outside a characteristic [prov-structure]
-: offset 244: error: unknown element <bogus> (a provisioning document holds characteristic and parm) [prov-structure]
--- stderr
dm-validate: 1 file checked: 10 errors, 1 warning, 0 notes
===
# JSON carries the rule ids and places.
cmd: dm-validate --format json prov/w7-bad.xml | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sorted(set(x["rule"] for f in d["files"] for x in f["diagnostics"])))'
exit: 0
--- stdout
['prov-structure', 'prov-version', 'prov-w7-aauthlevel', 'prov-w7-aauthtype', 'prov-w7-addr', 'prov-w7-appauth', 'prov-w7-appid', 'prov-w7-encoding', 'prov-w7-numeric', 'prov-w7-parm', 'prov-w7-provider-id']
===
# SARIF names the prov rules among the tool's rules and in the results.
cmd: dm-validate --format sarif prov/w7-bad.xml | python3 -c 'import json,sys; d=json.load(sys.stdin); r=d["runs"][0]; print(len([x for x in r["tool"]["driver"]["rules"] if x["id"].startswith("prov-")]), sorted(set(x["ruleId"] for x in r["results"]))[:3])'
exit: 0
--- stdout
16 ['prov-structure', 'prov-version', 'prov-w7-aauthlevel']
===
# --ddf: a CSP characteristic through the judgement (format, data, unknown node with a suggestion).
cmd: dm-validate --ddf ddf/policy-like.ddf.xml prov/policy-like.xml
exit: 1
--- stdout
prov/policy-like.xml:8:9: error: 'maybe' is not a valid bool value (./Vendor/MSFT/PolicyLike/Config/Browser/EnableBrowserLogging) [prov-ddf-format] (status 415)
prov/policy-like.xml:9:9: error: datatype string (chr) does not match the DFFormat int of ./Vendor/MSFT/PolicyLike/Config/Browser/BrowserLevel [prov-ddf-format] (status 415)
prov/policy-like.xml:10:9: error: './Vendor/MSFT/PolicyLike/Config/Browser/AllowBrowsr' is not a node of the loaded DDFs (did you mean './Vendor/MSFT/PolicyLike/Config/Browser/AllowBrowser'?) [prov-ddf-unknown] (status 404)
--- stderr
dm-validate: 1 file checked: 3 errors, 0 warnings, 0 notes
===
# Microsoft's DMClient DDF against DMClient provider settings.
needs: ../../shared/data/ms-ddf/DMClient.ddf.xml
cmd: dm-validate --ddf ../../shared/data/ms-ddf/DMClient.ddf.xml prov/dmclient-bad.xml prov/enrollment.xml
exit: 1
--- stdout
prov/dmclient-bad.xml:7:9: error: 'yes' is not a valid bool value (./Vendor/MSFT/DMClient/Provider/<x>/RequireMessageSigning) [prov-ddf-format] (status 415)
prov/dmclient-bad.xml:8:9: error: datatype integer (int) does not match the DFFormat chr of ./Vendor/MSFT/DMClient/Provider/<x>/EntDeviceName [prov-ddf-format] (status 415)
prov/dmclient-bad.xml:9:9: error: './Vendor/MSFT/DMClient/Provider/ContosoMDM/EntDMId' is not a node of the loaded DDFs (did you mean './Vendor/MSFT/DMClient/Provider/ContosoMDM/EntDMID'?) [prov-ddf-unknown] (status 404)
prov/dmclient-bad.xml:10:9: error: neither Add nor Replace is in the AccessType of ./Vendor/MSFT/DMClient/Provider/<x>/HWDevID (Get) [prov-ddf-access] (status 405)
prov/dmclient-bad.xml:14:7: error: './Vendor/MSFT/DMClient/Provder/X' is not a node of the loaded DDFs (did you mean './Vendor/MSFT/DMClient/Provider/X'?) [prov-ddf-unknown] (status 404)
--- stderr
dm-validate: 2 files checked: 5 errors, 0 warnings, 0 notes
===
# Hostile nesting is a structure finding, not a crash.
cmd: python3 -c 'print("<wap-provisioningdoc>" + "<characteristic type=\"a\">" * 70 + "</characteristic>" * 70 + "</wap-provisioningdoc>")' | dm-validate -
exit: 1
--- stdout
-:1:1622: error: characteristics nested deeper than 64 [prov-structure]
--- stderr
dm-validate: 1 file checked: 1 error, 0 warnings, 0 notes
===
# --list-rules shows the prov area.
cmd: dm-validate --list-rules | grep -c '^prov-'
exit: 0
--- stdout
16
