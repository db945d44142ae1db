#!/usr/bin/env python3
"""Writes a provisioning document (wap-provisioningdoc) of about SIZE bytes for the benchmarks,
shaped like what enrolment and provisioning packages hand a Windows device: certificates in
CertificateStore, a w7 APPLICATION DM account with its two APPAUTH blocks, DMClient provider
settings, and then many policy settings and registry-backed CSP parms until the size is reached.
Usage: gen-prov-doc.py SIZE OUT [--no-datatype]
--no-datatype leaves out Windows' datatype attribute, which has no token: libwbxml's xml2wbxml
then encodes without a string table (with one, it takes minutes on a 1 MB document)."""
import sys

size, out = int(sys.argv[1]), sys.argv[2]
datatype = "--no-datatype" not in sys.argv[3:]
def dt(kind): return f' datatype="{kind}"' if datatype else ""
head = """<?xml version="1.0" encoding="UTF-8"?>
<wap-provisioningdoc version="1.1">
  <characteristic type="APPLICATION">
    <parm name="APPID" value="w7"/>
    <parm name="PROVIDER-ID" value="ContosoMDM"/>
    <parm name="NAME" value="Contoso"/>
    <parm name="ADDR" value="https://mdm.contoso.example/ManagementServer/MDM.svc"/>
    <parm name="CONNRETRYFREQ" value="6"/>
    <parm name="INITIALBACKOFFTIME" value="30000"/>
    <parm name="MAXBACKOFFTIME" value="120000"/>
    <parm name="BACKCOMPATRETRYDISABLED"/>
    <parm name="DEFAULTENCODING" value="application/vnd.syncml.dm+xml"/>
    <characteristic type="APPAUTH">
      <parm name="AAUTHLEVEL" value="CLIENT"/>
      <parm name="AAUTHTYPE" value="DIGEST"/>
      <parm name="AAUTHSECRET" value="server-secret"/>
      <parm name="AAUTHDATA" value="bm9uY2U="/>
    </characteristic>
    <characteristic type="APPAUTH">
      <parm name="AAUTHLEVEL" value="APPSRV"/>
      <parm name="AAUTHTYPE" value="BASIC"/>
      <parm name="AAUTHNAME" value="device-42"/>
      <parm name="AAUTHSECRET" value="client-secret"/>
    </characteristic>
  </characteristic>
"""
parts = [head]
total = len(head)
i = 0
while total < size:
    if i % 10 == 0:
        thumb = f"{i:040X}"
        chunk = (f'  <characteristic type="CertificateStore">\n    <characteristic type="Root">\n'
                 f'      <characteristic type="System">\n        <characteristic type="{thumb}">\n'
                 f'          <parm name="EncodedCertificate" value="{("MIIBszCCAVmgAwIBAgIU" * 8)[:140]}"/>\n'
                 f'        </characteristic>\n      </characteristic>\n    </characteristic>\n  </characteristic>\n')
    else:
        chunk = (f'  <characteristic type="Registry">\n'
                 f'    <characteristic type="HKLM\\Software\\Contoso\\Settings\\Group{i % 97}">\n'
                 f'      <parm name="Setting{i}" value="{i * 7 % 100000}"{dt("integer")}/>\n'
                 f'      <parm name="Label{i}" value="value {i} for the device"{dt("string")}/>\n'
                 f'      <parm name="Enabled{i}" value="{"true" if i % 2 else "false"}"{dt("boolean")}/>\n'
                 f'    </characteristic>\n  </characteristic>\n')
    parts.append(chunk)
    total += len(chunk)
    i += 1
parts.append("</wap-provisioningdoc>\n")
with open(out, "w") as f:
    f.write("".join(parts))
