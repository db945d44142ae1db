# A raw HTTP stream (requests and responses one after another; the last response chunked).
cmd: dm-trace trace/session-md5.http
exit: 0
--- stdout
session 1 (SessionID 4466) device IMEI:493005100592800 server http://127.0.0.1:34131/dm: 5 device messages, 5 server messages
  message 1 (server): SyncHdr status 407 Missing credentials
  1/1    device Alert - 1201  -> 407 Missing credentials
  1/2    device Replace ./DevInfo/DevId IMEI:493005…  -> 407 Missing credentials
  1/2    device Replace ./DevInfo/Man syncml-dm-too…  -> 407 Missing credentials
  1/2    device Replace ./DevInfo/Mod dm-send  -> 407 Missing credentials
  1/2    device Replace ./DevInfo/DmV 1.3  -> 407 Missing credentials
  1/2    device Replace ./DevInfo/Lang en-US  -> 407 Missing credentials
  2/2    device Alert - 1201  -> 200 OK
  2/3    device Replace ./DevInfo/DevId IMEI:493005100592800  -> 200 OK
  2/3    device Replace ./DevInfo/Man syncml-dm-tools  -> 200 OK
  2/3    device Replace ./DevInfo/Mod dm-send  -> 200 OK
  2/3    device Replace ./DevInfo/DmV 1.3  -> 200 OK
  2/3    device Replace ./DevInfo/Lang en-US  -> 200 OK
  2/4    Get      ./DevInfo/Mod  -> 200 OK
         = ./DevInfo/Mod dm-send
  2/5    Add      ./Vendor (node)  -> 200 OK
  2/6    Add      ./Vendor/Setting (chr) first  -> 200 OK
  3/2    Replace  ./Vendor/Setting second  -> 200 OK
  3/3    Add      ./Vendor/Gone x  -> 200 OK
  3/4    Delete   ./Vendor/Gone  -> 200 OK
  3/5    Get      ./Vendor/Missing  -> 404 Not found
  3/6    Atomic   -  -> 507 Atomic failed
  3/7    Replace  ./Vendor/Setting rolled-back  -> 216 Atomic roll back OK
  3/8    Replace  ./Vendor/NoSuchNode fails  -> 404 Not found
  3/9    Exec     ./Vendor/Setting run  -> 200 OK
  4/2    Get      ./Vendor/Setting  -> 200 OK
         = ./Vendor/Setting second
===
# The same session's WBXML exchanges as an HTTP stream.
cmd: dm-trace --failed trace/session-wbxml.http
exit: 1
--- stdout
session 1 (SessionID 4538) device IMEI:493005100592800 server http://127.0.0.1:38615/dm: 5 device messages, 5 server messages
  message 1 (server): SyncHdr status 407 Missing credentials
  1/1    device Alert - 1201  -> 407 Missing credentials
  1/2    device Replace ./DevInfo/DevId IMEI:493005…  -> 407 Missing credentials
  1/2    device Replace ./DevInfo/Man syncml-dm-too…  -> 407 Missing credentials
  1/2    device Replace ./DevInfo/Mod dm-send  -> 407 Missing credentials
  1/2    device Replace ./DevInfo/DmV 1.3  -> 407 Missing credentials
  1/2    device Replace ./DevInfo/Lang en-US  -> 407 Missing credentials
  3/5    Get      ./Vendor/Missing  -> 404 Not found
  3/6    Atomic   -  -> 507 Atomic failed
  3/8    Replace  ./Vendor/NoSuchNode fails  -> 404 Not found
===
# dm-send's own --trace output.
cmd: dm-trace --failed trace/session-md5.trace
exit: 1
--- stdout
session 1 (SessionID 4466) device IMEI:493005100592800 server http://127.0.0.1:34131/dm: 5 device messages, 5 server messages
  message 1 (server): SyncHdr status 407 Missing credentials
  1/1    device Alert - 1201  -> 407 Missing credentials  16 ms
  1/2    device Replace ./DevInfo/DevId IMEI:493005…  -> 407 Missing credentials  16 ms
  1/2    device Replace ./DevInfo/Man syncml-dm-t…  -> 407 Missing credentials  16 ms
  1/2    device Replace ./DevInfo/Mod dm-send  -> 407 Missing credentials  16 ms
  1/2    device Replace ./DevInfo/DmV 1.3  -> 407 Missing credentials  16 ms
  1/2    device Replace ./DevInfo/Lang en-US  -> 407 Missing credentials  16 ms
  3/5    Get      ./Vendor/Missing  -> 404 Not found  8 ms
  3/6    Atomic   -  -> 507 Atomic failed  8 ms
  3/8    Replace  ./Vendor/NoSuchNode fails  -> 404 Not found  8 ms
===
# Several SyncML messages in one file: the server's package, then the device's answers.
cmd: dm-trace trace/messages.xml
exit: 0
--- stdout
session 1 (SessionID 1) device B5B954E81FBCB94EB79BD08BE625F4EE server https://mdm.example.com/ManagementServer/MDM.svc: 1 device message, 1 server message
  ?1/2   device Alert -  -> 200 OK (unpaired: the command is not in the capture)
  1/3    Get      ./DevDetail/SwV  -> 200 OK
         = ./DevDetail/SwV (chr) 10.0.26100.2033
  1/3    Get      ./Vendor/MSFT/DeviceStatus/OS/Edition  -> 404 Not found 0x86000002 CFGMGR_E_NODENOTFOUND: there is no node at this URI
  1/4    Replace  ./Device/Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength (int) 6  -> no status
  1/5    Add      ./Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart (int) 8  -> no status
  1/6    Atomic   -  -> 200 OK
  1/7    Replace  ./Device/Vendor/MSFT/Policy/Config/Browser/AllowDoNotTrack (int) 1  -> no status
         = ./Vendor/MSFT/Policy/Result/Settings/PageVisibilityList (xml) <Settings>h…
  1/8    Delete   ./Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera  -> no status
  1/9    Replace  ./Device/Vendor/MSFT/Policy/Config/ADMX_Power/DCStandbyTimeOut_2 (chr) <enabled/><…  -> no status
  1/10   Add      ./Vendor/MSFT/RootCATrustedCertificates/Root/0D46B0A8E2B1D3C4F5A6B7C8D9E0F1A2B3C4D5E6/EncodedCertificate (b64) MIIBszCCAVm…  -> no status
  1/11   Sequence -  -> no status
  1/12   Exec     ./Vendor/MSFT/RemoteWipe/doWipe (chr)  -> no status
===
# A folder of message files, read in name order.
cmd: dm-trace trace/folder
exit: 0
--- stdout
session 1 (SessionID 1) device B5B954E81FBCB94EB79BD08BE625F4EE server https://mdm.example.com/ManagementServer/MDM.svc: 1 device message, 1 server message
  ?1/2   device Alert -  -> 200 OK (unpaired: the command is not in the capture)
  1/3    Get      ./DevDetail/SwV  -> 200 OK
         = ./DevDetail/SwV (chr) 10.0.26100.2033
  1/3    Get      ./Vendor/MSFT/DeviceStatus/OS/Edition  -> 404 Not found 0x86000002 CFGMGR_E_NODENOTFOUND: there is no node at this URI
  1/4    Replace  ./Device/Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength (int) 6  -> no status
  1/5    Add      ./Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart (int) 8  -> no status
  1/6    Atomic   -  -> 200 OK
  1/7    Replace  ./Device/Vendor/MSFT/Policy/Config/Browser/AllowDoNotTrack (int) 1  -> no status
         = ./Vendor/MSFT/Policy/Result/Settings/PageVisibilityList (xml) <Settings>h…
  1/8    Delete   ./Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera  -> no status
  1/9    Replace  ./Device/Vendor/MSFT/Policy/Config/ADMX_Power/DCStandbyTimeOut_2 (chr) <enabled/><…  -> no status
  1/10   Add      ./Vendor/MSFT/RootCATrustedCertificates/Root/0D46B0A8E2B1D3C4F5A6B7C8D9E0F1A2B3C4D5E6/EncodedCertificate (b64) MIIBszCCAVm…  -> no status
  1/11   Sequence -  -> no status
  1/12   Exec     ./Vendor/MSFT/RemoteWipe/doWipe (chr)  -> no status
===
# --input-format forces the reader.
cmd: dm-trace --input-format http trace/session-md5.har
exit: 3
--- stderr
dm-trace: trace/session-md5.har: offset 0: not an HTTP request or response
===
# --extract: every message as XML, named by session and MsgID (WBXML decoded).
cmd: d=$(mktemp -d) && dm-trace -q --extract "$d/x" trace/session-wbxml.har >/dev/null && ls "$d/x" && head -3 "$d/x/s001-4538-m2-server.xml" && rm -rf "$d"
exit: 0
--- stdout
s001-4538-m1-device.xml
s001-4538-m1-server.xml
s001-4538-m2-device.xml
s001-4538-m2-server.xml
s001-4538-m3-device.xml
s001-4538-m3-server.xml
s001-4538-m4-device.xml
s001-4538-m4-server.xml
s001-4538-m5-device.xml
s001-4538-m5-server.xml
<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
===
# --validate: dm-validate's rules on every message, device messages judged as a client's;
# warnings only: exit 0.
cmd: dm-trace --validate trace/messages.xml
exit: 0
--- stdout
session 1 (SessionID 1) device B5B954E81FBCB94EB79BD08BE625F4EE server https://mdm.example.com/ManagementServer/MDM.svc: 1 device message, 1 server message
  message 1 (server): warning: Meta in SyncHdr is ignored by the Windows client (MaxMsgSize, MaxObjSize) [meta-header]
  message 2 (device): warning: Format xml but Data is not well-formed XML ('&' must start an entity reference (&amp; &lt; &gt; &quot; &apos; &#N;)) [data-format]
  ?1/2   device Alert -  -> 200 OK (unpaired: the command is not in the capture)
  1/3    Get      ./DevDetail/SwV  -> 200 OK
         = ./DevDetail/SwV (chr) 10.0.26100.2033
  1/3    Get      ./Vendor/MSFT/DeviceStatus/OS/Edition  -> 404 Not found 0x86000002 CFGMGR_E_NODENOTFOUND: there is no node at this URI
  1/4    Replace  ./Device/Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength (int) 6  -> no status
  1/5    Add      ./Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart (int) 8  -> no status
  1/6    Atomic   -  -> 200 OK
  1/7    Replace  ./Device/Vendor/MSFT/Policy/Config/Browser/AllowDoNotTrack (int) 1  -> no status
         = ./Vendor/MSFT/Policy/Result/Settings/PageVisibilityList (xml) <Settings>h…
  1/8    Delete   ./Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera  -> no status
  1/9    Replace  ./Device/Vendor/MSFT/Policy/Config/ADMX_Power/DCStandbyTimeOut_2 (chr) <enabled/><…  -> no status
  1/10   Add      ./Vendor/MSFT/RootCATrustedCertificates/Root/0D46B0A8E2B1D3C4F5A6B7C8D9E0F1A2B3C4D5E6/EncodedCertificate (b64) MIIBszCCAVm…  -> no status
  1/11   Sequence -  -> no status
  1/12   Exec     ./Vendor/MSFT/RemoteWipe/doWipe (chr)  -> no status
===
# --validate with errors (a nested Atomic): beside the commands, exit 1; JSON per message.
cmd: dm-trace --validate trace/invalid.xml; echo "exit $?"; dm-trace --validate --format json trace/invalid.xml | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(m["msg_id"], m["from"], [f["rule"] for f in m["findings"]]) for m in d["sessions"][0]["messages"]])'
exit: 0
--- stdout
session 1 (SessionID 7) device IMEI:1 server https://dm.example.net/dm: 1 device message, 1 server message
  2/2    Atomic   -  -> 507 Atomic failed
         error: Atomic contains a nested Atomic: the outer Atomic fails [atomic-nested]
  2/3    Atomic   -  -> 500 Command failed
         error: Atomic inside Atomic is not supported [atomic-nested]
  2/4    Replace  ./Vendor/A 1  -> 215 Not executed
exit 1
[('2', 'server', ['atomic-nested', 'atomic-nested']), ('3', 'device', [])]
===
# WBXML messages one after another (package 1, the server's package 2, the device's package 3,
# each from syncml-encode): split where each document ends and read as one session. The
# device's own commands of package 1 are rows marked "device": the server answered its Alert
# 1201 (200), not the 1224 nor the Replace of DevInfo.
cmd: (syncml-encode messages/windows-package1.xml; syncml-encode messages/server-package2.xml; syncml-encode messages/client-package3-results.xml) | dm-trace -v -
exit: 0
--- stdout
session 1 (SessionID 1) device B5B954E81FBCB94EB79BD08BE625F4EE server https://mdm.example.com/ManagementServer/MDM.svc: 2 device messages, 1 server message
  1/2    device Alert - 1201  -> 200 OK
  1/3    device Alert com.microsoft/MDM/LoginStatus 1224 user  -> no status
  1/4    device Replace ./DevInfo/DevId B5B954E81FBCB94EB79BD08BE…  -> no status
  1/4    device Replace ./DevInfo/Man Contoso Ltd.  -> no status
  1/4    device Replace ./DevInfo/Mod Surface Laptop 5  -> no status
  1/4    device Replace ./DevInfo/DmV 1.3  -> no status
  1/4    device Replace ./DevInfo/Lang en-US  -> no status
  1/3    Get      ./DevDetail/SwV  -> 200 OK
         = ./DevDetail/SwV (chr) 10.0.26100.2033
  1/3    Get      ./Vendor/MSFT/DeviceStatus/OS/Edition  -> 404 Not found 0x86000002 CFGMGR_E_NODENOTFOUND: there is no node at this URI
  1/4    Replace  ./Device/Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength (int) 6  -> no status
  1/5    Add      ./Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart (int) 8  -> no status
  1/6    Atomic   -  -> 200 OK
  1/7    Replace  ./Device/Vendor/MSFT/Policy/Config/Browser/AllowDoNotTrack (int) 1  -> no status
         = ./Vendor/MSFT/Policy/Result/Settings/PageVisibilityList (xml) <Settings>h…
  1/8    Delete   ./Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera  -> no status
  1/9    Replace  ./Device/Vendor/MSFT/Policy/Config/ADMX_Power/DCStandbyTimeOut_2 (chr) <enabled/><…  -> no status
  1/10   Add      ./Vendor/MSFT/RootCATrustedCertificates/Root/0D46B0A8E2B1D3C4F5A6B7C8D9E0F1A2B3C4D5E6/EncodedCertificate (b64) MIIBszCCAVm…  -> no status
  1/11   Sequence -  -> no status
  1/12   Exec     ./Vendor/MSFT/RemoteWipe/doWipe (chr)  -> no status
--- stderr
dm-trace: 3 messages read, 0 skipped
===
# --extract names them by session and MsgID, decoded to XML.
cmd: d=$(mktemp -d) && (syncml-encode messages/windows-package1.xml; syncml-encode messages/server-package2.xml; syncml-encode messages/client-package3-results.xml) | dm-trace -q --extract "$d/x" - >/dev/null && ls "$d/x" && grep -c '<Alert>' "$d/x/s001-1-m1-device.xml" && rm -rf "$d"
exit: 0
--- stdout
s001-1-m1-device.xml
s001-1-m1-server.xml
s001-1-m2-device.xml
2
===
# The second message cut short: the first is shown; a note says where reading stopped and
# from where the message was read.
cmd: (syncml-encode messages/windows-package1.xml; syncml-encode messages/server-package2.xml | head -c 200) | dm-trace -
exit: 0
--- stdout
session 1 (SessionID 1) device B5B954E81FBCB94EB79BD08BE625F4EE server https://mdm.example.com/ManagementServer/MDM.svc: 1 device message, 0 server messages
  1/2    device Alert - 1201  -> no status
  1/3    device Alert com.microsoft/MDM/LoginStatus 1224 user  -> no status
  1/4    device Replace ./DevInfo/DevId B5B954E81FBCB94EB79BD08BE…  -> no status
  1/4    device Replace ./DevInfo/Man Contoso Ltd.  -> no status
  1/4    device Replace ./DevInfo/Mod Surface Laptop 5  -> no status
  1/4    device Replace ./DevInfo/DmV 1.3  -> no status
  1/4    device Replace ./DevInfo/Lang en-US  -> no status
--- stderr
dm-trace: -: offset 608: message 2 (from offset 413): truncated: inline string without its terminating NUL; skipped
===
# Bytes after the last WBXML message that are no message: a note with their offset.
cmd: (syncml-encode messages/windows-package1.xml; syncml-encode messages/server-package2.xml; printf 'trailer') | dm-trace --grep ./DevDetail/SwV -
exit: 0
--- stdout
session 1 (SessionID 1) device B5B954E81FBCB94EB79BD08BE625F4EE server https://mdm.example.com/ManagementServer/MDM.svc: 1 device message, 1 server message
  1/3    Get      ./DevDetail/SwV  -> no status
--- stderr
dm-trace: -: offset 1537: 7 bytes after message 2 that are not a message; skipped
===
# The device's own commands (an unenrollment): Alert 1201, the login status (1224), the
# unenrollment generic alert (1226, its Type beside it) and DevInfo, each paired with the
# server's Status.
cmd: dm-trace trace/unenroll.xml
exit: 0
--- stdout
session 1 (SessionID 3) device B5B954E81FBCB94EB79BD08BE625F4EE server https://mdm.example.com/ManagementServer/MDM.svc: 1 device message, 1 server message
  1/2    device Alert - 1201  -> 200 OK
  1/3    device Alert com.microsoft/MDM/LoginStatus 1224 user  -> 200 OK
  1/4    device Alert com.microsoft:mdm.unenrollment.userrequest (int) 1226 1  -> 200 OK
  1/5    device Replace ./DevInfo/DevId B5B954E81FBCB94EB79BD08BE625…  -> 200 OK
  1/5    device Replace ./DevInfo/Man Contoso Ltd.  -> 200 OK
  1/5    device Replace ./DevInfo/Mod Surface Laptop 5  -> 200 OK
  1/5    device Replace ./DevInfo/DmV 1.3  -> 200 OK
  1/5    device Replace ./DevInfo/Lang en-US  -> 200 OK
===
# The same as JSON Lines: "from" says who sent the command, "type" an alert's Meta Type.
cmd: dm-trace --format jsonl --grep './DevInfo/D*' trace/unenroll.xml; dm-trace --format json trace/unenroll.xml | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(c["msg_id"], c["cmd_id"], c["from"], c["cmd"], c["type"], c["data"], c["status"]) for c in d["sessions"][0]["commands"] if c["cmd"] == "Alert"])'
exit: 0
--- stdout
{"session_id":"3","device":"B5B954E81FBCB94EB79BD08BE625F4EE","msg_id":"1","cmd_id":"5","cmd":"Replace","target":"./DevInfo/DevId","data":"B5B954E81FBCB94EB79BD08BE625F4EE","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[],"ms":null,"from":"device","type":""}
{"session_id":"3","device":"B5B954E81FBCB94EB79BD08BE625F4EE","msg_id":"1","cmd_id":"5","cmd":"Replace","target":"./DevInfo/DmV","data":"1.3","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[],"ms":null,"from":"device","type":""}
[('1', '2', 'device', 'Alert', '', '1201', 200), ('1', '3', 'device', 'Alert', 'com.microsoft/MDM/LoginStatus', '1224 user', 200), ('1', '4', 'device', 'Alert', 'com.microsoft:mdm.unenrollment.userrequest', '1226 1', 200)]
