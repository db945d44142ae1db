# Standard output that cannot be written is an error, help and version text included.
cmd: dm-tree --help > /dev/full; echo "help: $?"; dm-tree --version > /dev/full; echo "version: $?"
exit: 0
--- stdout
help: 3
version: 3
--- stderr
dm-tree: cannot write to standard output
dm-tree: cannot write to standard output
