# Real-shaped messages must pass without errors or warnings (notes are allowed).
# A Windows client package 1: 1201, a LoginStatus 1224 without Format, the unenrollment 1226,
# DevInfo Replace with Source items.
cmd: dm-validate -q validate/pass/windows-client-package1.xml
exit: 0
--- stdout
validate/pass/windows-client-package1.xml:23:7: note: alert 1224 Item without Meta Format [alert-meta-format]
validate/pass/windows-client-package1.xml:36:11: note: Format comes before Type in the MetInf DTD [meta-order]
===
# Package 1 resent after an MD5 challenge: MsgID 2, LocName, Cred, Status for the server header.
cmd: dm-validate -q validate/pass/client-package1-after-challenge.xml
exit: 0
--- stdout
validate/pass/client-package1-after-challenge.xml:36:7: note: alert 1224 Item without Meta Format [alert-meta-format]
validate/pass/client-package1-after-challenge.xml:45:103: note: Format comes before Type in the MetInf DTD [meta-order]
===
# Package 3: one Status per Item of a multi-Item Get (with TargetRef), a 404 without Results Item,
# Results without Cmd, Formats xml and bool, an msft:originalerror attribute.
cmd: dm-validate -q validate/pass/client-package3-results.xml
exit: 0
===
# Generic alerts 1224 and 1226 with Source, Mark and several Items.
cmd: dm-validate -q validate/pass/client-generic-alerts.xml
exit: 0
--- stdout
validate/pass/client-generic-alerts.xml:22:11: note: Format comes before Type in the MetInf DTD [meta-order]
validate/pass/client-generic-alerts.xml:31:82: note: Format comes before Type in the MetInf DTD [meta-order]
validate/pass/client-generic-alerts.xml:42:11: note: Format comes before Type in the MetInf DTD [meta-order]
validate/pass/client-generic-alerts.xml:50:11: note: Format comes before Type in the MetInf DTD [meta-order]
===
# Server package: ADMX ingestion with a CDATA payload, ADMX-backed policies (CDATA and escaped).
cmd: dm-validate -q validate/pass/server-admx-ingestion.xml
exit: 0
===
# Server package: a Win32 (MSI) app install as Atomic { Add, Exec }.
cmd: dm-validate -q validate/pass/server-win32-app-install.xml
exit: 0
===
# Server package in the SYNCML:SYNCML1.1 namespace: policy Replace (device and user), Delete,
# multi-Item Get, Exec with Format null.
cmd: dm-validate -q validate/pass/server-policy-replace-delete.xml
exit: 0
--- stdout
validate/pass/server-policy-replace-delete.xml:2:1: note: namespace SYNCML:SYNCML1.1: Windows accepts it from a server, OMA DM 1.2 expects SYNCML:SYNCML1.2 [syncml-namespace]
validate/pass/server-policy-replace-delete.xml:25:11: note: Format comes before Type in the MetInf DTD [meta-order]
validate/pass/server-policy-replace-delete.xml:33:17: note: user scope: './User/Vendor/MSFT/Policy/Config/Browser/AllowPasswordManager' applies only while the enrolled user is signed in (LoginStatus user) [locuri-scope]
===
# The whole folder at once, as JSON.
cmd: dm-validate -q --format json validate/pass
exit: 0
--- stdout (ignored)
