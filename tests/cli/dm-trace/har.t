# A HAR recorded by dm-send --har against the test server (MD5, XML): the session rebuilt, the
# challenge round included, every server command with the device's status and results.
cmd: dm-trace trace/session-md5.har
exit: 0
--- stdout
session 1 (SessionID 4466) device IMEI:493005100592800 server http://127.0.0.1:34131/dm: 5 device messages, 5 server messages
  message 1 (server): SyncHdr status 407 Missing credentials
  1/1    device Alert - 1201  -> 407 Missing credentials  16 ms
  1/2    device Replace ./DevInfo/DevId IMEI:493005…  -> 407 Missing credentials  16 ms
  1/2    device Replace ./DevInfo/Man syncml-dm-t…  -> 407 Missing credentials  16 ms
  1/2    device Replace ./DevInfo/Mod dm-send  -> 407 Missing credentials  16 ms
  1/2    device Replace ./DevInfo/DmV 1.3  -> 407 Missing credentials  16 ms
  1/2    device Replace ./DevInfo/Lang en-US  -> 407 Missing credentials  16 ms
  2/2    device Alert - 1201  -> 200 OK  7 ms
  2/3    device Replace ./DevInfo/DevId IMEI:493005100592800  -> 200 OK  7 ms
  2/3    device Replace ./DevInfo/Man syncml-dm-tools  -> 200 OK  7 ms
  2/3    device Replace ./DevInfo/Mod dm-send  -> 200 OK  7 ms
  2/3    device Replace ./DevInfo/DmV 1.3  -> 200 OK  7 ms
  2/3    device Replace ./DevInfo/Lang en-US  -> 200 OK  7 ms
  2/4    Get      ./DevInfo/Mod  -> 200 OK  7 ms
         = ./DevInfo/Mod dm-send
  2/5    Add      ./Vendor (node)  -> 200 OK  7 ms
  2/6    Add      ./Vendor/Setting (chr) first  -> 200 OK  7 ms
  3/2    Replace  ./Vendor/Setting second  -> 200 OK  9 ms
  3/3    Add      ./Vendor/Gone x  -> 200 OK  9 ms
  3/4    Delete   ./Vendor/Gone  -> 200 OK  9 ms
  3/5    Get      ./Vendor/Missing  -> 404 Not found  9 ms
  3/6    Atomic   -  -> 507 Atomic failed  9 ms
  3/7    Replace  ./Vendor/Setting rolled-back  -> 216 Atomic roll back OK  9 ms
  3/8    Replace  ./Vendor/NoSuchNode fails  -> 404 Not found  9 ms
  3/9    Exec     ./Vendor/Setting run  -> 200 OK  9 ms
  4/2    Get      ./Vendor/Setting  -> 200 OK  1 ms
         = ./Vendor/Setting second
===
# WBXML bodies in Base64 (HMAC session): the same commands.
cmd: dm-trace trace/session-wbxml.har
exit: 0
--- stdout
session 1 (SessionID 4538) device IMEI:493005100592800 server http://127.0.0.1:38615/dm: 5 device messages, 5 server messages
  message 1 (server): SyncHdr status 407 Missing credentials
  1/1    device Alert - 1201  -> 407 Missing credentials  9 ms
  1/2    device Replace ./DevInfo/DevId IMEI:493005…  -> 407 Missing credentials  9 ms
  1/2    device Replace ./DevInfo/Man syncml-dm-t…  -> 407 Missing credentials  9 ms
  1/2    device Replace ./DevInfo/Mod dm-send  -> 407 Missing credentials  9 ms
  1/2    device Replace ./DevInfo/DmV 1.3  -> 407 Missing credentials  9 ms
  1/2    device Replace ./DevInfo/Lang en-US  -> 407 Missing credentials  9 ms
  2/2    device Alert - 1201  -> 200 OK  11 ms
  2/3    device Replace ./DevInfo/DevId IMEI:493005100592800  -> 200 OK  11 ms
  2/3    device Replace ./DevInfo/Man syncml-dm-tools  -> 200 OK  11 ms
  2/3    device Replace ./DevInfo/Mod dm-send  -> 200 OK  11 ms
  2/3    device Replace ./DevInfo/DmV 1.3  -> 200 OK  11 ms
  2/3    device Replace ./DevInfo/Lang en-US  -> 200 OK  11 ms
  2/4    Get      ./DevInfo/Mod  -> 200 OK  11 ms
         = ./DevInfo/Mod dm-send
  2/5    Add      ./Vendor (node)  -> 200 OK  11 ms
  2/6    Add      ./Vendor/Setting (chr) first  -> 200 OK  11 ms
  3/2    Replace  ./Vendor/Setting second  -> 200 OK  6 ms
  3/3    Add      ./Vendor/Gone x  -> 200 OK  6 ms
  3/4    Delete   ./Vendor/Gone  -> 200 OK  6 ms
  3/5    Get      ./Vendor/Missing  -> 404 Not found  6 ms
  3/6    Atomic   -  -> 507 Atomic failed  6 ms
  3/7    Replace  ./Vendor/Setting rolled-back  -> 216 Atomic roll back OK  6 ms
  3/8    Replace  ./Vendor/NoSuchNode fails  -> 404 Not found  6 ms
  3/9    Exec     ./Vendor/Setting run  -> 200 OK  6 ms
  4/2    Get      ./Vendor/Setting  -> 200 OK  6 ms
         = ./Vendor/Setting second
===
# A server package over four messages (Alert 1222 in between): one session, four Gets, each paired.
cmd: dm-trace trace/session-split.har
exit: 0
--- stdout
session 1 (SessionID 544) device IMEI:493005100592800 server http://127.0.0.1:35991/dm: 5 device messages, 5 server messages
  1/1    device Alert - 1201  -> 200 OK  11 ms
  1/2    device Replace ./DevInfo/DevId IMEI:493005100592800  -> 200 OK  11 ms
  1/2    device Replace ./DevInfo/Man syncml-dm-tools  -> 200 OK  11 ms
  1/2    device Replace ./DevInfo/Mod dm-send  -> 200 OK  11 ms
  1/2    device Replace ./DevInfo/DmV 1.3  -> 200 OK  11 ms
  1/2    device Replace ./DevInfo/Lang en-US  -> 200 OK  11 ms
  1/4    Get      ./DevInfo/DevId  -> 200 OK  11 ms
         = ./DevInfo/DevId IMEI:493005100592800
  2/3    Get      ./DevInfo/Man  -> 200 OK  0 ms
         = ./DevInfo/Man syncml-dm-tools
  3/3    Get      ./DevInfo/Mod  -> 200 OK  1 ms
         = ./DevInfo/Mod dm-send
  4/3    Get      ./DevInfo/Lang  -> 200 OK  0 ms
         = ./DevInfo/Lang en-US
===
# Large objects both ways: the Add's Data joined over its chunks (213 between), the device's
# Results joined likewise.
cmd: dm-trace --format json trace/session-large.har | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(c["cmd"], c["target"], len(c["data"]), c["status"], [len(r["data"]) for r in c["results"]]) for c in d["sessions"][0]["commands"]])'
exit: 0
--- stdout
[('Alert', '', 4, 200, []), ('Replace', './DevInfo/DevId', 20, 200, []), ('Replace', './DevInfo/Man', 15, 200, []), ('Replace', './DevInfo/Mod', 7, 200, []), ('Replace', './DevInfo/DmV', 3, 200, []), ('Replace', './DevInfo/Lang', 5, 200, []), ('Add', './Vendor', 0, 200, []), ('Add', './Vendor/Blob', 5976, 200, []), ('Get', './Vendor/Blob', 0, 200, [5976]), ('Get', './DevInfo/Man', 0, 200, [15])]
===
# --format json: the documented schema.
cmd: dm-trace --format json trace/session-split.har
exit: 0
--- stdout
{"sessions": [
  {"session_id":"544","device":"IMEI:493005100592800","server":"http://127.0.0.1:35991/dm","messages":[{"msg_id":"1","from":"device","place":"trace/session-split.har: entry 1 request","bytes":793,"encoding":"xml","commands":2,"ms":null,"header_status":null},{"msg_id":"1","from":"server","place":"trace/session-split.har: entry 1 response","bytes":771,"encoding":"xml","commands":4,"ms":11.083,"header_status":200},{"msg_id":"2","from":"device","place":"trace/session-split.har: entry 2 request","bytes":700,"encoding":"xml","commands":4,"ms":null,"header_status":200},{"msg_id":"2","from":"server","place":"trace/session-split.har: entry 2 response","bytes":666,"encoding":"xml","commands":3,"ms":0.427,"header_status":200},{"msg_id":"3","from":"device","place":"trace/session-split.har: entry 3 request","bytes":693,"encoding":"xml","commands":4,"ms":null,"header_status":200},{"msg_id":"3","from":"server","place":"trace/session-split.har: entry 3 response","bytes":666,"encoding":"xml","commands":3,"ms":0.549,"header_status":200},{"msg_id":"4","from":"device","place":"trace/session-split.har: entry 4 request","bytes":685,"encoding":"xml","commands":4,"ms":null,"header_status":200},{"msg_id":"4","from":"server","place":"trace/session-split.har: entry 4 response","bytes":675,"encoding":"xml","commands":3,"ms":0.34,"header_status":200},{"msg_id":"5","from":"device","place":"trace/session-split.har: entry 5 request","bytes":644,"encoding":"xml","commands":3,"ms":null,"header_status":200},{"msg_id":"5","from":"server","place":"trace/session-split.har: entry 5 response","bytes":486,"encoding":"xml","commands":1,"ms":0.249,"header_status":200}],"commands":[{"msg_id":"1","cmd_id":"1","cmd":"Alert","target":"","data":"1201","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[],"ms":11.083,"from":"device","type":""},{"msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./DevInfo/DevId","data":"IMEI:493005100592800","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[],"ms":11.083,"from":"device","type":""},{"msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./DevInfo/Man","data":"syncml-dm-tools","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[],"ms":11.083,"from":"device","type":""},{"msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./DevInfo/Mod","data":"dm-send","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[],"ms":11.083,"from":"device","type":""},{"msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./DevInfo/DmV","data":"1.3","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[],"ms":11.083,"from":"device","type":""},{"msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./DevInfo/Lang","data":"en-US","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[],"ms":11.083,"from":"device","type":""},{"msg_id":"1","cmd_id":"4","cmd":"Get","target":"./DevInfo/DevId","data":"","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[{"source":"./DevInfo/DevId","format":"","data":"IMEI:493005100592800"}],"ms":11.083,"from":"server","type":""},{"msg_id":"2","cmd_id":"3","cmd":"Get","target":"./DevInfo/Man","data":"","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[{"source":"./DevInfo/Man","format":"","data":"syncml-dm-tools"}],"ms":0.427,"from":"server","type":""},{"msg_id":"3","cmd_id":"3","cmd":"Get","target":"./DevInfo/Mod","data":"","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[{"source":"./DevInfo/Mod","format":"","data":"dm-send"}],"ms":0.549,"from":"server","type":""},{"msg_id":"4","cmd_id":"3","cmd":"Get","target":"./DevInfo/Lang","data":"","status":200,"meaning":"OK","hresult":null,"hresult_meaning":null,"results":[{"source":"./DevInfo/Lang","format":"","data":"en-US"}],"ms":0.34,"from":"server","type":""}]}
]}
===
# --format jsonl with --failed: a line per failing command; exit 1 because some failed.
cmd: dm-trace --format jsonl --failed trace/session-md5.har
exit: 1
--- stdout
{"session_id":"4466","device":"IMEI:493005100592800","msg_id":"1","cmd_id":"1","cmd":"Alert","target":"","data":"1201","status":407,"meaning":"Missing credentials","hresult":null,"hresult_meaning":null,"results":[],"ms":16.47,"from":"device","type":""}
{"session_id":"4466","device":"IMEI:493005100592800","msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./DevInfo/DevId","data":"IMEI:493005100592800","status":407,"meaning":"Missing credentials","hresult":null,"hresult_meaning":null,"results":[],"ms":16.47,"from":"device","type":""}
{"session_id":"4466","device":"IMEI:493005100592800","msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./DevInfo/Man","data":"syncml-dm-tools","status":407,"meaning":"Missing credentials","hresult":null,"hresult_meaning":null,"results":[],"ms":16.47,"from":"device","type":""}
{"session_id":"4466","device":"IMEI:493005100592800","msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./DevInfo/Mod","data":"dm-send","status":407,"meaning":"Missing credentials","hresult":null,"hresult_meaning":null,"results":[],"ms":16.47,"from":"device","type":""}
{"session_id":"4466","device":"IMEI:493005100592800","msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./DevInfo/DmV","data":"1.3","status":407,"meaning":"Missing credentials","hresult":null,"hresult_meaning":null,"results":[],"ms":16.47,"from":"device","type":""}
{"session_id":"4466","device":"IMEI:493005100592800","msg_id":"1","cmd_id":"2","cmd":"Replace","target":"./DevInfo/Lang","data":"en-US","status":407,"meaning":"Missing credentials","hresult":null,"hresult_meaning":null,"results":[],"ms":16.47,"from":"device","type":""}
{"session_id":"4466","device":"IMEI:493005100592800","msg_id":"3","cmd_id":"5","cmd":"Get","target":"./Vendor/Missing","data":"","status":404,"meaning":"Not found","hresult":null,"hresult_meaning":null,"results":[],"ms":8.67,"from":"server","type":""}
{"session_id":"4466","device":"IMEI:493005100592800","msg_id":"3","cmd_id":"6","cmd":"Atomic","target":"","data":"","status":507,"meaning":"Atomic failed","hresult":null,"hresult_meaning":null,"results":[],"ms":8.67,"from":"server","type":""}
{"session_id":"4466","device":"IMEI:493005100592800","msg_id":"3","cmd_id":"8","cmd":"Replace","target":"./Vendor/NoSuchNode","data":"fails","status":404,"meaning":"Not found","hresult":null,"hresult_meaning":null,"results":[],"ms":8.67,"from":"server","type":""}
===
# --grep: one area of the tree ('*' crosses '/').
cmd: dm-trace --grep './Vendor/*' --failed trace/session-md5.har
exit: 1
--- stdout
session 1 (SessionID 4466) device IMEI:493005100592800 server http://127.0.0.1:34131/dm: 5 device messages, 5 server messages
  message 1 (server): SyncHdr status 407 Missing credentials
  3/5    Get      ./Vendor/Missing  -> 404 Not found  9 ms
  3/8    Replace  ./Vendor/NoSuchNode fails  -> 404 Not found  9 ms
===
# --session with an id not in the capture: nothing shown.
cmd: dm-trace --session 99 trace/session-md5.har
exit: 0
===
# Standard input, sniffed as HAR.
cmd: dm-trace --grep './DevInfo/*' -
stdin: trace/session-split.har
exit: 0
--- stdout
session 1 (SessionID 544) device IMEI:493005100592800 server http://127.0.0.1:35991/dm: 5 device messages, 5 server messages
  1/2    device Replace ./DevInfo/DevId IMEI:493005100592800  -> 200 OK  11 ms
  1/2    device Replace ./DevInfo/Man syncml-dm-tools  -> 200 OK  11 ms
  1/2    device Replace ./DevInfo/Mod dm-send  -> 200 OK  11 ms
  1/2    device Replace ./DevInfo/DmV 1.3  -> 200 OK  11 ms
  1/2    device Replace ./DevInfo/Lang en-US  -> 200 OK  11 ms
  1/4    Get      ./DevInfo/DevId  -> 200 OK  11 ms
         = ./DevInfo/DevId IMEI:493005100592800
  2/3    Get      ./DevInfo/Man  -> 200 OK  0 ms
         = ./DevInfo/Man syncml-dm-tools
  3/3    Get      ./DevInfo/Mod  -> 200 OK  1 ms
         = ./DevInfo/Mod dm-send
  4/3    Get      ./DevInfo/Lang  -> 200 OK  0 ms
         = ./DevInfo/Lang en-US
===
# Lines are cut to the width (COLUMNS); --full shows Data whole.
cmd: COLUMNS=60 dm-trace --grep ./Vendor/Blob trace/session-large.har && dm-trace --full --grep ./Vendor/Blob trace/session-large.har | wc -c
exit: 0
--- stdout
session 1 (SessionID 9319) device IMEI:493005100592800 server http://127.0.0.1:34203/dm: 17 device messages, 17 server messages
  2/3    Add      ./Vendor/Blob (chr) X+zrZv/Ibzj…  -> 200 OK  1 ms
  8/2    Get      ./Vendor/Blob  -> 200 OK  0 ms
         = ./Vendor/Blob X+zrZv/IbzjZUnhsbWlsecLbwjndTpG0Zy…
12211
===
# Colour on demand: failures red.
cmd: dm-trace --color always --failed --grep ./Vendor/Missing trace/session-md5.har
exit: 1
--- stdout
session 1 (SessionID 4466) device IMEI:493005100592800 server http://127.0.0.1:34131/dm: 5 device messages, 5 server messages
  message 1 (server): SyncHdr status 407 Missing credentials
  3/5    Get      ./Vendor/Missing  -> [31m404 Not found  9 ms[0m
