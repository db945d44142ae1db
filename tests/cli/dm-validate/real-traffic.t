# Real traffic is clean under the default profile: messages shaped as Windows 11 clients and
# Intune-like servers send them give no error and no warning (notes are allowed).
# A bare 1224 LoginStatus alert (Type only, as Windows sends it): only a client sends it, so a
# headerless fragment holding it is judged as client-sent.
cmd: dm-validate -q validate/pass/client-fragment-1224.xml
exit: 0
--- stdout
validate/pass/client-fragment-1224.xml:4:3: note: alert 1224 Item without Meta Format [alert-meta-format]
===
# A bare 1226 unenrollment alert (Type, Format int, Mark critical).
cmd: dm-validate -q validate/pass/client-fragment-1226.xml
exit: 0
--- stdout
validate/pass/client-fragment-1226.xml:7:7: note: Format comes before Type in the MetInf DTD [meta-order]
===
# A bare 1224 Win32 app-install alert: Windows names the MSI node with the product code's braces
# unescaped; in a client-sent message that spelling is only noted.
cmd: dm-validate -q validate/pass/client-fragment-msi-alert.xml
exit: 0
--- stdout
validate/pass/client-fragment-msi-alert.xml:6:7: note: character must be percent-encoded: './Device/Vendor/MSFT/EnterpriseDesktopAppManagement/MSI/{3C1B4E2A-7D55-4F0B-9A21-6E8F0D4C2B17}/DownloadInstall' (did you mean './Device/Vendor/MSFT/EnterpriseDesktopAppManagement/MSI/%7B3C1B4E2A-7D55-4F0B-9A21-6E8F0D4C2B17%7D/DownloadInstall'?) (as the client wrote it) [locuri-escape]
validate/pass/client-fragment-msi-alert.xml:10:7: note: Format comes before Type in the MetInf DTD [meta-order]
===
# The same LocURI sent by a server is a warning: the server can escape it.
cmd: dm-validate -q --direction server validate/pass/client-fragment-msi-alert.xml | grep -c 'warning: character must be percent-encoded'
exit: 0
--- stdout
1
===
# Headerless Status and Results; the Results of interior nodes carry Format node and the child
# names as Data, as Windows sends them.
cmd: dm-validate -q validate/pass/client-fragment-results.xml
exit: 0
===
# A headerless SyncBody of package 1: 1201, 1224 without Format, DevInfo Replace with Source items.
cmd: dm-validate -q validate/pass/client-fragment-body.xml
exit: 0
--- stdout
validate/pass/client-fragment-body.xml:9:5: note: alert 1224 Item without Meta Format [alert-meta-format]
===
# A client message with header Meta (MaxMsgSize) and Results of an interior node: meta-header is
# about what the Windows client ignores, so it stays silent on client-to-server messages.
cmd: dm-validate -q validate/pass/client-results-interior.xml
exit: 0
===
# An Intune-shaped package 2: short hex SessionID, Statuses for the client's commands, a
# multi-Item Get, Policy Replace/Add per area, BitLocker, a firewall rule (Add the node, Replace
# its fields), AppLocker policy XML escaped in Data.
cmd: dm-validate -q validate/pass/server-intune-package2.xml
exit: 0
===
# A server profile laid out as Microsoft's CSP pages write them: no SyncHdr, Meta before Target,
# Format/Type without the metinf namespace, LocURIs padded with a line break and indentation or a
# trailing space, Format xml with the value embedded as markup. Notes only, each class once.
cmd: dm-validate -q validate/pass/server-docs-layout.xml
exit: 0
--- stdout
validate/pass/server-docs-layout.xml:2:1: note: SyncML has no SyncHdr: checked as a fragment (a message sent to a device needs one) [message-structure]
validate/pass/server-docs-layout.xml:8:11: note: Format has no xmlns="syncml:metinf": Windows reads it, OMA requires the namespace (not repeated for the rest of this message) [meta-namespace]
validate/pass/server-docs-layout.xml:11:9: note: Target must come before Meta in Item (Windows accepts this order) [element-order]
validate/pass/server-docs-layout.xml:12:11: note: LocURI './Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera' is padded with white space: judged without it; tools that compare URIs verbatim see the padding (not repeated for the rest of this message) [locuri-whitespace]
validate/pass/server-docs-layout.xml:26:9: note: Target must come before Meta in Item (Windows accepts this order) [element-order]
validate/pass/server-docs-layout.xml:36:11: note: user scope: './User/Vendor/MSFT/EnterpriseModernAppManagement/AppInstallation/Contoso.App_8wekyb3d8bbwe' applies only while the enrolled user is signed in (LoginStatus user) [locuri-scope]
===
# The same profile under --profile oma: the strict reader still reports each of those layouts.
cmd: dm-validate -q --profile oma validate/pass/server-docs-layout.xml
exit: 1
--- stdout (ignored)
===
# Under --profile oma, Meta before Target is an error (the DTD order), not a note.
cmd: dm-validate -q --profile oma validate/pass/server-docs-layout.xml | grep -c 'error: Target must come before Meta in Item \[element-order\]'
exit: 0
--- stdout
2
===
# Under --profile oma, Format/Type without the metinf namespace stay warnings, one per element.
cmd: dm-validate -q --profile oma validate/pass/server-docs-layout.xml | grep -c 'warning: .* add xmlns="syncml:metinf" \[meta-namespace\]'
exit: 0
--- stdout
4
===
# Under --profile oma, embedded markup in Data is an error even with Format xml, and a SyncML
# without SyncHdr is an error.
cmd: dm-validate -q --profile oma validate/pass/server-docs-layout.xml | grep -E 'data-markup|message-structure'
exit: 0
--- stdout
validate/pass/server-docs-layout.xml:2:1: error: SyncML has no SyncHdr [message-structure]
validate/pass/server-docs-layout.xml:52:11: error: unescaped markup <Application> inside Data: escape it or use CDATA [data-markup]
===
# Failing variants that must still be caught.
# CmdIDs that are not positive decimal integers: placeholders, negative, hexadecimal, exponent,
# all zeros, too many digits, signed, words. 2147483647 and a padded 7 are fine.
cmd: dm-validate -q validate/caught/cmdid-not-integer.xml
exit: 1
--- stdout
validate/caught/cmdid-not-integer.xml:2:8: error: CmdID '$CmdId$' is not a positive decimal integer: a template placeholder left unfilled [cmdid-format]
validate/caught/cmdid-not-integer.xml:3:8: error: CmdID '-1' is not a positive decimal integer: negative [cmdid-format]
validate/caught/cmdid-not-integer.xml:4:8: error: CmdID '0x10' is not a positive decimal integer: hexadecimal [cmdid-format]
validate/caught/cmdid-not-integer.xml:5:8: error: CmdID '1e10' is not a positive decimal integer: exponent notation [cmdid-format]
validate/caught/cmdid-not-integer.xml:6:8: error: CmdID '00' is 0, which is reserved for the SyncHdr (CmdRef 0) [cmdid-zero]
validate/caught/cmdid-not-integer.xml:7:8: error: CmdID '12345678901234567890123456789012345678' is not a positive decimal integer: larger than 2147483647, the 32-bit integer servers keep it in [cmdid-format]
validate/caught/cmdid-not-integer.xml:8:8: error: CmdID '2147483648' is not a positive decimal integer: larger than 2147483647, the 32-bit integer servers keep it in [cmdid-format]
validate/caught/cmdid-not-integer.xml:9:8: error: CmdID '{{cmd_id}}' is not a positive decimal integer: a template placeholder left unfilled [cmdid-format]
validate/caught/cmdid-not-integer.xml:10:8: error: CmdID '+5' is not a positive decimal integer: signed [cmdid-format]
validate/caught/cmdid-not-integer.xml:11:8: error: CmdID 'six' is not a positive decimal integer: not a number [cmdid-format]
===
# Padded LocURIs are judged without the padding, so real faults inside them are still caught,
# with suggestions that do not repeat './': a space inside, a '.' segment, nothing but white
# space, no './' prefix.
cmd: dm-validate -q validate/caught/locuri-padded-faults.xml
exit: 1
--- stdout
validate/caught/locuri-padded-faults.xml:6:9: note: LocURI './Device/Vendor/MSFT/Policy/Config/Contoso~ Policy~Area/Setting' is padded with white space: judged without it; tools that compare URIs verbatim see the padding (not repeated for the rest of this message) [locuri-whitespace]
validate/caught/locuri-padded-faults.xml:6:9: error: whitespace inside a URI (the node will not be found): './Device/Vendor/MSFT/Policy/Config/Contoso~ Policy~Area/Setting' (did you mean './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Area/Setting'?) [locuri-whitespace] (status 404)
validate/caught/locuri-padded-faults.xml:17:9: error: '.' is valid only as the first segment: './Vendor/MSFT/Registry/HKLM/./Test' [locuri-dot-segment]
validate/caught/locuri-padded-faults.xml:28:9: error: LocURI is empty [locuri-empty]
validate/caught/locuri-padded-faults.xml:37:9: warning: URI without './' prefix (device scope implied): 'Vendor/MSFT/Reboot/RebootNow' (did you mean './Vendor/MSFT/Reboot/RebootNow'?) [locuri-scope]
===
# A headerless fragment whose first command only a server sends (Get) is server-sent: a client
# alert in it is still caught.
cmd: dm-validate -q validate/caught/server-fragment-client-alert.xml
exit: 1
--- stdout
validate/caught/server-fragment-client-alert.xml:9:1: error: alert 1224 (CLIENT EVENT) is sent by a client [command-direction]
validate/caught/server-fragment-client-alert.xml:12:3: note: alert 1224 Item without Meta Format [alert-meta-format]
===
# A server message (Source is the server URL) with Results and a client alert; its header Meta
# is ignored by Windows (meta-header still fires server-to-client).
cmd: dm-validate -q validate/caught/server-results.xml
exit: 1
--- stdout
validate/caught/server-results.xml:9:5: warning: Meta in SyncHdr is ignored by the Windows client (MaxMsgSize, MaxObjSize) [meta-header]
validate/caught/server-results.xml:12:5: error: Results are sent by a client, not by a server [command-direction]
validate/caught/server-results.xml:22:5: error: alert 1226 (GENERIC ALERT) is sent by a client [command-direction]
validate/caught/server-results.xml:28:11: note: Format comes before Type in the MetInf DTD [meta-order]
===
# What Windows does not accept stays reported under the default profile: markup in chr Data,
# Data on an Add of Format node, a namespace with a stray space or a wrong name, Meta after the
# Items of a command.
cmd: dm-validate -q validate/caught/meta-and-data-faults.xml
exit: 1
--- stdout
validate/caught/meta-and-data-faults.xml:1:1: note: SyncML has no SyncHdr: checked as a fragment (a message sent to a device needs one) [message-structure]
validate/caught/meta-and-data-faults.xml:7:11: note: Format has no xmlns="syncml:metinf": Windows reads it, OMA requires the namespace (not repeated for the rest of this message) [meta-namespace]
validate/caught/meta-and-data-faults.xml:9:9: note: Target must come before Meta in Item (Windows accepts this order) [element-order]
validate/caught/meta-and-data-faults.xml:12:15: error: unescaped markup <enabled> inside Data: escape it or use CDATA [data-markup]
validate/caught/meta-and-data-faults.xml:24:9: warning: Format node takes no Data, found 'Direction/Enabled' [data-format] (status 415)
validate/caught/meta-and-data-faults.xml:34:11: warning: Format: namespace value 'syncml:metinf ' has stray spaces [meta-namespace]
validate/caught/meta-and-data-faults.xml:35:11: warning: Type is in namespace 'syncml:metinfo', not syncml:metinf [meta-namespace]
validate/caught/meta-and-data-faults.xml:39:7: error: Meta must come before Item in Replace [element-order]
