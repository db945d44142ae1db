# find --format json: each match with its format and title (a state).
cmd: dm-tree find trees/small.xml 'DevDetail/URI/Max*' --format json
exit: 0
--- stdout
[
  {
    "format": "chr",
    "title": "",
    "uri": "./DevDetail/URI/MaxDepth"
  },
  {
    "format": "chr",
    "title": "",
    "uri": "./DevDetail/URI/MaxSegLen"
  },
  {
    "format": "chr",
    "title": "",
    "uri": "./DevDetail/URI/MaxTotLen"
  }
]
===
# find --format json on a DDF: the description too; no match is an empty array and exit 1.
cmd: dm-tree find --ddf ddf/policy-like.ddf.xml 'Camera/CameraLevel' --format json; dm-tree find --ddf ddf/policy-like.ddf.xml nothing-like-this --format json
exit: 1
--- stdout
[
  {
    "description": "Sets the CameraLevel policy of the Camera area.",
    "format": "int",
    "title": "CameraLevel",
    "uri": "./User/Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel"
  },
  {
    "description": "Current value of the CameraLevel policy of the Camera area.",
    "format": "int",
    "title": "CameraLevel",
    "uri": "./User/Vendor/MSFT/PolicyLike/Result/Camera/CameraLevel"
  },
  {
    "description": "Sets the CameraLevel policy of the Camera area.",
    "format": "int",
    "title": "CameraLevel",
    "uri": "./Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel"
  },
  {
    "description": "Current value of the CameraLevel policy of the Camera area.",
    "format": "int",
    "title": "CameraLevel",
    "uri": "./Vendor/MSFT/PolicyLike/Result/Camera/CameraLevel"
  }
]
[]
===
# find --text also matches Titles and Descriptions (case-insensitive): "admx-backed" is in no URI.
cmd: dm-tree find --ddf ddf/policy-like.ddf.xml admx-backed; echo "exit $?"; dm-tree find --ddf ddf/policy-like.ddf.xml --text admx-backed
exit: 0
--- stdout
exit 1
./User/Vendor/MSFT/PolicyLike/Config/<x>/<x>
./Vendor/MSFT/PolicyLike/Config/<x>/<x>
===
# find --text with a glob reads the whole text, '*' added at both ends.
cmd: dm-tree find --ddf ddf/policy-like.ddf.xml --text 'policy of the*area' | head -3
exit: 0
--- stdout
./User/Vendor/MSFT/PolicyLike/Config/Browser/AllowBrowser
./User/Vendor/MSFT/PolicyLike/Config/Browser/BrowserConfig
./User/Vendor/MSFT/PolicyLike/Config/Browser/BrowserFlags
===
# diff --format json: one object per change; exit 1 when the states differ.
cmd: dm-tree diff trees/small.xml trees/small-after-basic.xml --format json
exit: 1
--- stdout
[
  {
    "after": "",
    "change": "added",
    "uri": "./Vendor/MSFT/Custom/Settings"
  },
  {
    "after": "second",
    "change": "added",
    "uri": "./Vendor/MSFT/Custom/Settings/Name"
  }
]
===
# diff --color always colours a pipe too: added green, removed red, changed yellow.
cmd: t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT && SOURCE_DATE_EPOCH=1767225600 dm-tree init --set ./Vendor/A=1 --set ./Vendor/B=x -o "$t/a" && SOURCE_DATE_EPOCH=1767225600 dm-tree init --set ./Vendor/A=2 --set ./Vendor/C=y -o "$t/b" && dm-tree diff --color always "$t/a" "$t/b" | cat -v
exit: 0
--- stdout
^[[33m~ ./Vendor/A value: 1 -> 2^[[0m
^[[31m- ./Vendor/B^[[0m
^[[32m+ ./Vendor/C = y^[[0m
===
# --color never, and auto off a terminal: no escape sequences.
cmd: dm-tree diff --color never trees/small.xml trees/small-after-basic.xml | cat -v | grep -c '\^\['; dm-tree diff trees/small.xml trees/small-after-basic.xml | cat -v | grep -c '\^\['
exit: 1
--- stdout
0
0
===
# describe wraps the description to COLUMNS (a terminal's width on a terminal), under its column.
cmd: COLUMNS=40 dm-tree describe --ddf readme/Policy.ddf.xml ./Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera
exit: 0
--- stdout
./Vendor/MSFT/Policy/Config/Camera/AllowCamera
  Access      Add Delete Get Replace
  Format      int
  Type        text/plain
  Occurrence  ZeroOrOne
  Scope       Dynamic
  Title       AllowCamera
  Default     1
  Allowed     ENUM
    0  Not allowed
    1  Allowed
  Description Whether the camera may be
              used. 0: not allowed. 1:
              allowed.
  Defined     readme/Policy.ddf.xml:38:9
===
# describe --format json: access is an array of command names.
cmd: dm-tree describe --ddf readme/Policy.ddf.xml ./Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera --format json | head -7
exit: 0
--- stdout
{
  "access": [
    "Add",
    "Delete",
    "Get",
    "Replace"
  ],
===
# apply -v: a reason for every failing Status, from the judgement that decided it.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ddf/policy-like.ddf.xml | dm-tree apply -v - packages/missing-dynamic.xml | grep -c '<Data>404</Data>'
exit: 0
--- stdout
2
--- stderr
dm-tree: CmdID 2 Replace ./Vendor/MSFT/TestCSP/Documents/27FEA311-68B9-4320-9FC4-296F6FDFAFE2/Document: 404: no such node; the parent is dynamic, Add it first
dm-tree: CmdID 4 Delete ./Vendor/MSFT/TestCSP/Documents/27FEA311-68B9-4320-9FC4-296F6FDFAFE2: 404: no such node: a dynamic node exists once added
dm-tree: the new state was not saved (-o FILE saves it)
===
# --fail-on-status names the first command that failed (CmdID, command, target) and counts the rest.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ddf/policy-like.ddf.xml | dm-tree apply - packages/missing-dynamic.xml --fail-on-status >/dev/null
exit: 1
--- stderr
dm-tree: the new state was not saved (-o FILE saves it)
dm-tree: --fail-on-status: CmdID 2 Replace ./Vendor/MSFT/TestCSP/Documents/27FEA311-68B9-4320-9FC4-296F6FDFAFE2/Document: 404: no such node; the parent is dynamic, Add it first (and 1 more failing)
===
# apply without --in-place or -o says that the changed state was not saved; -o saves it, silently.
cmd: t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT && SOURCE_DATE_EPOCH=1767225600 dm-tree apply trees/small.xml packages/basic.xml >/dev/null && SOURCE_DATE_EPOCH=1767225600 dm-tree apply trees/small.xml packages/basic.xml -o "$t/new.xml" >/dev/null && dm-tree get "$t/new.xml" ./Vendor/MSFT/Custom/Settings/Name
exit: 0
--- stdout
second
--- stderr
dm-tree: the new state was not saved (--in-place or -o FILE saves it)
===
# -q silences the note.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree apply -q trees/small.xml packages/basic.xml >/dev/null
exit: 0
===
# A provisioning document: -v gives each node that failed its reason; JSON carries it as "reason".
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ddf/policy-like.ddf.xml | dm-tree apply -v - prov/policy-like.xml --format json | grep -c '"reason"'
exit: 0
--- stdout
3
--- stderr
dm-tree: Add ./Vendor/MSFT/PolicyLike/Config/Browser/EnableBrowserLogging: 415: the Data is not a valid bool value
dm-tree: Add ./Vendor/MSFT/PolicyLike/Config/Browser/BrowserLevel: 415: Format chr does not match the node's DFFormat int
dm-tree: Add ./Vendor/MSFT/PolicyLike/Config/Browser/AllowBrowsr: 404: not a node of the loaded DDFs; did you mean ./Vendor/MSFT/PolicyLike/Config/Browser/AllowBrowser?
dm-tree: the new state was not saved (-o FILE saves it)
