# An unknown rule id is a usage error.
cmd: dm-validate --disable no-such-rule validate/pass/windows-client-package1.xml
exit: 2
--- stderr
dm-validate: --disable: unknown rule 'no-such-rule' (see --list-rules)
===
# No input at all is a usage error.
cmd: dm-validate
exit: 2
--- stderr
dm-validate: INPUT (give a file, a directory, or - for standard input) is required
===
# An unreadable file: exit 3, the other inputs are still checked.
cmd: dm-validate -q validate/no-such-file.xml validate/rules/cmdid-zero.bad.xml
exit: 3
--- stdout
validate/rules/cmdid-zero.bad.xml:2:7: error: CmdID 0 is reserved for the SyncHdr (CmdRef 0) [cmdid-zero]
--- stderr
dm-validate: validate/no-such-file.xml: cannot read: No such file or directory
===
# Standard input.
cmd: dm-validate -q -
stdin: validate/rules/cmdid-zero.bad.xml
exit: 1
--- stdout
-:2:7: error: CmdID 0 is reserved for the SyncHdr (CmdRef 0) [cmdid-zero]
===
# --werror turns warnings into a failing exit status.
cmd: dm-validate -q --werror validate/rules/header-sessionid.bad.xml
exit: 1
--- stdout
validate/rules/header-sessionid.bad.xml:5:5: warning: SessionID '123456789' is longer than 4 characters [header-sessionid]
===
# --disable silences a rule.
cmd: dm-validate -q --disable cmdid-zero,cmdid-missing validate/rules/cmdid-zero.bad.xml
exit: 0
===
# --explain prints one rule in full.
cmd: dm-validate --explain atomic-nested
exit: 0
--- stdout
atomic-nested (atomic)
  severity: error (profile windows), error (profile oma)
  status:   500
  summary:  Atomic inside Atomic is not supported

  The Windows client answers 500 on the inner Atomic and 507 on the outer one;
  OMA DM forbids nesting as well.

  example:
    <Atomic><CmdID>1</CmdID><Atomic><CmdID>2</CmdID>...</Atomic></Atomic>
===
# GitHub annotations.
cmd: dm-validate -q --format github validate/rules/atomic-nested.bad.xml
exit: 1
--- stdout
::error file=validate/rules/atomic-nested.bad.xml,line=1,col=1,title=atomic-nested::Atomic contains a nested Atomic: the outer Atomic fails (status 507)
::error file=validate/rules/atomic-nested.bad.xml,line=3,col=3,title=atomic-nested::Atomic inside Atomic is not supported (status 500)
===
# Standard output that cannot be written is an error, help and version text included.
cmd: dm-validate --help > /dev/full; echo "help: $?"; dm-validate --version > /dev/full; echo "version: $?"
exit: 0
--- stdout
help: 3
version: 3
--- stderr
dm-validate: cannot write to standard output
dm-validate: cannot write to standard output
