# A provisioning document: the CSP characteristics (CertificateStore, DMClient) become their
# nodes, the w7 APPLICATION the DM account under ./SyncML/DMAcc/<SHA-256 of PROVIDER-ID>; one
# line per node set, secrets masked.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init | dm-tree apply - prov/enrollment.xml
exit: 0
--- stdout
200 Add ./Vendor/MSFT/CertificateStore
200 Add ./Vendor/MSFT/CertificateStore/Root
200 Add ./Vendor/MSFT/CertificateStore/Root/System
200 Add ./Vendor/MSFT/CertificateStore/Root/System/031336C933CC7E228B88880D78824FB2909A0A2F
200 Add ./Vendor/MSFT/CertificateStore/Root/System/031336C933CC7E228B88880D78824FB2909A0A2F/EncodedCertificate = MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVSb290MAoGCCqGSM49BAMC
200 Add ./Vendor/MSFT/CertificateStore/CA
200 Add ./Vendor/MSFT/CertificateStore/CA/System
200 Add ./Vendor/MSFT/CertificateStore/CA/System/2E5AC55D0A7B4F1C9A3E8D7C6B5A4F3E2D1C0B9A
200 Add ./Vendor/MSFT/CertificateStore/CA/System/2E5AC55D0A7B4F1C9A3E8D7C6B5A4F3E2D1C0B9A/EncodedCertificate = MIIBsjCCAVigAwIBAgIUSW50ZXJtZWRpYXRlQ0EwCgYIKoZIzj0EAwI=
200 Add ./Vendor/MSFT/CertificateStore/My
200 Add ./Vendor/MSFT/CertificateStore/My/User
200 Add ./Vendor/MSFT/CertificateStore/My/User/F9A4C1D0E8B7A6958473625140F9E8D7C6B5A493
200 Add ./Vendor/MSFT/CertificateStore/My/User/F9A4C1D0E8B7A6958473625140F9E8D7C6B5A493/EncodedCertificate = MIIBrzCCAVWgAwIBAgIURGV2aWNlQ2xpZW50Q2VydDAKBggqhkjOPQQDAg==
200 Add ./Vendor/MSFT/CertificateStore/My/User/PrivateKeyContainer
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppID = w7
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/ServerID = ContosoMDM
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Name = Contoso
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAddr
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAddr/1
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAddr/1/Addr = https://mdm.contoso.example/ManagementServer/MDM.svc
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAddr/1/AddrType = URI
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/SRVCRED
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/SRVCRED/AAuthLevel = SRVCRED
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/SRVCRED/AAuthType = DIGEST
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/SRVCRED/AAuthSecret = ********
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/SRVCRED/AAuthData = ********
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/CLCRED
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/CLCRED/AAuthLevel = CLCRED
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/CLCRED/AAuthType = BASIC
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/CLCRED/AAuthName = device-42
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/CLCRED/AAuthSecret = ********
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/ConnRetryFreq = 6
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/InitialBackOffTime = 30000
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/MaxBackOffTime = 120000
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/BackCompatRetryDisabled = true
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/DefaultEncoding = application/vnd.syncml.dm+xml
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/SSLCLIENTCERTSEARCHCRITERIA = Subject=CN%3DDevice&Stores=MY%5CUser
200 Add ./Vendor/MSFT/DMClient
200 Add ./Vendor/MSFT/DMClient/Provider
200 Add ./Vendor/MSFT/DMClient/Provider/ContosoMDM
200 Add ./Vendor/MSFT/DMClient/Provider/ContosoMDM/EntDeviceName = Device 42
200 Add ./Vendor/MSFT/DMClient/Provider/ContosoMDM/EntDMID = 0000-0042
200 Add ./Vendor/MSFT/DMClient/Provider/ContosoMDM/RequireMessageSigning = true
200 Add ./Vendor/MSFT/DMClient/Provider/ContosoMDM/Poll
200 Add ./Vendor/MSFT/DMClient/Provider/ContosoMDM/Poll/NumberOfFirstRetries = 8
200 Add ./Vendor/MSFT/DMClient/Provider/ContosoMDM/Poll/IntervalForFirstSetOfRetries = 15
--- stderr
dm-tree: the new state was not saved (-o FILE saves it)
===
# --format json, and the account as the saved state holds it (secrets stay in the state).
cmd: t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT && SOURCE_DATE_EPOCH=1767225600 dm-tree init -o "$t/s.tnds" && dm-tree apply "$t/s.tnds" prov/enrollment.xml --in-place --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["steps"]), d["failed"], [s["value"] for s in d["steps"] if s["uri"].endswith("CLCRED/AAuthSecret")])' && dm-tree get --show-secrets "$t/s.tnds" ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/AppAuth/CLCRED/AAuthSecret
exit: 0
--- stdout
50 False ['********']
client-secret
===
# Applied twice: what exists is replaced.
cmd: t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT && SOURCE_DATE_EPOCH=1767225600 dm-tree init -o "$t/s.tnds" && dm-tree apply "$t/s.tnds" prov/enrollment.xml --in-place >/dev/null && dm-tree apply "$t/s.tnds" prov/enrollment.xml | cut -d' ' -f1,2 | sort | uniq -c
exit: 0
--- stdout
     27 200 Replace
--- stderr
dm-tree: the new state was not saved (--in-place or -o FILE saves it)
===
# The same document as WBXML.
cmd: t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT && SOURCE_DATE_EPOCH=1767225600 dm-tree init -o "$t/s.tnds" && syncml-encode prov/enrollment.xml | dm-tree apply "$t/s.tnds" - | wc -l
exit: 0
--- stdout
50
--- stderr
dm-tree: the new state was not saved (--in-place or -o FILE saves it)
===
# With the DDFs: a node the DDF refuses fails with its status, exit 1; the rest is set.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ddf/policy-like.ddf.xml | dm-tree apply - prov/policy-like.xml
exit: 1
--- stdout
200 Add ./Vendor/MSFT/PolicyLike/Config/Browser
200 Add ./Vendor/MSFT/PolicyLike/Config/Browser/AllowBrowser = 1
415 Add ./Vendor/MSFT/PolicyLike/Config/Browser/EnableBrowserLogging = maybe
415 Add ./Vendor/MSFT/PolicyLike/Config/Browser/BrowserLevel = 3
404 Add ./Vendor/MSFT/PolicyLike/Config/Browser/AllowBrowsr = 1
--- stderr
dm-tree: the new state was not saved (-o FILE saves it)
===
# Microsoft's DMAcc and DMClient DDFs: the enrolment document applies cleanly (Ext/Microsoft
# exists by the DDF, ConnRetryFreq takes its DFFormat int, BACKCOMPATRETRYDISABLED is true).
needs: ../../shared/data/ms-ddf/DMAcc.ddf.xml
needs: ../../shared/data/ms-ddf/DMClient.ddf.xml
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init --ddf ../../shared/data/ms-ddf/DMAcc.ddf.xml --ddf ../../shared/data/ms-ddf/DMClient.ddf.xml | dm-tree apply - prov/enrollment.xml | grep -E 'Ext|^[^2]'
exit: 0
--- stdout
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/ConnRetryFreq = 6
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/InitialBackOffTime = 30000
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/MaxBackOffTime = 120000
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/BackCompatRetryDisabled = true
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/DefaultEncoding = application/vnd.syncml.dm+xml
200 Add ./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218/Ext/Microsoft/SSLCLIENTCERTSEARCHCRITERIA = Subject=CN%3DDevice&Stores=MY%5CUser
--- stderr
dm-tree: the new state was not saved (-o FILE saves it)
===
# Characteristics that are no CSP are skipped with a note; a structure error is an input error.
cmd: SOURCE_DATE_EPOCH=1767225600 dm-tree init | dm-tree apply - prov/w7-bad.xml
exit: 3
--- stderr
dm-tree: prov/w7-bad.xml:21:3: <parm> outside a characteristic
===
cmd: t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT && SOURCE_DATE_EPOCH=1767225600 dm-tree init -o "$t/s.tnds" && printf '<wap-provisioningdoc><characteristic type="APPLICATION"><parm name="APPID" value="w2"/></characteristic><characteristic type="NAPDEF"><parm name="NAME" value="x"/></characteristic></wap-provisioningdoc>' | dm-tree apply "$t/s.tnds" -
exit: 0
--- stderr
dm-tree: -:1:22: skipped: APPLICATION w2: not a DM account
dm-tree: -:1:105: skipped: NAPDEF: WAP connectivity, no CSP
