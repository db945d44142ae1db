# Shared by the tests/net/*.sh scripts: a scratch folder, a throw-away TLS certificate, the test
# server on a loopback ephemeral port, and small assertions. Everything started is stopped on exit.
set -euo pipefail
BIN=${SYNCMLDM_BIN:-$(pwd)/build/bin}
SRC=${SYNCMLDM_SOURCE:-$(pwd)}
DATA=$SRC/testdata/net
SERVER=$SRC/scripts/dm-test-server
WORK=$(mktemp -d)
SERVER_PIDS=()
cleanup() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v openssl >/dev/null || { echo "openssl missing: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
export NO_COLOR=1 LC_ALL=C
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy DM_PASSWORD

FAILS=0
CHECKS=0
pass() { CHECKS=$((CHECKS + 1)); echo "ok - $1"; }
fail() { CHECKS=$((CHECKS + 1)); FAILS=$((FAILS + 1)); echo "FAIL - $1"; }
# expect_exit CODE NAME -- command...: runs the command, stdout to $WORK/out, stderr to $WORK/err.
expect_exit() {
  local want=$1 name=$2
  shift 3
  local got=0
  "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  if [ "$got" = "$want" ]; then pass "$name (exit $got)"; else
    fail "$name: exit $got, wanted $want"; sed 's/^/  err: /' "$WORK/err" | head -20; fi
}
expect_grep() {  # expect_grep NAME PATTERN FILE
  if grep -q -- "$2" "$3"; then pass "$1"; else fail "$1: '$2' not in $3"; sed 's/^/  | /' "$3" | head -20; fi
}
expect_no_grep() {  # expect_no_grep NAME PATTERN FILE...
  local name=$1 pattern=$2
  shift 2
  if grep -q -F -- "$pattern" "$@"; then fail "$name: found '$pattern'"; else pass "$name"; fi
}
# check_json NAME FILE PYTHON-EXPRESSION: the expression sees the JSON document as `r`.
check_json() {
  if python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$2" "$3"; then
    pass "$1"; else fail "$1: $3"; fi
}
finish() {
  echo "$((CHECKS - FAILS)) passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}

# A self-signed server certificate for 127.0.0.1 and a CA with a client certificate.
make_certs() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$WORK/server.key" -out "$WORK/server.pem" 2>/dev/null
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=test-client-ca \
    -keyout "$WORK/ca.key" -out "$WORK/ca.pem" 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=IMEI:493005100592800 \
    -keyout "$WORK/client.key" -out "$WORK/client.csr" 2>/dev/null
  openssl x509 -req -in "$WORK/client.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial -days 1 \
    -out "$WORK/client.pem" 2>/dev/null
}

# For session tests: certificates, the password file ($WORK/pw), the curl options that trust the
# server (TLS), serve [options...] to start a TLS test server, and value STATE URI.
tls_session_setup() {
  make_certs
  printf 'OhBehave\n' >"$WORK/pw"
  TLS=(--cacert "$WORK/server.pem")
}
serve() { start_server --cert "$WORK/server.pem" --key "$WORK/server.key" "$@"; }
value() { "$BIN/dm-tree" get "$1" "$2" 2>/dev/null || echo "<missing>"; }

# start_server [options...]: starts the test server, sets URL; its log is $WORK/server.log.
start_server() {
  local urlfile="$WORK/url.$RANDOM"
  python3 "$SERVER" --lifetime 300 "$@" >"$urlfile" 2>>"$WORK/server.log" &
  SERVER_PIDS+=($!)
  local i
  # Up to 30 s: with --enroll the server makes its CA and keys first, slow on a loaded machine.
  for i in $(seq 1 600); do
    [ -s "$urlfile" ] && break
    kill -0 "${SERVER_PIDS[-1]}" 2>/dev/null || { cat "$WORK/server.log" >&2; echo "server did not start" >&2; exit 1; }
    sleep 0.05
  done
  URL=$(head -1 "$urlfile")
  [ -n "$URL" ] || { echo "server printed no URL" >&2; exit 1; }
}
stop_server() {
  local pid=${SERVER_PIDS[-1]}
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset 'SERVER_PIDS[-1]'
}
