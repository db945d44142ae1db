#!/usr/bin/env python3
"""Writes a SyncML package whose one Get has N Items (default 300,000), each on an existing
leaf of the standard tree, or with --commands N Gets of one Item each: the message model's
memory per Item and per command, measured in the README (Limits).

usage: big_get.py OUT [N] [--commands]"""
import sys

args = [a for a in sys.argv[1:] if a != "--commands"]
commands = "--commands" in sys.argv[1:]
path = args[0]
n = int(args[1]) if len(args) > 1 else 300000
item = '<Item><Target><LocURI>./DevInfo/DevId</LocURI></Target></Item>'
with open(path, "w") as f:
    f.write('<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>'
            '<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>dev</LocURI></Target>'
            '<Source><LocURI>srv</LocURI></Source></SyncHdr><SyncBody>')
    if commands:
        for i in range(n):
            f.write(f'<Get><CmdID>{i + 1}</CmdID>{item}</Get>')
    else:
        f.write('<Get><CmdID>1</CmdID>')
        f.write(item * n)
        f.write('</Get>')
    f.write('<Final/></SyncBody></SyncML>')
