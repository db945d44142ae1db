#!/usr/bin/env python3
"""Compare two SyncML XML documents structurally, applying only the normalisations listed for
libwbxml in the WBXML reference (section 6.4):
  - CDATA vs text (the parser merges both into text);
  - CR LF vs LF in Data under Add or Replace (libwbxml's vObject rewrite);
  - trimmed whitespace (libwbxml trims text, drops whitespace-only text);
  - xmlns placement and prefixes (compared as resolved namespace URIs);
  - string-table choices (invisible in XML).
Nothing else: element names, namespaces, order, text and attributes must match.
Usage: canonical.py A.xml B.xml      exit 0 when equal, 1 with a diff otherwise
       canonical.py --pairs LIST       compare each "A B label" line of LIST
       canonical.py --carriable F...   print the files libwbxml can carry"""
import sys
import xml.etree.ElementTree as ET


def canon(elem, parents=()):
    tag = elem.tag
    local = tag.split("}")[-1]
    text = "".join(t for t in [elem.text] if t) if len(elem) == 0 else (elem.text or "")
    if local == "Data" and any(p.split("}")[-1] in ("Add", "Replace") for p in parents[-3:]):
        text = text.replace("\r\n", "\n")
    text = text.strip()
    attrs = sorted((k, v) for k, v in elem.attrib.items())
    lines = [f"{'  ' * len(parents)}{tag} {attrs} {text!r}"]
    for child in elem:
        lines.extend(canon(child, parents + (tag,)))
        # Text between children (mixed content) counts too, trimmed.
        if child.tail and child.tail.strip():
            lines.append(f"{'  ' * (len(parents) + 1)}#tail {child.tail.strip()!r}")
    return lines


def load(path):
    with open(path, "rb") as f:
        return canon(ET.fromstring(f.read()))


def carriable(path):
    """libwbxml drops attributes and writes binary OPAQUE raw: such documents are left out."""
    root = ET.parse(path).getroot()
    for e in root.iter():
        if e.attrib:
            return False
        if e.tag.split("}")[-1] == "Format" and (e.text or "").strip() == "bin":
            return False
    return True


def compare(path_a, path_b):
    a, b = load(path_a), load(path_b)
    if a == b:
        return True
    import difflib
    sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(a, b, path_a, path_b, lineterm="", n=2))
    return False


def main():
    if sys.argv[1] == "--carriable":
        # Prints the files libwbxml can carry (one Python start for all of them).
        for path in sys.argv[2:]:
            if carriable(path):
                print(path)
        return 0
    if sys.argv[1] == "--pairs":
        # Each line: EXPECTED ACTUAL LABEL...; prints FAIL lines, exit 1 if any.
        failed = 0
        for line in open(sys.argv[2]):
            a, b, label = line.rstrip("\n").split(" ", 2)
            if not compare(a, b):
                print(f"FAIL {label}")
                failed += 1
        print(f"{failed} of the comparisons differ")
        return 1 if failed else 0
    return 0 if compare(sys.argv[1], sys.argv[2]) else 1


if __name__ == "__main__":
    sys.exit(main())
