# apply of a provisioning document, JSON: each step's status with its name from the code table.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init | dm-tree apply - prov/enrollment.xml --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sorted(set((s["status"], s["meaning"]) for s in d["steps"])))'
exit: 0
--- stdout
[(200, '200 OK')]
--- stderr
dm-tree: the new state was not saved (-o FILE saves it)
