# A mistyped subcommand is named, with the nearest one.
cmd: dm-tree aply trees/small.xml packages/basic.xml
exit: 2
--- stderr
dm-tree: unknown subcommand 'aply' (did you mean 'apply'?)
dm-tree: try 'dm-tree --help' for more information
===
# An error inside a subcommand points to that subcommand's help.
cmd: dm-tree apply --in-plac trees/small.xml packages/basic.xml
exit: 2
--- stderr
dm-tree: unknown option --in-plac (did you mean '--in-place'?)
dm-tree: try 'dm-tree apply --help' for more information
===
# --color is taken by every tool; -q and -v together are refused.
cmd: dm-tree --color never get trees/small.xml ./DevInfo/Lang; dm-tree -q -v get trees/small.xml ./DevInfo/Lang
exit: 2
--- stdout
en-US
--- stderr
dm-tree: --quiet excludes --verbose
dm-tree: try 'dm-tree get --help' for more information
===
# Each subcommand's help ends with examples.
cmd: dm-tree apply --help | sed -n '/^Examples:/,$p'
exit: 0
--- stdout
Examples:
  dm-tree apply device.tnds package1.xml
  dm-tree apply --in-place --fail-on-status device.tnds package1.xml
  dm-tree apply -o after.tnds device.tnds capture.http

