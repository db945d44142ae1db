# An unknown option in a subcommand: named, nearest option, the subcommand's help.
cmd: dm-trigger show --fromat json x.bin
exit: 2
--- stderr
dm-trigger: unknown option --fromat (did you mean '--format'?)
dm-trigger: try 'dm-trigger show --help' for more information
===
# The help ends with examples.
cmd: dm-trigger --help | sed -n '/^Examples:/,$p'
exit: 0
--- stdout
Examples:
  dm-trigger make --server-id srv --session-id 7 --password-file srv.pw --nonce AAAA -o t.bin
  dm-trigger show --password-file srv.pw --nonce AAAA t.bin

