# A HAR cut short: an error with the place, exit 3.
cmd: dm-trace trace/truncated.har
exit: 3
--- stderr
dm-trace: trace/truncated.har: offset 9912: truncated HAR: the input ends inside entry 4
===
# JSON that is not HAR.
cmd: dm-trace trace/not-har.json
exit: 3
--- stderr
dm-trace: trace/not-har.json: offset 0: JSON that is not HAR: no log.entries array
===
# Bodies that do not decode or are not SyncML are skipped with a note; the rest is shown, and
# the device's answers to the commands lost with them are shown as unpaired.
cmd: dm-trace trace/bad-bodies.har
exit: 0
--- stdout
session 1 (SessionID 4538) device IMEI:493005100592800 server http://127.0.0.1:38615/dm: 3 device messages, 1 server message
  message 1 (server): SyncHdr status 407 Missing credentials
  1/1    device Alert - 1201  -> 407 Missing credentials  9 ms
  1/2    device Replace ./DevInfo/DevId IMEI:493005…  -> 407 Missing credentials  9 ms
  1/2    device Replace ./DevInfo/Man syncml-dm-t…  -> 407 Missing credentials  9 ms
  1/2    device Replace ./DevInfo/Mod dm-send  -> 407 Missing credentials  9 ms
  1/2    device Replace ./DevInfo/DmV 1.3  -> 407 Missing credentials  9 ms
  1/2    device Replace ./DevInfo/Lang en-US  -> 407 Missing credentials  9 ms
  2/2    device Alert - 1201  -> no status
  2/3    device Replace ./DevInfo/DevId IMEI:493005100592800  -> no status
  2/3    device Replace ./DevInfo/Man syncml-dm-tools  -> no status
  2/3    device Replace ./DevInfo/Mod dm-send  -> no status
  2/3    device Replace ./DevInfo/DmV 1.3  -> no status
  2/3    device Replace ./DevInfo/Lang en-US  -> no status
  ?2/4   Get      -  -> 200 OK (unpaired: the command is not in the capture)
  ?2/4   Results  -  -> results (unpaired: the command is not in the capture)
         = ./DevInfo/Mod dm-send
  ?2/5   Add      -  -> 200 OK (unpaired: the command is not in the capture)
  ?2/6   Add      -  -> 200 OK (unpaired: the command is not in the capture)
--- stderr
dm-trace: trace/bad-bodies.har: entry 2 response: the body's Base64 does not decode; skipped
dm-trace: trace/bad-bodies.har: entry 3 response: not a SyncML message (text/html): line 1, column 1: not a SyncML message (root element <html>, expected <SyncML>); skipped
===
# References that point nowhere: shown as unpaired, not dropped.
cmd: dm-trace messages/client-package3-results.xml
exit: 0
--- stdout
session 1 (SessionID 1) device B5B954E81FBCB94EB79BD08BE625F4EE server https://mdm.example.com/ManagementServer/MDM.svc: 1 device message, 0 server messages
  ?1/3   Get      ./DevDetail/SwV  -> 200 OK (unpaired: the command is not in the capture)
  ?1/3   Get      ./Vendor/MSFT/DeviceStatus/OS/Edition  -> 404 Not found 0x86000002 CFGMGR_E_NODENOTFOUND: there is no node at this URI (unpaired: the command is not in the capture)
  ?1/6   Atomic   -  -> 200 OK (unpaired: the command is not in the capture)
  ?1/3   Results  -  -> results (unpaired: the command is not in the capture)
         = ./DevDetail/SwV (chr) 10.0.26100.2033
  ?1/7   Results  -  -> results (unpaired: the command is not in the capture)
         = ./Vendor/MSFT/Policy/Result/Settings/PageVisibilityList (xml) <Settings>h…
===
# Nothing SyncML at all.
cmd: dm-trace trace/not-har.json --input-format messages
exit: 3
--- stderr
dm-trace: trace/not-har.json: not a SyncML message: byte 0: input is not XML, WBXML, hex, Base64 or an HTTP message (first byte 0x7B); skipped
dm-trace: no SyncML message found in the input
===
# A missing file.
cmd: dm-trace trace/no-such.har
exit: 3
--- stderr
dm-trace: trace/no-such.har: cannot read: No such file or directory
===
# Empty input.
cmd: dm-trace -
stdin: trace/empty
exit: 3
--- stderr
dm-trace: -: not a SyncML message: byte 0: empty input; skipped
dm-trace: no SyncML message found in the input
===
# --tls-keylog is for pcap only.
cmd: dm-trace --input-format har --tls-keylog keys.log trace/session-md5.har
exit: 2
--- stderr
dm-trace: --tls-keylog/--port: only for pcap captures
===
# No input.
cmd: dm-trace
exit: 2
--- stderr
dm-trace: INPUT (give a capture file, a folder, or - for standard input) is required
