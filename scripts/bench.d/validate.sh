#!/usr/bin/env bash
# dm-validate on a ~20 MB provisioning message and a ~20 MB token-dense one, side by side with
# `xmllint --noout` (libxml2's mere well-formedness check). Targets: dm-validate with every rule
# in at most half of xmllint's time, peak memory at most 3x the input. Run through scripts/bench
# (PATH has the built tools).
set -euo pipefail
work=${BENCH_WORK:-$(mktemp -d)}
runs=${BENCH_RUNS:-5}
command -v xmllint >/dev/null || { echo "validate: xmllint missing (libxml2-utils): skipped"; exit 0; }

# A server package as large provisioning tools send them: policy Replaces in Atomic groups, ADMX
# ingestion with CDATA payloads, MSI installs (Atomic Add + Exec, escaped XML), Base64 files
# (certificates, scripts) and Deletes. Deterministic, so figures compare across runs.
python3 - "$work/prov.xml" <<'EOF'
import base64, random, sys
random.seed(7)
out = []
w = out.append
w('<?xml version="1.0" encoding="utf-8"?>\n<SyncML xmlns="SYNCML:SYNCML1.2">\n<SyncHdr><VerDTD>1.2</VerDTD>'
  '<VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>B5B954E81FBCB94EB79BD08BE625F4EE'
  '</LocURI></Target><Source><LocURI>https://mdm.example.com/ManagementServer/MDM.svc</LocURI></Source></SyncHdr>\n'
  '<SyncBody>\n<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>\n')
cmd = 2
size = 0
def emit(s):
    global size
    w(s); size += len(s)
def replace(uri, fmt, data):
    global cmd
    s = (f'<Replace><CmdID>{cmd}</CmdID><Item><Target><LocURI>{uri}</LocURI></Target><Meta>'
         f'<Format xmlns="syncml:metinf">{fmt}</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta>'
         f'<Data>{data}</Data></Item></Replace>\n')
    cmd += 1
    return s
admx_policy = ('<policy name="L_Setting{0}" class="Machine" displayName="$(string.L_Setting{0})" '
               'explainText="$(string.L_Setting{0}_Explain)" key="Software\\Policies\\Contoso\\App{0}" '
               'valueName="Value{0}"><parentCategory ref="Category1" /><supportedOn ref="windows:SUPPORTED_Windows10" />'
               '<enabledValue><decimal value="1" /></enabledValue><disabledValue><decimal value="0" /></disabledValue></policy>\n')
areas = ["DeviceLock", "Camera", "Browser", "Defender", "Update", "Experience", "Privacy", "Start", "WiFi", "Security"]
i = 0
while size < 20 * 1024 * 1024:
    i += 1
    k = i % 10
    if k < 5:  # an Atomic of policy settings
        s = f'<Atomic><CmdID>{cmd}</CmdID>\n'
        cmd += 1
        for j in range(8):
            area = areas[(i + j) % len(areas)]
            s += replace(f'./Device/Vendor/MSFT/Policy/Config/{area}/Setting{i}x{j}', 'int', str(random.randint(0, 9)))
        emit(s + '</Atomic>\n')
    elif k == 5:  # ADMX ingestion, CDATA payload
        admx = '<?xml version="1.0" encoding="utf-8"?><policyDefinitions revision="1.0" schemaVersion="1.0"><policies>\n'
        admx += ''.join(admx_policy.format(n) for n in range(60)) + '</policies></policyDefinitions>'
        emit(f'<Add><CmdID>{cmd}</CmdID><Item><Target><LocURI>./Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/'
             f'ContosoApp{i}/Policy/File{i}</LocURI></Target><Meta><Format xmlns="syncml:metinf">chr</Format></Meta>'
             f'<Data><![CDATA[{admx}]]></Data></Item></Add>\n')
        cmd += 1
        emit(replace(f'./Device/Vendor/MSFT/Policy/Config/ContosoApp{i}~Policy~Category1/L_Setting1', 'chr',
                     '&lt;enabled/&gt;&lt;data id="Text1" value="on"/&gt;'))
    elif k in (6, 7):  # a Base64 file
        blob = base64.b64encode(random.randbytes(24000)).decode()
        emit(replace(f'./Device/Vendor/MSFT/RootCATrustedCertificates/Root/Cert{i}/EncodedCertificate', 'b64', blob))
    elif k == 8:  # MSI install
        guid = '%7B{:08X}-6BBD-4624-AA9B-0182D136C5E7%7D'.format(i)
        uri = f'./Device/Vendor/MSFT/EnterpriseDesktopAppManagement/MSI/{guid}/DownloadInstall'
        job = ('&lt;MsiInstallJob id="{0}"&gt;&lt;Product Version="1.0.0.0"&gt;&lt;Download&gt;&lt;ContentURLList&gt;'
               '&lt;ContentURL&gt;https://apps.example.com/app{0}.msi&lt;/ContentURL&gt;&lt;/ContentURLList&gt;&lt;/Download&gt;'
               '&lt;Enforcement&gt;&lt;CommandLine&gt;/quiet&lt;/CommandLine&gt;&lt;/Enforcement&gt;&lt;/Product&gt;&lt;/MsiInstallJob&gt;').format(i)
        emit(f'<Atomic><CmdID>{cmd}</CmdID><Add><CmdID>{cmd+1}</CmdID><Item><Target><LocURI>{uri}</LocURI></Target></Item></Add>'
             f'<Exec><CmdID>{cmd+2}</CmdID><Item><Target><LocURI>{uri}</LocURI></Target><Meta><Format xmlns="syncml:metinf">'
             f'xml</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta><Data>{job}</Data></Item></Exec></Atomic>\n')
        cmd += 3
    else:
        emit(f'<Delete><CmdID>{cmd}</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/Camera/Old{i}'
             f'</LocURI></Target></Item></Delete>\n')
        cmd += 1
w('<Final/>\n</SyncBody>\n</SyncML>\n')
open(sys.argv[1], 'w').write(''.join(out))
EOF

# And a token-dense one: a device's reply of Status and Results with values of a few characters,
# where the per-element cost of the DOM, not the text, decides the memory.
python3 "$(dirname "${BASH_SOURCE[0]}")/../lib/gen-dm-message.py" 20000000 "$work/dense.xml" --dense

# Best of N runs: wall-clock, CPU (user + system, which a busy machine distorts less) and peak
# resident memory, from GNU time.
measure() {
  local best_wall=999999 best_cpu=999999 peak=0 wall user sys kb cpu
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
    read -r wall user sys kb <"$work/time.txt"
    wall=$(python3 -c "print(int(float('$wall') * 1000))")
    cpu=$(python3 -c "print(int((float('$user') + float('$sys')) * 1000))")
    [ "$wall" -lt "$best_wall" ] && best_wall=$wall
    [ "$cpu" -lt "$best_cpu" ] && best_cpu=$cpu
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  echo "$best_wall $best_cpu $peak"
}

for case in "prov.xml provisioning" "dense.xml token-dense"; do
  read -r name what <<<"$case"
  file="$work/$name"
  bytes=$(stat -c %s "$file")
  findings=$(dm-validate --format json "$file" | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"])')
  read -r v_wall v_cpu v_kb <<<"$(measure dm-validate -q "$file")"
  read -r x_wall x_cpu x_kb <<<"$(measure xmllint --noout "$file")"
  python3 - "$bytes" "$v_wall" "$v_cpu" "$v_kb" "$x_wall" "$x_cpu" "$x_kb" "$findings" "$what" <<'EOF'
import sys
size, v_wall, v_cpu, v_kb, x_wall, x_cpu, x_kb = map(int, sys.argv[1:8])
findings, what = sys.argv[8], sys.argv[9]
mb = size / 1e6
print(f"input: {mb:.1f} MB {what} message, every rule on (findings: {findings})")
print(f"{'':14}{'wall':>9}{'CPU':>9}{'MB/s (CPU)':>12}{'peak RSS':>11}{'x input':>9}")
for name, wall, cpu, kb in (("dm-validate", v_wall, v_cpu, v_kb), ("xmllint", x_wall, x_cpu, x_kb)):
    print(f"{name:14}{wall:>6} ms{cpu:>6} ms{mb / max(cpu, 1) * 1000:>12.0f}{kb / 1024:>8.1f} MB{kb * 1024 / size:>9.2f}")
for what, v, x in (("wall", v_wall, x_wall), ("CPU", v_cpu, x_cpu)):
    ratio = v / max(x, 1)
    print(f"{what} time ratio dm-validate / xmllint: {ratio:.2f} (target <= 0.50: {'met' if ratio <= 0.5 else 'NOT met'})")
mem = v_kb * 1024 / size
print(f"dm-validate peak memory / input: {mem:.2f} (target <= 3.00: {'met' if mem <= 3 else 'NOT met'})")
print()
EOF
done
