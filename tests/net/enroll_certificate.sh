#!/usr/bin/env bash
# Certificate authentication and e-mail discovery end to end over loopback HTTPS: an OnPremise
# enrolment found from an e-mail address alone (--resolve for the enterpriseenrollment name,
# --discovery-port for the test server's port), then a second enrolment authenticated by the
# first certificate (TLS client certificate and a signed WS-Security timestamp), then a DM
# session with the certificate it issued; the faults: an untrusted certificate and no
# certificate give exit 5, a --resolve address that is not an IP exit 2.
. "$(dirname "$0")/helpers.bash"
python3 -c 'import cryptography' 2>/dev/null || { echo "python3-cryptography missing: skipped"; exit 77; }
make_certs
printf 'correct horse\n' >"$WORK/pw" && chmod 600 "$WORK/pw"
# The test server's own throw-away certificate: it names enterpriseenrollment.example.test.
start_server --tls --enroll onpremise,certificate --enroll-user alice@example.test --enroll-password 'correct horse' \
  --script "$DATA/get-model.xml" --record "$WORK/rec.json"
CA=$(grep -o -- '--cacert [^ ]*' "$WORK/server.log" | tail -1 | cut -d' ' -f2)
[ -s "$CA" ] || { echo "the test server named no certificate"; exit 1; }
PORT=${URL##*:}
PORT=${PORT%%/*}
BASE=${URL%/dm}
NAME=enterpriseenrollment.example.test

# 1. Discovery from the e-mail address, the name resolved to loopback without DNS.
expect_exit 0 "OnPremise enrolment found from --email" -- "$BIN/dm-enroll" --cacert "$CA" --email alice@example.test \
  --resolve "$NAME:$PORT:127.0.0.1" --discovery-port "$PORT" --password-file "$WORK/pw" \
  --state "$WORK/first.tnds" --dev-id 11111111111111111111111111111111 -w json
check_json "the discovery URL is the convention's, with the port" "$WORK/out" \
  "r['discovery_url'] == 'https://$NAME:$PORT/EnrollmentServer/Discovery.svc' and r['auth_policy'] == 'OnPremise'"
check_json "the discovery went to the enterpriseenrollment name" "$WORK/rec.json" \
  "any(q.get('enrollment', {}).get('step') == 'discovery' and q['headers'].get('Host') == '$NAME:$PORT' for q in r['requests'])"
expect_exit 2 "--resolve refuses a host name as the address" -- "$BIN/dm-enroll" --cacert "$CA" --email alice@example.test \
  --resolve "$NAME:$PORT:localhost" --discovery-port "$PORT" --password-file "$WORK/pw" --state "$WORK/x.tnds"
expect_grep "it says why" '"localhost" is not a literal IPv4 or IPv6 address' "$WORK/err"
expect_exit 2 "--discovery-port has no use with --discovery" -- "$BIN/dm-enroll" --cacert "$CA" --discovery "$BASE/x" \
  --discovery-port "$PORT" --password-file "$WORK/pw" --user a --state "$WORK/x.tnds"

# 2. Certificate authentication with the first certificate.
expect_exit 0 "Certificate enrolment with the first certificate" -- "$BIN/dm-enroll" --cacert "$CA" \
  --discovery "$BASE/EnrollmentServer/Discovery.svc" --cert "$WORK/first.cert.pem" --key "$WORK/first.key.pem" \
  --email alice@example.test --state "$WORK/second.tnds" --dev-id 22222222222222222222222222222222 \
  --trace "$WORK/cert.trace" -w json
check_json "the summary says Certificate" "$WORK/out" "r['auth_policy'] == 'Certificate'"
check_json "Discover listed Certificate and the server chose it" "$WORK/rec.json" \
  "any(q.get('enrollment', {}).get('auth_policies') == ['Certificate'] and q['enrollment'].get('auth_policy') == 'Certificate' for q in r['requests'])"
check_json "policy and enrolment were authenticated by the certificate, its signature verified" "$WORK/rec.json" \
  "[q['enrollment'].get('certificate_check') for q in r['requests'] if q.get('enrollment', {}).get('step') in ('policy', 'enrolment') and q['enrollment'].get('auth') == 'certificate'] == ['ok', 'ok']"
expect_grep "the request carries the X.509 token type" "oasis-200401-wss-x509-token-profile-1.0#X509v3" "$WORK/cert.trace"
expect_grep "and the signature of the timestamp" "<ds:SignatureValue>" "$WORK/cert.trace"
expect_no_grep "the private key is not in the trace" "$(sed -n 2p "$WORK/first.key.pem")" "$WORK/cert.trace" "$WORK/out" "$WORK/err"
openssl x509 -in "$WORK/second.cert.pem" -noout -subject | grep -q 22222222222222222222222222222222 &&
  pass "a new certificate was issued for the second device" || fail "second certificate subject"

# 3. A DM session with the certificate of the second enrolment.
expect_exit 0 "dm-send --session with the new certificate" -- "$BIN/dm-send" --session --state "$WORK/second.tnds" -w json
check_json "the session showed the new certificate" "$WORK/rec.json" \
  "any(q.get('client_cert_subject', {}).get('commonName') == '22222222222222222222222222222222' for q in r['requests'])"
# dm-send takes --resolve too: the DM endpoint by name.
expect_exit 0 "dm-send --resolve reaches the server by name" -- "$BIN/dm-send" --cacert "$CA" \
  --resolve "$NAME:$PORT:127.0.0.1" --cert "$WORK/second.cert.pem" --key "$WORK/second.key.pem" \
  "https://$NAME:$PORT/dm" "$DATA/package1.xml"
# dm-load too: every device by name.
expect_exit 0 "dm-load --resolve reaches the server by name" -- "$BIN/dm-load" --no-progress --devices 2 -c 1 \
  --cacert "$CA" --resolve "$NAME:$PORT:127.0.0.1" --cert "$WORK/second.cert.pem" --key "$WORK/second.key.pem" \
  -o "$WORK/load.json" "https://$NAME:$PORT/dm"
check_json "both sessions completed" "$WORK/load.json" 'r["outcomes"] == {"completed": 2}'

# 4. Faults.
expect_exit 5 "a certificate the server does not trust" -- "$BIN/dm-enroll" --cacert "$CA" \
  --discovery "$BASE/EnrollmentServer/Discovery.svc" --cert "$WORK/client.pem" --key "$WORK/client.key" \
  --email alice@example.test --state "$WORK/untrusted.tnds"
expect_grep "it says the certificate was refused" "the server refused the client certificate (Certificate authentication)" "$WORK/err"
[ ! -e "$WORK/untrusted.tnds" ] && pass "a refused enrolment leaves no state" || fail "a state was written"
expect_exit 2 "a key that is not the certificate's" -- "$BIN/dm-enroll" --cacert "$CA" \
  --discovery "$BASE/EnrollmentServer/Discovery.svc" --cert "$WORK/first.cert.pem" --key "$WORK/client.key" \
  --email alice@example.test --state "$WORK/badkey.tnds"
expect_grep "it names the files" "is not the private key of the certificate in" "$WORK/err"
# Without a TLS client certificate the policy service answers the fault.
printf '%s' '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></wsse:Security></s:Header><s:Body/></s:Envelope>' >"$WORK/nocert.xml"
if python3 - "$BASE/EnrollmentServer/Policy.svc" "$CA" "$WORK/nocert.xml" >"$WORK/fault.xml" <<'PY'
import ssl, sys, urllib.request
ctx = ssl.create_default_context(cafile=sys.argv[2])
req = urllib.request.Request(sys.argv[1], data=open(sys.argv[3], "rb").read(),
                             headers={"Content-Type": "application/soap+xml; charset=utf-8"})
try:
    urllib.request.urlopen(req, context=ctx)
except urllib.error.HTTPError as e:
    sys.stdout.write(e.read().decode())
PY
then expect_grep "no TLS certificate: an InvalidSecurity fault" "a:InvalidSecurity" "$WORK/fault.xml"
else fail "the fault request failed"; fi
stop_server

start_server --tls --enroll certificate --enroll-user alice@example.test --enroll-password 'correct horse'
CA=$(grep -o -- '--cacert [^ ]*' "$WORK/server.log" | tail -1 | cut -d' ' -f2)
expect_exit 5 "no certificate where the server wants one" -- "$BIN/dm-enroll" --cacert "$CA" \
  --discovery "${URL%/dm}/EnrollmentServer/Discovery.svc" --user alice@example.test --password-file "$WORK/pw" \
  --state "$WORK/nocert.tnds"
expect_grep "it says what is needed" "a client certificate and its key are needed" "$WORK/err"
finish
