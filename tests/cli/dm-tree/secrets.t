# A value whose node has no Get (a DM account's AAuthSecret) is masked by show, with a note.
cmd: dm-tree show trees/account.xml ./DMAcc
exit: 0
--- stdout
./DMAcc
└── Contoso
    └── AppAuth
        └── Server
            ├── AAuthName = device42
            └── AAuthSecret = ********
--- stderr
dm-tree: 1 value of nodes without Get masked as ******** (--show-secrets shows them)
===
# --show-secrets shows it.
cmd: dm-tree show trees/account.xml ./DMAcc/Contoso/AppAuth/Server --show-secrets
exit: 0
--- stdout
./DMAcc/Contoso/AppAuth/Server
├── AAuthName = device42
└── AAuthSecret = Hunter2-Secret
===
# JSON and TNDS output mask the same way.
cmd: dm-tree show trees/account.xml ./DMAcc/Contoso/AppAuth/Server --format json | grep '"value"'; dm-tree show -q trees/account.xml ./DMAcc/Contoso/AppAuth/Server --format tnds | grep '<Value>'
exit: 0
--- stdout
      "value": "device42"
      "value": "********"
      <Value>device42</Value>
      <Value>********</Value>
--- stderr
dm-tree: 1 value of nodes without Get masked as ******** (--show-secrets shows them)
===
# get masks the value too, and every ?list= form does.
cmd: dm-tree get trees/account.xml ./DMAcc/Contoso/AppAuth/Server/AAuthSecret; dm-tree get trees/account.xml './DMAcc/Contoso?list=StructData'; dm-tree get trees/account.xml './DMAcc/Contoso?list=TNDS+Value' | grep -c Hunter2
exit: 1
--- stdout
********
./DMAcc/Contoso
./DMAcc/Contoso/AppAuth
./DMAcc/Contoso/AppAuth/Server
./DMAcc/Contoso/AppAuth/Server/AAuthName = device42
./DMAcc/Contoso/AppAuth/Server/AAuthSecret = ********
0
===
# get --show-secrets shows it.
cmd: dm-tree get --show-secrets trees/account.xml ./DMAcc/Contoso/AppAuth/Server/AAuthSecret
exit: 0
--- stdout
Hunter2-Secret
===
# A server never gets it: the device answers 405, lists it without a value, refuses to Copy it.
cmd: dm-tree apply trees/account.xml packages/read-secret.xml | grep -c Hunter2; dm-tree apply trees/account.xml packages/read-secret.xml | grep -A1 '<Cmd>Get\|<Cmd>Copy' | grep '<Data>'
exit: 0
--- stdout
0
      <Data>405</Data>
      <Data>200</Data>
      <Data>200</Data>
      <Data>405</Data>
===
# diff masks a secret's old and new values alike.
cmd: dm-tree diff trees/small.xml trees/account.xml | grep AAuth; dm-tree diff --show-secrets trees/small.xml trees/account.xml 2>/dev/null | grep AAuthSecret
exit: 0
--- stdout
+ ./DMAcc/Contoso/AppAuth/Server/AAuthName = device42
+ ./DMAcc/Contoso/AppAuth/Server/AAuthSecret = ********
+ ./DMAcc/Contoso/AppAuth/Server/AAuthSecret = Hunter2-Secret
--- stderr (ignored)
