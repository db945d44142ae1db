#!/usr/bin/env python3
"""Writes a SyncML package whose one Get has N Items (default 300,000), each on an existing
leaf of the standard tree: the message model's memory per Item, measured in the README."""
import sys

path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 300000
with open(path, "w") as f:
    f.write('<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>'
            '<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>dev</LocURI></Target>'
            '<Source><LocURI>srv</LocURI></Source></SyncHdr><SyncBody><Get><CmdID>1</CmdID>')
    item = '<Item><Target><LocURI>./DevInfo/DevId</LocURI></Target></Item>'
    f.write(item * n)
    f.write('</Get><Final/></SyncBody></SyncML>')
