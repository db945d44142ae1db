# A SyncML status, a DM client HRESULT, Intune's negative decimal of a status and an enrolment
# error written without 0x.
cmd: dm-trace explain 404 0x86000002 -2016345612 80180014
exit: 0
--- stdout
404 Not found (syncml-status)
  the node does not exist
  source: SyncML RepPro 1.2, status codes

0x86000002 CFGMGR_E_NODENOTFOUND (hresult, -2046820350)
  there is no node at this URI
  source: Windows SDK cfgmgr2err.h

500 Command failed (syncml-status, -2016345612)
  generic failure
  Intune's 0x87D101F4 (-2016345612) is SyncML status 500
  source: SyncML RepPro 1.2, status codes; Windows MDM SyncML error codes as Intune reports them (0x87D10000 + status)

0x80180014 MENROLL_E_DEVICENOTSUPPORTED (enrollment, -2145910764)
  this platform or version is not supported; upgrading the device may help
  source: [MS-MDE2] 2.2.10 Faults; Learn: MDM registration error values
===
# Unknown codes: their class, exit status 1.
cmd: dm-trace explain 499 0x801800FF 0x80070003
exit: 1
--- stdout
499 unknown (syncml-status)
  unknown: 4xx: originator error (the request was wrong)

0x801800FF unknown (enrollment, -2145910529)
  unknown: failure HRESULT of facility 24 (device enrolment, MENROLL_*)

0x80070003 unknown (hresult, -2147024893)
  unknown: failure HRESULT of Win32 error 3
===
# A token that is no code: said, the others still explained, exit status 2.
cmd: dm-trace explain 212 nope
exit: 2
--- stdout
212 Authentication accepted (syncml-status)
  authenticated for the rest of the session
  source: SyncML RepPro 1.2, status codes
--- stderr
dm-trace: error: 'nope' is not a code: give a SyncML status (404), an HRESULT as 0x86000002, 86000002 or -2046820350, or its unsigned decimal
===
# JSON: Intune's -2016345060 is 0x87D1041C.
cmd: dm-trace explain --format json -2016345060 2248146946
exit: 0
--- stdout
{
  "codes": [
    {
      "code": "0x87D1041C",
      "decimal": -2016345060,
      "kind": "hresult",
      "known": true,
      "meaning": "the application was not detected after its installation reported success",
      "name": "(Intune Management Extension)",
      "note": "Intune's negative decimal -2016345060 is 0x87D1041C",
      "source": "Intune Management Extension Win32 app errors (Intune troubleshooting guides)",
      "token": "-2016345060"
    },
    {
      "code": "0x86000002",
      "decimal": -2046820350,
      "kind": "hresult",
      "known": true,
      "meaning": "there is no node at this URI",
      "name": "CFGMGR_E_NODENOTFOUND",
      "source": "Windows SDK cfgmgr2err.h",
      "token": "2248146946"
    }
  ]
}
===
# The parent's --format json works too.
cmd: dm-trace --format json explain 418 | grep -c '"name": "Already exists"'
exit: 0
--- stdout
1
===
# No code at all.
cmd: dm-trace explain
exit: 2
--- stderr
dm-trace: CODE is required
dm-trace: try 'dm-trace explain --help' for more information
