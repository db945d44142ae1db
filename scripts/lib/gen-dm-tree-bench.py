#!/usr/bin/env python3
"""Generates the dm-tree benchmark inputs.
  gen-dm-tree-bench.py ddf NODES FILE        a DDF shaped like Microsoft's CSP files
  gen-dm-tree-bench.py package COMMANDS FILE a package of Add/Replace/Get/Delete commands"""
import sys

ACCESS = "<AccessType><Add /><Delete /><Get /><Replace /></AccessType>"


def leaf(name, i, ind):
    p = " " * ind
    allowed = ""
    if i % 3 == 0:
        allowed = (f'\n{p}    <MSFT:AllowedValues ValueType="ENUM"><MSFT:Enum><MSFT:Value>0</MSFT:Value>'
                   '<MSFT:ValueDescription>Off</MSFT:ValueDescription></MSFT:Enum><MSFT:Enum><MSFT:Value>1</MSFT:Value>'
                   '<MSFT:ValueDescription>On</MSFT:ValueDescription></MSFT:Enum></MSFT:AllowedValues>')
    return (f"{p}<Node>\n{p}  <NodeName>{name}</NodeName>\n{p}  <DFProperties>\n{p}    {ACCESS}\n"
            f"{p}    <DefaultValue>0</DefaultValue>\n"
            f"{p}    <Description>Setting {name}: a generated leaf used to measure how fast DDF files load.</Description>\n"
            f"{p}    <DFFormat><int /></DFFormat>\n{p}    <Occurrence><ZeroOrOne /></Occurrence>\n"
            f"{p}    <Scope><Dynamic /></Scope>\n{p}    <DFTitle>{name}</DFTitle>\n"
            f"{p}    <DFType><MIME>text/plain</MIME></DFType>{allowed}\n{p}  </DFProperties>\n{p}</Node>\n")


def interior(name, children, ind, path=None):
    p = " " * ind
    path_el = f"{p}  <Path>{path}</Path>\n" if path else ""
    return (f"{p}<Node>\n{p}  <NodeName>{name}</NodeName>\n{path_el}{p}  <DFProperties>\n"
            f"{p}    <AccessType><Get /></AccessType>\n{p}    <DFFormat><node /></DFFormat>\n"
            f"{p}    <Occurrence><One /></Occurrence>\n{p}    <Scope><Permanent /></Scope>\n"
            f"{p}    <DFType><DDFName /></DFType>\n{p}  </DFProperties>\n{children}{p}</Node>\n")


def ddf(nodes, out):
    per_area = 1000
    areas = max(1, -(-(nodes - 1) // (per_area + 1)))  # enough areas for at least `nodes` nodes
    with open(out, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<MgmtTree xmlns:MSFT="http://schemas.microsoft.com/MobileDevice/DM">\n'
                "  <VerDTD>1.2</VerDTD>\n")
        body = []
        for a in range(areas):
            kids = "".join(leaf(f"Setting{i}", i, 6) for i in range(per_area))
            body.append(interior(f"Area{a}", kids, 4))
        f.write(interior("BenchCSP", "".join(body), 2, "./Device/Vendor/MSFT"))
        f.write("</MgmtTree>\n")


def package(commands, out):
    with open(out, "w") as f:
        f.write('<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>'
                "<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>dev</LocURI></Target>"
                "<Source><LocURI>https://srv/dm</LocURI></Source></SyncHdr><SyncBody>\n")
        meta = '<Meta><Format xmlns="syncml:metinf">int</Format></Meta>'
        n = commands // 4
        cid = 1
        for kind in ("Add", "Replace", "Get", "Delete"):
            for i in range(n):
                uri = f"./Vendor/MSFT/PolicyLike/Config/App~Policy~Bench{i % 50}/Setting{i}"
                data = "" if kind in ("Get", "Delete") else f"<Data>value {i}</Data>"
                f.write(f"<{kind}><CmdID>{cid}</CmdID><Item><Target><LocURI>{uri}</LocURI></Target>{data}</Item></{kind}>\n")
                cid += 1
        f.write("<Final/></SyncBody></SyncML>\n")


if __name__ == "__main__":
    what, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    (ddf if what == "ddf" else package)(count, out)
