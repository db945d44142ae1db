# An unknown option is named with the nearest one; --color is taken.
cmd: dm-send --color never --ofline packages/basic.xml
exit: 2
--- stderr
dm-send: unknown option --ofline (did you mean '--offline'?)
dm-send: try 'dm-send --help' for more information
===
# The help ends with examples.
cmd: dm-send --help | sed -n '/^Examples:/,$p'
exit: 0
--- stdout
Examples:
  dm-send --offline package1.xml
  dm-send --user admin --password-file pw.txt https://dm.example.com/dm package1.xml
  dm-send --session --state device.tnds https://dm.example.com/dm

