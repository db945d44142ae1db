# A real-shaped Windows client package 1 (1201, LoginStatus 1224 without Format, unenrollment
# 1226, DevInfo Replace): no errors, no warnings.
cmd: dm-validate validate/pass/windows-client-package1.xml
exit: 0
--- stdout
validate/pass/windows-client-package1.xml:23:7: note: alert 1224 Item without Meta Format [alert-meta-format]
validate/pass/windows-client-package1.xml:36:11: note: Format comes before Type in the MetInf DTD [meta-order]
--- stderr
dm-validate: 1 file checked: 0 errors, 0 warnings, 2 notes
