#!/usr/bin/env python3
"""Writes a SyncML package of 20,000 Adds under ./Vendor/MSFT/Bulk: applied to a state, it makes
that state a few megabytes, so that writing it takes long enough to be killed in the middle."""
import sys

with open(sys.argv[1], "w") as f:
    f.write('<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>'
            '<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>dev</LocURI></Target>'
            '<Source><LocURI>srv</LocURI></Source></SyncHdr><SyncBody>')
    for i in range(20000):
        f.write(f'<Add><CmdID>{i + 1}</CmdID><Item><Target><LocURI>./Vendor/MSFT/Bulk/N{i}</LocURI></Target>'
                f'<Data>value number {i} with some padding to make the state larger</Data></Item></Add>')
    f.write('<Final/></SyncBody></SyncML>')
