# Usage errors (exit 2): a session id out of range, a nonce that is not Base64, an odd number of
# vendor hex digits, unknown ui-mode or version, a missing required option.
cmd: dm-trigger make --server-id srv --session-id 0 --password-file - --nonce AAAA < /dev/null
exit: 2
--- stderr
dm-trigger: --session-id: Value 0 not in range 1 to 65535
dm-trigger: try 'dm-trigger make --help' for more information
===
cmd: dm-trigger make --server-id srv --session-id 1 --password-file - --nonce 'not base64!' < /dev/null
exit: 2
--- stderr
dm-trigger: --nonce: is not valid Base64
===
cmd: printf pw | dm-trigger make --server-id srv --session-id 1 --password-file - --nonce AAAA --vendor-data abc
exit: 2
--- stderr
dm-trigger: --vendor-data: needs an even number of hex digits
===
cmd: dm-trigger make --server-id srv --session-id 1 --password-file - --nonce AAAA --ui-mode loud < /dev/null
exit: 2
--- stderr
dm-trigger: --ui-mode: loud not in {not-specified,background,informative,interactive}
dm-trigger: try 'dm-trigger make --help' for more information
===
cmd: dm-trigger make --server-id srv --session-id 1 --password-file - --nonce AAAA --notification-version 1.0 < /dev/null
exit: 2
--- stderr
dm-trigger: --notification-version: 1.0 not in {1.2,1.1}
dm-trigger: try 'dm-trigger make --help' for more information
===
cmd: dm-trigger make --session-id 1 --password-file - --nonce AAAA < /dev/null
exit: 2
--- stderr
dm-trigger: --server-id is required
dm-trigger: try 'dm-trigger make --help' for more information
===
# --password-file and --nonce go together.
cmd: dm-trigger show --nonce AAAA trigger/p1.bin
exit: 2
--- stderr
dm-trigger: --password-file and --nonce: go together (both verify the digest)
===
cmd: dm-trigger
exit: 2
--- stderr
dm-trigger: A subcommand is required
dm-trigger: try 'dm-trigger --help' for more information
===
# Hostile messages: exit 3 with the byte offset.
cmd: dm-trigger show hostile/trigger/truncated-header.bin
exit: 3
--- stderr
dm-trigger: hostile/trigger/truncated-header.bin: offset 20: truncated notification: 20 bytes, the digest and header need 24
===
cmd: dm-trigger show hostile/trigger/server-id-past-end.bin
exit: 3
--- stderr
dm-trigger: hostile/trigger/server-id-past-end.bin: offset 23: the server identifier length 200 runs past the end: 18 bytes follow the header
===
cmd: dm-trigger show hostile/trigger/version-1-0.bin
exit: 3
--- stderr
dm-trigger: hostile/trigger/version-1-0.bin: offset 16: version bits 0000001010 (1.0) are not notification version 1.1 (0000001011) or 1.2 (0000001100)
===
cmd: dm-trigger show hostile/trigger/push-other-type.bin
exit: 3
--- stderr
dm-trigger: hostile/trigger/push-other-type.bin: offset 3: the push PDU carries content type code 0x42, not application/vnd.syncml.notification
===
cmd: dm-trigger show hostile/trigger/push-truncated-message.bin
exit: 3
--- stderr
dm-trigger: hostile/trigger/push-truncated-message.bin: offset 28: truncated notification: 22 bytes, the digest and header need 24 (offset 22 of the message)
===
cmd: dm-trigger show no-such-file.bin
exit: 3
--- stderr
dm-trigger: no-such-file.bin: cannot open: No such file or directory
===
cmd: dm-trigger show < /dev/null
exit: 3
--- stderr
dm-trigger: -: offset 0: empty input
===
# The password and the message cannot both be standard input.
cmd: dm-trigger show --password-file - --nonce AAAA < trigger/p1.bin
exit: 2
--- stderr
dm-trigger: --password-file: and the message cannot both come from standard input
