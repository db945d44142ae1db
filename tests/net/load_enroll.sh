#!/usr/bin/env bash
# dm-load with devices of their own: 20 devices enrol against the test server's MS-MDE2 endpoints
# (each with its own key and issued certificate) and then check in with that certificate at the
# address of their provisioning; per-device certificate files from a {n} template, signed by a
# small CA made here; the enrolment phase's counts, errors and merge.
. "$(dirname "$0")/helpers.bash"
python3 -c 'import cryptography' 2>/dev/null || { echo "python3-cryptography missing: skipped"; exit 77; }
make_certs
LOAD=("$BIN/dm-load" --no-progress)
# keys RECORD: how many distinct public keys the DM requests' client certificates carried.
keys() {
  python3 - "$1" <<'PY'
import base64, json, sys
from cryptography import x509
from cryptography.hazmat.primitives import serialization
r = json.load(open(sys.argv[1]))
print(len({x509.load_der_x509_certificate(base64.b64decode(q["client_cert_der"])).public_key().public_bytes(
    serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo) for q in r["requests"] if "msgid" in q}))
PY
}
printf 'correct horse\n' >"$WORK/pw" && chmod 600 "$WORK/pw"

# ---- 20 devices enrol (OnPremise), then check in with their own certificates
serve --enroll onpremise --enroll-user alice@example.com --enroll-password 'correct horse' \
  --script "$DATA/get-model.xml" --record "$WORK/rec.json"
DISCOVERY=${URL%/dm}/EnrollmentServer/Discovery.svc
expect_exit 0 "20 devices enrol, then check in" -- "${LOAD[@]}" --enroll --discovery "$DISCOVERY" --devices 20 -c 5 \
  --enroll-threads 4 --dev-id 'IMEI:35000000{n:07}' --user alice@example.com --password-file "$WORK/pw" \
  --cacert "$WORK/server.pem" -o "$WORK/e.json"
cp "$WORK/out" "$WORK/summary.txt"
stop_server
check_json "20 enrolled, 20 sessions completed" "$WORK/e.json" \
  'r["enrolments"]=={"enrolled":20} and r["enroll_errors"]=={} and r["outcomes"]=={"completed":20} and r["devices"]==20'
check_json "the enrolment phase has its own histograms" "$WORK/e.json" \
  'all(r["phases"][p]["count"]==20 for p in ("enroll","enroll_policy","enroll_certificate","enroll_local")) and r["phases"]["enroll_discovery"]["count"]==40 and r["run"]["enroll_elapsed_s"]>0'
check_json "20 discovery, policy and certificate requests, each device with its own DeviceID" "$WORK/rec.json" \
  'len({dict(q["enrollment"]["context"])["DeviceID"] for q in r["requests"] if q.get("enrollment",{}).get("step")=="enrolment"})==20'
check_json "every DM request showed an issued certificate: 20 distinct subjects, 20 distinct serials" "$WORK/rec.json" \
  'all("client_cert_serial" in q for q in r["requests"] if "msgid" in q) and len({q["client_cert_subject"]["commonName"] for q in r["requests"] if "msgid" in q})==20 and len({q["client_cert_serial"] for q in r["requests"] if "msgid" in q})==20'
check_json "the server saw 20 distinct DevIds, each with the certificate issued to it" "$WORK/rec.json" \
  'len({q["client_cert_subject"]["commonName"] for q in r["requests"] if "msgid" in q})==20 and all(q["client_cert_subject"]["commonName"]==__import__("re").search(r"<Source><LocURI>([^<]*)", q["xml"]).group(1) for q in r["requests"] if "msgid" in q)'
check_json "the devices checked in as enrolled Windows devices (LoginStatus, HWDevID, their own client-request-id)" "$WORK/rec.json" \
  'all("com.microsoft/MDM/LoginStatus" in q["xml"] and "./Vendor/MSFT/DMClient/HWDevID" in q["xml"] for q in r["requests"] if q.get("msgid")=="1") and len({q["headers"].get("client-request-id","").startswith("dmid-") and q["headers"]["client-request-id"] for q in r["requests"] if q.get("msgid")=="1"} - {False})==20'
[ "$(keys "$WORK/rec.json")" = 20 ] && pass "20 devices, 20 keys" || fail "20 devices, $(keys "$WORK/rec.json") keys"
expect_grep "the summary shows the enrolment" "^enrolment   enrolled 20" "$WORK/summary.txt"
expect_grep "the summary's table has the enroll phase" "^enroll  *20 " "$WORK/summary.txt"
expect_no_grep "no private key in the result" "PRIVATE KEY" "$WORK/e.json" "$WORK/summary.txt"

# --enroll-shared-key: one key pair, still a certificate and a request of its own for each device.
serve --enroll onpremise --enroll-user alice@example.com --enroll-password 'correct horse' --script "$DATA/get-model.xml" \
  --record "$WORK/sk.json"
expect_exit 0 "--enroll-shared-key: 8 devices" -- "${LOAD[@]}" --enroll --enroll-shared-key --devices 8 -c 4 \
  --discovery "${URL%/dm}/EnrollmentServer/Discovery.svc" --user alice@example.com --password-file "$WORK/pw" \
  --cacert "$WORK/server.pem" -o "$WORK/sk-run.json"
stop_server
check_json "shared key: 8 enrolled, 8 completed" "$WORK/sk-run.json" 'r["enrolments"]=={"enrolled":8} and r["outcomes"]=={"completed":8}'
check_json "shared key: 8 distinct certificates with 8 subjects" "$WORK/sk.json" \
  'len({q["client_cert_serial"] for q in r["requests"] if "msgid" in q})==8 and len({q["client_cert_subject"]["commonName"] for q in r["requests"] if "msgid" in q})==8'
[ "$(keys "$WORK/sk.json")" = 1 ] && pass "shared key: one key" || fail "shared key: $(keys "$WORK/sk.json") keys"

# Two shards of enrolled devices merge, the enrolment phase included.
serve --enroll onpremise --enroll-user alice@example.com --enroll-password 'correct horse' --script "$DATA/get-model.xml"
DISCOVERY=${URL%/dm}/EnrollmentServer/Discovery.svc
for i in 0 1; do
  expect_exit 0 "enrolled shard $i/2" -- "${LOAD[@]}" --enroll --discovery "$DISCOVERY" --devices 6 --shard $i/2 \
    --user alice@example.com --password-file "$WORK/pw" --cacert "$WORK/server.pem" -o "$WORK/es$i.json"
done
expect_exit 0 "merge of enrolled shards" -- "$BIN/dm-load" merge -o "$WORK/em.json" "$WORK/es0.json" "$WORK/es1.json"
check_json "merged: 6 enrolled, 6 sessions, the enroll histograms added up" "$WORK/em.json" \
  'r["enrolments"]=={"enrolled":6} and r["sessions"]==6 and r["phases"]["enroll"]["count"]==6'

# ---- failed enrolments are counted by kind; those devices play no sessions; exit 1
printf 'wrong\n' >"$WORK/bad" && chmod 600 "$WORK/bad"
expect_exit 1 "a wrong password: every enrolment refused" -- "${LOAD[@]}" --enroll --discovery "$DISCOVERY" --devices 3 \
  --user alice@example.com --password-file "$WORK/bad" --cacert "$WORK/server.pem" -o "$WORK/eb.json"
check_json "3 auth errors, no sessions" "$WORK/eb.json" \
  'r["enrolments"]=={"error":3} and r["enroll_errors"]=={"auth":3} and r["sessions"]==0 and "MENROLL_E_DEVICE_AUTHENTICATION_ERROR" in r["enroll_error_examples"]["auth"]'
expect_exit 1 "no device enrolled, --duration: the run ends at once" -- timeout 60 "${LOAD[@]}" --enroll --discovery "$DISCOVERY" \
  --devices 2 --duration 10s --user alice@example.com --password-file "$WORK/bad" --cacert "$WORK/server.pem" -o "$WORK/ed.json"
check_json "no sessions, no waiting for the duration" "$WORK/ed.json" 'r["sessions"]==0 and r["run"]["elapsed_s"]<5'
expect_exit 1 "--max-errors stops the enrolment phase" -- "${LOAD[@]}" --enroll --discovery "$DISCOVERY" --devices 50 \
  --enroll-threads 1 --max-errors 2 --user alice@example.com --password-file "$WORK/bad" --cacert "$WORK/server.pem" -o "$WORK/em2.json"
check_json "--max-errors: stopped after 2 failed enrolments, no sessions" "$WORK/em2.json" \
  'r["run"]["stopped"]=="max-errors" and r["enrolments"]=={"error":2} and r["sessions"]==0'
stop_server
expect_exit 1 "no enrolment server: transport errors" -- "${LOAD[@]}" --enroll --discovery "$DISCOVERY" --devices 2 \
  --user alice@example.com --password-file "$WORK/pw" --cacert "$WORK/server.pem" --connect-timeout 2 -o "$WORK/et.json"
check_json "2 transport errors" "$WORK/et.json" 'r["enroll_errors"]=={"transport":2}'

# ---- Federated: the token from a file
printf 'opaque-token-42' >"$WORK/token" && chmod 600 "$WORK/token"
serve --enroll federated --enroll-token opaque-token-42 --script "$DATA/get-model.xml" --record "$WORK/fed.json"
expect_exit 0 "Federated enrolment of 3 devices" -- "${LOAD[@]}" --enroll --discovery "${URL%/dm}/EnrollmentServer/Discovery.svc" \
  --devices 3 --user 'bob{n}@example.com' --token-file "$WORK/token" --cacert "$WORK/server.pem" -o "$WORK/ef.json"
stop_server
check_json "Federated: 3 enrolled, 3 completed" "$WORK/ef.json" 'r["enrolments"]=={"enrolled":3} and r["outcomes"]=={"completed":3}'
check_json "Federated: Discover named each device's user" "$WORK/fed.json" \
  '{q["enrollment"]["email"] for q in r["requests"] if q.get("enrollment",{}).get("step")=="discovery"}=={"bob0@example.com","bob1@example.com","bob2@example.com"}'

# ---- per-device certificate files from a template, signed by a CA made here
mkdir "$WORK/certs"
for n in 0 1 2 3 4; do
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=device-$n" \
    -keyout "$WORK/certs/dev$n.key" -out "$WORK/certs/dev$n.csr" 2>/dev/null
  openssl x509 -req -in "$WORK/certs/dev$n.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial -days 1 \
    -out "$WORK/certs/dev$n.pem" 2>/dev/null
done
serve --client-ca "$WORK/ca.pem" --script "$DATA/get-model.xml" --record "$WORK/tpl.json"
expect_exit 0 "5 devices, each with its own certificate file" -- "${LOAD[@]}" --devices 5 -c 3 --dev-id 'IMEI:{n:015}' \
  --cacert "$WORK/server.pem" --cert "$WORK/certs/dev{n}.pem" --key "$WORK/certs/dev{n}.key" -o "$WORK/tc.json" "$URL"
check_json "device n showed certificate device-n" "$WORK/tpl.json" \
  'sorted({(q["client_cert_subject"]["commonName"], __import__("re").search(r"<Source><LocURI>([^<]*)", q["xml"]).group(1)) for q in r["requests"] if "msgid" in q})==[("device-%d"%n, "IMEI:%015d"%n) for n in range(5)]'
expect_exit 0 "the same with --keep-connections and two check-ins" -- "${LOAD[@]}" --devices 5 --check-ins 2 --keep-connections \
  --cacert "$WORK/server.pem" --cert "$WORK/certs/dev{n}.pem" --key "$WORK/certs/dev{n}.key" -o "$WORK/tk.json" "$URL"
check_json "10 sessions over 5 connections" "$WORK/tk.json" 'r["outcomes"]=={"completed":10} and r["connections"]==5'
expect_exit 1 "a device without its certificate file fails alone" -- "${LOAD[@]}" --devices 6 \
  --cacert "$WORK/server.pem" --cert "$WORK/certs/dev{n}.pem" --key "$WORK/certs/dev{n}.key" -o "$WORK/tm.json" "$URL"
check_json "5 completed, device 5 a tls error" "$WORK/tm.json" 'r["outcomes"]=={"completed":5,"error":1} and r["errors"]=={"tls":1}'
stop_server

# ---- options
expect_exit 2 "--enroll without --discovery" -- "${LOAD[@]}" --enroll --user a --password-file "$WORK/pw"
expect_grep "says what is missing" "needs --discovery" "$WORK/err"
expect_exit 2 "--enroll with --cert" -- "${LOAD[@]}" --enroll --discovery "$DISCOVERY" --cert "$WORK/client.pem" --user a \
  --password-file "$WORK/pw"
expect_exit 2 "OnPremise enrolment without a user" -- "${LOAD[@]}" --enroll --discovery "$DISCOVERY" --password-file "$WORK/pw"
expect_exit 2 "--discovery without --enroll" -- "${LOAD[@]}" --discovery "$DISCOVERY" http://127.0.0.1:9/dm
expect_exit 2 "--key per device with one --cert" -- "${LOAD[@]}" --cert "$WORK/client.pem" --key 'k{n}.pem' http://127.0.0.1:9/dm
expect_exit 2 "a malformed --cert template" -- "${LOAD[@]}" --cert 'c{x}.pem' http://127.0.0.1:9/dm
finish
