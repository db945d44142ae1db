#!/usr/bin/env python3
"""Writes a synthetic but realistic OMA DM 1.2 server message of about SIZE bytes: a header, then
a mix of Replace (most), Add, Get, Exec and Atomic commands on ./Vendor/Acme/Config/GroupN/ParamM
nodes with Meta Format/Type and 160-character random values (seeded, so runs repeat).
With --dense, a token-dense client reply instead: a Status for each command of a large server
package (CmdID, MsgRef, CmdRef, Cmd, Data of a few characters, now and then a TargetRef) and a
Results with a short value for each Get, the way a device answers a policy push.
Usage: gen-dm-message.py SIZE_BYTES OUT.xml [--compact] [--dense]"""
import random
import sys


def main():
    size, out = int(sys.argv[1]), sys.argv[2]
    compact = "--compact" in sys.argv
    rnd = random.Random(42)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    nl, ind = ("", "") if compact else ("\n", "  ")

    def el(depth, name, text=None, children=None):
        pad = ind * depth
        if children is None:
            return f"{pad}<{name}>{text}</{name}>{nl}"
        return f"{pad}<{name}>{nl}" + "".join(children) + f"{pad}</{name}>{nl}"

    def meta(depth, fmt, typ):
        return el(depth, "Meta", children=[
            el(depth + 1, 'Format xmlns="syncml:metinf"', fmt).replace('</Format xmlns="syncml:metinf">', "</Format>"),
            el(depth + 1, 'Type xmlns="syncml:metinf"', typ).replace('</Type xmlns="syncml:metinf">', "</Type>")])

    def item(depth, uri, value=None, fmt="chr"):
        kids = [el(depth + 1, "Target", children=[el(depth + 2, "LocURI", uri)])]
        if value is not None:
            kids.append(meta(depth + 1, fmt, "text/plain"))
            kids.append(el(depth + 1, "Data", value))
        return el(depth, "Item", children=kids)

    if "--dense" in sys.argv:
        write_dense(size, out, rnd, el, item)
        return
    parts = [f'<SyncML xmlns="SYNCML:SYNCML1.2">{nl}',
             el(1, "SyncHdr", children=[el(2, "VerDTD", "1.2"), el(2, "VerProto", "DM/1.2"), el(2, "SessionID", "1"),
                                        el(2, "MsgID", "1"),
                                        el(2, "Target", children=[el(3, "LocURI", "IMEI:493005100592800")]),
                                        el(2, "Source", children=[el(3, "LocURI", "https://dm.example.net/dm")])]),
             f"{ind}<SyncBody>{nl}"]
    total = sum(len(p) for p in parts)
    cmd = 1
    while total < size - 40:
        cmd += 1
        g, p = rnd.randrange(100), rnd.randrange(1000)
        uri = f"./Vendor/Acme/Config/Group{g}/Param{p}"
        value = "".join(rnd.choice(alphabet) for _ in range(160))
        kind = rnd.randrange(20)
        if kind < 14:
            block = el(2, "Replace", children=[el(3, "CmdID", str(cmd)), item(3, uri, value)])
        elif kind < 16:
            block = el(2, "Add", children=[el(3, "CmdID", str(cmd)), item(3, uri, str(rnd.randrange(100000)), "int")])
        elif kind < 18:
            block = el(2, "Get", children=[el(3, "CmdID", str(cmd)), item(3, uri)])
        elif kind < 19:
            block = el(2, "Exec", children=[el(3, "CmdID", str(cmd)), item(3, uri + "/Apply", "now")])
        else:
            cmd += 1
            block = el(2, "Atomic", children=[el(3, "CmdID", str(cmd - 1)),
                                              el(3, "Replace", children=[el(4, "CmdID", str(cmd)), item(4, uri, value)])])
        parts.append(block)
        total += len(block)
    parts.append(f"{ind}{ind}<Final/>{nl}{ind}</SyncBody>{nl}</SyncML>{nl}")
    with open(out, "w") as f:
        f.write("".join(parts))


def write_dense(size, out, rnd, el, item):
    """Many small elements with values of one to six characters: most of the WBXML is tokens."""
    nl = "\n" if el(0, "a", "b").endswith("\n") else ""
    ind = "  " if nl else ""
    parts = [f'<SyncML xmlns="SYNCML:SYNCML1.2">{nl}',
             el(1, "SyncHdr", children=[el(2, "VerDTD", "1.2"), el(2, "VerProto", "DM/1.2"), el(2, "SessionID", "1A"),
                                        el(2, "MsgID", "2"),
                                        el(2, "Target", children=[el(3, "LocURI", "https://dm.example.net/dm")]),
                                        el(2, "Source", children=[el(3, "LocURI", "IMEI:493005100592800")])]),
             f"{ind}<SyncBody>{nl}",
             el(2, "Status", children=[el(3, "CmdID", "1"), el(3, "MsgRef", "1"), el(3, "CmdRef", "0"),
                                       el(3, "Cmd", "SyncHdr"), el(3, "Data", "200")])]
    total = sum(len(p) for p in parts)
    cmd, ref = 1, 1
    codes = ["200"] * 17 + ["404", "405", "500"]
    while total < size - 40:
        cmd += 1
        ref += 1
        kind = rnd.randrange(10)
        name = "Replace" if kind < 6 else "Add" if kind < 7 else "Get" if kind < 9 else "Exec"
        kids = [el(3, "CmdID", str(cmd)), el(3, "MsgRef", str(1 + ref // 5000)), el(3, "CmdRef", str(ref)),
                el(3, "Cmd", name)]
        if rnd.randrange(8) == 0:
            kids.append(el(3, "TargetRef", f"./Vendor/Acme/P{rnd.randrange(100)}"))
        kids.append(el(3, "Data", rnd.choice(codes)))
        block = el(2, "Status", children=kids)
        if name == "Get":
            cmd += 1
            uri = f"./Vendor/Acme/P{rnd.randrange(100)}"
            block += el(2, "Results", children=[el(3, "CmdID", str(cmd)), el(3, "MsgRef", str(1 + ref // 5000)),
                                                el(3, "CmdRef", str(ref)),
                                                item(3, uri, str(rnd.randrange(10)), "int").replace("Target>", "Source>")])
        parts.append(block)
        total += len(block)
    parts.append(f"{ind}{ind}<Final/>{nl}{ind}</SyncBody>{nl}</SyncML>{nl}")
    with open(out, "w") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()
