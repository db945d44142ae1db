#!/usr/bin/env python3
"""Writes a HAR of SESSIONS DM sessions (default 10,000) to OUT, about MB megabytes in all
(default 200): each session is package 1, a server package of Gets and Replaces, the device's
statuses and results, and the server's closing package; every fourth session in WBXML-like
Base64 bodies (text ones otherwise), as proxies export them. For scripts/bench.d/trace.sh."""
import base64, json, sys

out, sessions, megabytes = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000, \
    float(sys.argv[3]) if len(sys.argv) > 3 else 200

def msg(sid, msgid, src, tgt, body):
    return (f'<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>'
            f'<SessionID>{sid}</SessionID><MsgID>{msgid}</MsgID><Target><LocURI>{tgt}</LocURI></Target>'
            f'<Source><LocURI>{src}</LocURI></Source></SyncHdr><SyncBody>{body}<Final/></SyncBody></SyncML>')

def entry(url, req, resp, base64_bodies):
    def content(text):
        if base64_bodies:
            return {"mimeType": "application/vnd.syncml.dm+xml", "text": base64.b64encode(text.encode()).decode(), "encoding": "base64"}
        return {"mimeType": "application/vnd.syncml.dm+xml", "text": text}
    headers = [{"name": "Content-Type", "value": "application/vnd.syncml.dm+xml"}, {"name": "User-Agent", "value": "MSFT OMA DM Client/1.2.0.1"}]
    post = content(req)
    return {"startedDateTime": "2026-01-01T00:00:00.000Z", "time": 12.5,
            "request": {"method": "POST", "url": url, "httpVersion": "HTTP/1.1", "cookies": [], "headers": headers,
                        "queryString": [], "postData": post, "headersSize": -1, "bodySize": len(req)},
            "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [], "headers": headers,
                         "content": dict(content(resp), size=len(resp)), "redirectURL": "", "headersSize": -1, "bodySize": len(resp)},
            "cache": {}, "timings": {"send": 0, "wait": 12.5, "receive": 0}}

target = megabytes * 1e6 / sessions
url = "https://mdm.example.com/ManagementServer/MDM.svc"
with open(out, "w") as f:
    f.write('{"log": {"version": "1.2", "creator": {"name": "gen-trace-har", "version": "1"}, "entries": [\n')
    first = True
    for s in range(sessions):
        dev, sid, b64 = f"IMEI:{350000000000000 + s}", str(s % 65535 + 1), s % 4 == 3
        size, n, entries = 0, 8, []
        while True:
            cmds = "".join(f'<Replace><CmdID>{i + 2}</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/Area{i}/Setting{i}</LocURI></Target>'
                           f'<Meta><Format xmlns="syncml:metinf">int</Format></Meta><Data>{i}</Data></Item></Replace>' for i in range(n))
            cmds += f'<Get><CmdID>{n + 2}</CmdID><Item><Target><LocURI>./DevDetail/SwV</LocURI></Target></Item></Get>'
            stats = '<Status><CmdID>1</CmdID><MsgRef>2</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>'
            stats += "".join(f'<Status><CmdID>{i + 2}</CmdID><MsgRef>1</MsgRef><CmdRef>{i + 2}</CmdRef><Cmd>Replace</Cmd><Data>{200 if i % 7 else 405}</Data></Status>' for i in range(n))
            stats += (f'<Status><CmdID>{n + 2}</CmdID><MsgRef>1</MsgRef><CmdRef>{n + 2}</CmdRef><Cmd>Get</Cmd><Data>200</Data></Status>'
                      f'<Results><CmdID>{n + 3}</CmdID><MsgRef>1</MsgRef><CmdRef>{n + 2}</CmdRef><Item><Source><LocURI>./DevDetail/SwV</LocURI></Source><Data>10.0.26100.2033</Data></Item></Results>')
            p1 = msg(sid, 1, dev, url, '<Alert><CmdID>1</CmdID><Data>1201</Data></Alert>')
            p2 = msg(sid, 1, url, dev, cmds)
            p3 = msg(sid, 2, dev, url, stats)
            p4 = msg(sid, 2, url, dev, '<Status><CmdID>1</CmdID><MsgRef>2</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>')
            entries = [entry(url, p1, p2, b64), entry(url, p3, p4, b64)]
            text = ",\n".join(json.dumps(e) for e in entries)
            if len(text) >= target or n > 4000:
                break
            n = max(n + 1, int(n * target / max(len(text), 1)))
        f.write(("" if first else ",\n") + text)
        first = False
    f.write("\n]}}\n")
