# XML: every planted secret replaced in place (the diff shows the only lines that change);
# device identifiers stay.
cmd: dm-trace --redact redact/secrets.xml | diff redact/secrets.xml - ; echo "exit $?"
exit: 0
--- stdout
19c19
<       <Data>SecretCredData0001==</Data>
---
>       <Data>REDACTEDREDACTEDRE==</Data>
32c32
<           <NextNonce xmlns="syncml:metinf">SecretNonce0002</NextNonce>
---
>           <NextNonce xmlns="syncml:metinf">REDACTEDREDACTE</NextNonce>
64c64
<         <Data>SecretAAuth0003</Data>
---
>         <Data>REDACTEDREDACTE</Data>
70c70
<         <Data>SecretAAuthData0004</Data>
---
>         <Data>REDACTEDREDACTEDRED</Data>
76c76
<         <Data>SecretPfxPass0005</Data>
---
>         <Data>REDACTEDREDACTEDR</Data>
82c82
<         <Data>SecretPfxBlob0006</Data>
---
>         <Data>REDACTEDREDACTEDR</Data>
88c88
<         <Data>SecretScep0007</Data>
---
>         <Data>REDACTEDREDACT</Data>
94c94
<         <Data>SecretAccount0008</Data>
---
>         <Data>REDACTEDREDACTEDR</Data>
100c100
<         <Data>SecretVpn0009</Data>
---
>         <Data>REDACTEDREDAC</Data>
109c109
<         <Data>&lt;WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1"&gt;&lt;name&gt;corp&lt;/name&gt;&lt;MSM&gt;&lt;security&gt;&lt;sharedKey&gt;&lt;keyType&gt;passPhrase&lt;/keyType&gt;&lt;protected&gt;false&lt;/protected&gt;&lt;keyMaterial&gt;SecretWifi0010&lt;/keyMaterial&gt;&lt;/sharedKey&gt;&lt;/security&gt;&lt;/MSM&gt;&lt;/WLANProfile&gt;</Data>
---
>         <Data>&lt;WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1"&gt;&lt;name&gt;corp&lt;/name&gt;&lt;MSM&gt;&lt;security&gt;&lt;sharedKey&gt;&lt;keyType&gt;passPhrase&lt;/keyType&gt;&lt;protected&gt;false&lt;/protected&gt;&lt;keyMaterial&gt;REDACTEDREDACT&lt;/keyMaterial&gt;&lt;/sharedKey&gt;&lt;/security&gt;&lt;/MSM&gt;&lt;/WLANProfile&gt;</Data>
115c115
<         <Data><![CDATA[<WLANProfile><name>guest</name><keyMaterial>SecretWifi0011</keyMaterial></WLANProfile>]]></Data>
---
>         <Data><![CDATA[<WLANProfile><name>guest</name><keyMaterial>REDACTEDREDACT</keyMaterial></WLANProfile>]]></Data>
exit 1
===
# --redact-ids: the device's LocURI and LocName, DevId and serial number go too; the server's
# URL stays. Same length as the input.
cmd: dm-trace --redact-ids redact/secrets.xml | diff redact/secrets.xml - | grep '^>' ; dm-trace --redact-ids redact/secrets.xml | wc -c ; wc -c < redact/secrets.xml
exit: 0
--- stdout
>       <LocURI>REDACTEDREDACTED</LocURI>
>       <LocName>REDACTEDREDACTEDRE</LocName>
>       <Data>REDACTEDREDACTEDRE==</Data>
>           <NextNonce xmlns="syncml:metinf">REDACTEDREDACTE</NextNonce>
>         <Data>REDACTEDREDACTED</Data>
>         <Data>REDACTEDREDA</Data>
>         <Data>REDACTEDREDACTE</Data>
>         <Data>REDACTEDREDACTEDRED</Data>
>         <Data>REDACTEDREDACTEDR</Data>
>         <Data>REDACTEDREDACTEDR</Data>
>         <Data>REDACTEDREDACT</Data>
>         <Data>REDACTEDREDACTEDR</Data>
>         <Data>REDACTEDREDAC</Data>
>         <Data>&lt;WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1"&gt;&lt;name&gt;corp&lt;/name&gt;&lt;MSM&gt;&lt;security&gt;&lt;sharedKey&gt;&lt;keyType&gt;passPhrase&lt;/keyType&gt;&lt;protected&gt;false&lt;/protected&gt;&lt;keyMaterial&gt;REDACTEDREDACT&lt;/keyMaterial&gt;&lt;/sharedKey&gt;&lt;/security&gt;&lt;/MSM&gt;&lt;/WLANProfile&gt;</Data>
>         <Data><![CDATA[<WLANProfile><name>guest</name><keyMaterial>REDACTEDREDACT</keyMaterial></WLANProfile>]]></Data>
3686
3686
===
# WBXML: the copy has the input's length, decodes, and holds no secret (every planted secret
# is Secret...NNNN; AAuthSecret in a LocURI is a node name): grep counts 0 and exits 1.
cmd: syncml-encode redact/secrets.xml | dm-trace --redact - | wc -c ; syncml-encode redact/secrets.xml | wc -c ; syncml-encode redact/secrets.xml | dm-trace --redact - | syncml-decode - | grep -c -E 'Secret[A-Za-z]*[0-9]{4}'
exit: 1
--- stdout
1517
1517
0
===
# An HTTP stream (an XML request, a chunked WBXML reply): headers and both bodies; -v counts.
cmd: dm-trace --redact -v redact/stream.http | grep -a -c -E 'Secret[A-Za-z]*[0-9]{4}' ; dm-trace --redact redact/stream.http | grep -a -E '^(Authorization|x-syncml-hmac|Cookie|Set-Cookie):' | tr -d '\r'
exit: 0
--- stdout
0
Authorization: Basic REDACTEDREDACTEDREDACTEDRE==
x-syncml-hmac: algorithm=MD5, username="iduser7", mac=REDACTEDREDACTE==
Cookie: session=REDACTEDREDACTED; lang=RE
Set-Cookie: sid=REDACTEDREDACTEDRED; Path=/; HttpOnly
--- stderr
dm-trace: redact/stream.http: HTTP, 27 values redacted
===
# A HAR: still JSON with its entry; no secret in the headers, query, or the Base64 WBXML body.
cmd: dm-trace --redact redact/capture.har | python3 -c 'import base64, json, re, sys; d = json.load(sys.stdin); e = d["log"]["entries"][0]; body = base64.b64decode(e["response"]["content"]["text"]); secret = r"Secret[A-Za-z]*[0-9]{4}"; print(len(d["log"]["entries"]), e["request"]["url"], e["request"]["headers"][0]["value"], len(body), re.search(secret.encode(), body), re.search(secret, json.dumps(d)))'
exit: 0
--- stdout
1 https://mdm.example.com/ManagementServer/MDM.svc?mode=full&access_token=REDACTEDREDACTE Bearer REDACTEDREDACTED 1517 None None
===
# Options that make no sense with --redact, more than one input, an input of no known format.
cmd: dm-trace --redact --format json redact/secrets.xml
exit: 2
--- stderr
dm-trace: --redact: writes a copy of the input: it takes none of the view options
===
cmd: dm-trace --redact redact/secrets.xml redact/capture.har
exit: 2
--- stderr
dm-trace: --redact: takes exactly one INPUT (a file, or - for standard input)
===
cmd: printf 'just text\n' | dm-trace --redact -
exit: 3
--- stderr
dm-trace: -: cannot tell the format: --redact takes XML, WBXML, an HTTP stream or a HAR document
===
# A WBXML body cut short is an error, not a copy with secrets left in it.
cmd: syncml-encode redact/secrets.xml | head -c 300 | dm-trace --redact -
exit: 3
--- stderr
dm-trace: -: offset 289: truncated: inline string without its terminating NUL
===
# A provisioning document in WBXML: secrets in parm value attributes (by the parm's name, or
# inside a WLAN profile) go as they go in XML. Each planted secret is looked for in the
# redacted WBXML and in its decoded XML (0 and 0); the copy keeps the input's length; what is
# not secret stays.
cmd: d=$(mktemp -d) && syncml-encode redact/provisioning.xml > "$d/in" && dm-trace --redact -v - < "$d/in" > "$d/out" && syncml-decode "$d/out" > "$d/out.xml" && for s in $(grep -o -E 'SecretProv[A-Za-z]*[0-9]{4}' redact/provisioning.xml); do echo "$s $(grep -a -c "$s" "$d/out") $(grep -c "$s" "$d/out.xml")"; done; wc -c < "$d/in"; wc -c < "$d/out"; grep -o -E 'name="(NAME|AUTHNAME)" value="[^"]*"' "$d/out.xml"; rm -rf "$d"
exit: 0
--- stdout
SecretProvAAuth0101 0 0
SecretProvNonce0102 0 0
SecretProvAuth0103 0 0
SecretProvProxy0104 0 0
SecretProvWifi0105 0 0
SecretProvKey0106 0 0
SecretProvOrder0107 0 0
476
476
name="NAME" value="Contoso"
name="AUTHNAME" value="corp-user"
--- stderr
dm-trace: -: WBXML, 7 values redacted
===
# The same document as XML: the same values, and only they, are replaced.
cmd: dm-trace --redact redact/provisioning.xml | diff redact/provisioning.xml - | grep '^>'
exit: 0
--- stdout
>       <parm name="AAUTHSECRET" value="REDACTEDREDACTEDRED"/>
>       <parm name="AAUTHDATA" value="REDACTEDREDACTEDRED=="/>
>       <parm name="AUTHSECRET" value="REDACTEDREDACTEDRE"/>
>       <parm name="PXAUTH-PW" value="REDACTEDREDACTEDRED"/>
>       <parm name="WLANXML" value="&lt;WLANProfile&gt;&lt;name&gt;corp&lt;/name&gt;&lt;sharedKey&gt;&lt;keyMaterial&gt;REDACTEDREDACTEDRE&lt;/keyMaterial&gt;&lt;/sharedKey&gt;&lt;/WLANProfile&gt;"/>
>       <parm name="NetworkKey" value="REDACTEDREDACTEDR"/>
>       <parm value="REDACTEDREDACTEDRED" name="ClientPW"/>
===
# WBXML messages one after another (1517 and 476 bytes, a line break between them): each
# redacted, the line break kept; neither decoded document holds a secret.
cmd: d=$(mktemp -d) && (syncml-encode redact/secrets.xml; echo; syncml-encode redact/provisioning.xml) | dm-trace --redact - > "$d/out" && wc -c < "$d/out" && head -c 1518 "$d/out" | tail -c 1 | od -An -c && head -c 1517 "$d/out" | syncml-decode - | grep -c -E 'Secret[A-Za-z]*[0-9]{4}'; tail -c 476 "$d/out" | syncml-decode - | grep -c -E 'Secret[A-Za-z]*[0-9]{4}'; tail -c 476 "$d/out" | syncml-decode - | grep -c 'REDACTED'; rm -rf "$d"
exit: 0
--- stdout
1994
  \n
0
0
7
===
# The second of them cut short: an error with the offset, no copy.
cmd: (syncml-encode redact/secrets.xml; syncml-encode redact/provisioning.xml | head -c 100) | dm-trace --redact -
exit: 3
--- stderr
dm-trace: -: offset 1617: truncated: unexpected end of input
