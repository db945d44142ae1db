# dm-send benchmark: 1,000 sequential sessions against scripts/dm-test-server on loopback, over
# HTTP and HTTPS, reporting dm-send's own CPU time (user + system) per session of six messages,
# side by side: one process per session (reference: curl posting the same three requests in one
# process, the floor of that way), and one process playing all sessions (--repeat).
# Run by scripts/bench (PATH has our tools, BENCH_WORK is a scratch folder).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${BENCH_WORK:-$(mktemp -d)}
SESSIONS=${SEND_BENCH_SESSIONS:-1000}
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

python3 - "$root" "$work" "$SESSIONS" <<'PY'
import os, resource, shutil, subprocess, sys, time
root, work, sessions = sys.argv[1], sys.argv[2], int(sys.argv[3])
server = os.path.join(root, "scripts", "dm-test-server")
script = os.path.join(root, "testdata", "net", "bench-session.xml")
package1 = os.path.join(root, "testdata", "net", "package1.xml")

def start(*extra):
    p = subprocess.Popen([sys.executable, server, "--script", script, "--lifetime", "3600", *extra],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return p, p.stdout.readline().strip()

def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def run(label, n, make_cmd, sessions_per_run=1):
    """Runs n processes; returns the CPU seconds per session."""
    # The server is a child too, but it is only counted once it exits (after the measurement).
    cpu0, t0 = children_cpu(), time.perf_counter()
    for i in range(n):
        subprocess.run(make_cmd(i), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    cpu, wall = children_cpu() - cpu0, time.perf_counter() - t0
    per = n * sessions_per_run
    print(f"{label:<46} {cpu / per * 1000:8.2f} ms CPU  {wall / per * 1000:8.2f} ms wall  per session")
    return cpu / per

state = os.path.join(work, "bench.tnds")
results = {}
for scheme in ("http", "https"):
    extra = ["--cert", os.path.join(work, "cert.pem"), "--key", os.path.join(work, "key.pem")] if scheme == "https" else []
    tls = ["--cacert", os.path.join(work, "cert.pem")] if scheme == "https" else []
    srv, url = start(*extra)
    try:
        if os.path.exists(state):
            os.remove(state)
        subprocess.run(["dm-send", *tls, "--session", "--state", state, url], check=True, stdout=subprocess.DEVNULL)
        results[("dm-send", scheme)] = run(f"dm-send --session ({scheme}, 6 messages)", sessions,
            lambda i: ["dm-send", *tls, "--session", "--state", state, "--session-id", str(i % 9999 + 1), url])
        results[("repeat", scheme)] = run(f"dm-send --session --repeat {sessions} ({scheme})", 1,
            lambda i: ["dm-send", *tls, "--session", "--state", state, "--session-id", "1", "--repeat", str(sessions), url],
            sessions)
        results[("curl", scheme)] = run(f"curl, 3 POSTs in one process ({scheme})", sessions,
            lambda i: ["curl", "-s", *(["--cacert", tls[1]] if tls else []), "-H", "Content-Type: application/vnd.syncml.dm+xml",
                       "--data-binary", "@" + package1, url, "--next", "-s", *(["--cacert", tls[1]] if tls else []),
                       "-H", "Content-Type: application/vnd.syncml.dm+xml", "--data-binary", "@" + package1, url,
                       "--next", "-s", *(["--cacert", tls[1]] if tls else []), "-H", "Content-Type: application/vnd.syncml.dm+xml",
                       "--data-binary", "@" + package1, url])
    finally:
        srv.terminate()
        srv.wait()
print()
for scheme in ("http", "https"):
    d, c, r = results[("dm-send", scheme)], results[("curl", scheme)], results[("repeat", scheme)]
    print(f"{scheme}: a process per session uses {d / c:.2f}x the CPU of curl doing the same three round trips; "
          f"one process for all sessions uses {r * 1000:.2f} ms per session, {d / r:.0f}x less "
          f"(target: under 1 ms of CPU per session: {'met' if r < 0.001 else 'not met'} with --repeat)")
PY
