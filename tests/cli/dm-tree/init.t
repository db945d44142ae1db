# init with a DDF creates its permanent nodes and defaults; --set fills values.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ddf/policy-like.ddf.xml --set ./Vendor/MSFT/TestCSP/Color=green | dm-tree show - ./Vendor/MSFT/TestCSP
exit: 0
--- stdout
./Vendor/MSFT/TestCSP
├── Action = 
├── Color = green
├── Documents
└── ReadOnly = fixed
===
# A state made with --ddf remembers its schema: describe needs no --ddf.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ddf/policy-like.ddf.xml | dm-tree describe - ./Vendor/MSFT/TestCSP/ReadOnly
exit: 0
--- stdout
./Vendor/MSFT/TestCSP/ReadOnly
  Access      Get
  Format      chr
  Type        text/plain
  Occurrence  One
  Scope       Permanent
  Title       ReadOnly
  Default     fixed
  Description A value the server can read but not change.
  Defined     -:7867:11
===
# A bad DDF: exit 3 with file:line:col.
cmd: dm-tree init --ddf ddf/bad/no-nodename.ddf.xml
exit: 3
--- stderr
dm-tree: ddf/bad/no-nodename.ddf.xml:3:3: Node without NodeName
===
cmd: dm-tree init --ddf ddf/bad/unknown-format.ddf.xml
exit: 3
--- stderr
dm-tree: ddf/bad/unknown-format.ddf.xml:3:29: unknown DFFormat 'text'
===
# A bad state file: exit 3 with file:line:col.
cmd: dm-tree show trees/bad-acl.xml
exit: 3
--- stderr
dm-tree: trees/bad-acl.xml:3:19: malformed ACL 'Get='
===
cmd: dm-tree show trees/truncated.xml
exit: 3
--- stderr
dm-tree: trees/truncated.xml:4:1: end tag </MgmtTree> does not match <Node>
===
cmd: dm-tree show trees/no-such-file.xml
exit: 3
--- stderr
dm-tree: trees/no-such-file.xml: cannot read: No such file or directory
===
# --set needs URI=VALUE.
cmd: dm-tree init --set ./A
exit: 2
--- stderr
dm-tree: --set needs URI=VALUE, got './A'
