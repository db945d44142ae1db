#!/usr/bin/env bash
# Enrolment end to end over loopback HTTPS (dm-enroll against the test server's MS-MDE2 endpoints
# and throw-away CA): OnPremise enrolment, a DM session authenticated by the issued certificate
# with nothing but --state, the unenrolment (Alert 1226), Federated enrolment, and the faults
# with their exit codes: wrong password 5, device cap 1, no server 4.
. "$(dirname "$0")/helpers.bash"
python3 -c 'import cryptography' 2>/dev/null || { echo "python3-cryptography missing: skipped"; exit 77; }
make_certs
TLS=(--cacert "$WORK/server.pem")
printf 'correct horse\n' >"$WORK/pw" && chmod 600 "$WORK/pw"
serve --enroll onpremise --enroll-user alice@example.com --enroll-password 'correct horse' \
  --script "$DATA/get-model.xml" --record "$WORK/rec.json"
BASE=${URL%/dm}
DISCOVERY=$BASE/EnrollmentServer/Discovery.svc

expect_exit 0 "OnPremise enrolment" -- "$BIN/dm-enroll" "${TLS[@]}" --discovery "$DISCOVERY" \
  --user alice@example.com --password-file "$WORK/pw" --state "$WORK/dev.tnds" --dev-id 5F3C0DE1A2B34C5D8E9F00112233AABB -w json
check_json "the summary names the provider and the files" "$WORK/out" \
  'r["provider_id"] == "DMTestServer" and r["files"]["key"].endswith("dev.key.pem") and r["policy"]["hash"] == "sha256"'
[ "$(stat -c %a "$WORK/dev.key.pem")" = 600 ] && pass "the private key is mode 0600" || fail "key mode $(stat -c %a "$WORK/dev.key.pem")"
openssl x509 -in "$WORK/dev.cert.pem" -noout -subject | grep -q 5F3C0DE1A2B34C5D8E9F00112233AABB &&
  pass "the certificate names the device" || fail "certificate subject"
check_json "Discover named the user and the policy the credentials allow" "$WORK/rec.json" \
  'any(q.get("enrollment", {}).get("email") == "alice@example.com" and q["enrollment"].get("auth_policies") == ["OnPremise"] for q in r["requests"])'
check_json "discovery, policy and enrolment were asked in order" "$WORK/rec.json" \
  '[q.get("enrollment", {}).get("step") for q in r["requests"] if "enrollment" in q] == ["discovery", "policy", "enrolment"]'
check_json "the request carried Windows' AdditionalContext" "$WORK/rec.json" \
  'any(("DeviceID", "5F3C0DE1A2B34C5D8E9F00112233AABB") in [tuple(c) for c in q["enrollment"].get("context", [])] for q in r["requests"] if "enrollment" in q)'
check_json "the key and hash follow the policy" "$WORK/rec.json" \
  'any(q["enrollment"].get("csr_hash") == "sha256" and q["enrollment"].get("csr_key_size") == 2048 for q in r["requests"] if "enrollment" in q)'
expect_grep "the account points at the DM endpoint" "$URL" "$WORK/dev.tnds"

# Check in: everything from the state.
expect_exit 0 "dm-send --session with only --state" -- "$BIN/dm-send" --session --state "$WORK/dev.tnds" -w json
expect_grep "the server came from the enrolment" "from the state's enrolment" "$WORK/err"
check_json "the session showed the issued certificate" "$WORK/rec.json" \
  'any(q.get("client_cert_subject", {}).get("commonName") == "5F3C0DE1A2B34C5D8E9F00112233AABB" for q in r["requests"])'
check_json "package 1 as an enrolled Windows device sends it" "$WORK/rec.json" \
  'any("<Meta><Type xmlns=\"syncml:metinf\">com.microsoft/MDM/LoginStatus</Type></Meta>" in q.get("xml", "") and "./Vendor/MSFT/DMClient/HWDevID" in q.get("xml", "") and q["headers"].get("client-request-id") == "dmid-1" for q in r["requests"])'
# Without the certificate the DM endpoint refuses.
expect_exit 4 "no client certificate, no session" -- "$BIN/dm-send" "${TLS[@]}" --session --state "$WORK/plain.tnds" "$URL" --no-save

# Unenrol.
expect_exit 0 "unenrolment" -- "$BIN/dm-enroll" --unenroll --state "$WORK/dev.tnds" --trace "$WORK/unenroll.trace"
check_json "the unenrolment alert went out as Windows 11 sends it" "$WORK/rec.json" \
  'any("<Data>1226</Data>" in q.get("xml", "") and ">com.microsoft:mdm.unenrollment.userrequest</Type>" in q["xml"] and ">critical</Mark>" in q["xml"] and ">int</Format>" in q["xml"] and q["headers"].get("MDM-GenericAlert") == "<com.microsoft:mdm.unenrollment.userrequest>" for q in r["requests"])'
[ ! -e "$WORK/dev.key.pem" ] && pass "the key is gone after unenrolment" || fail "the key file is still there"
expect_exit 3 "an unenrolled state cannot unenrol again" -- "$BIN/dm-enroll" --unenroll --state "$WORK/dev.tnds"

# Faults.
printf 'wrong\n' >"$WORK/bad" && chmod 600 "$WORK/bad"
expect_exit 5 "a wrong password is an authentication failure" -- "$BIN/dm-enroll" "${TLS[@]}" --discovery "$DISCOVERY" \
  --user alice@example.com --password-file "$WORK/bad" --state "$WORK/bad.tnds"
expect_grep "the fault's meaning is told" "MENROLL_E_DEVICE_AUTHENTICATION_ERROR" "$WORK/err"
[ ! -e "$WORK/bad.tnds" ] && pass "a refused enrolment leaves no state" || fail "a state was written"
stop_server
serve --enroll onpremise --enroll-user alice@example.com --enroll-password 'correct horse' --device-cap 0
expect_exit 1 "a device cap refuses the enrolment" -- "$BIN/dm-enroll" "${TLS[@]}" --discovery "${URL%/dm}/EnrollmentServer/Discovery.svc" \
  --user alice@example.com --password-file "$WORK/pw" --state "$WORK/cap.tnds"
expect_grep "DeviceCapReached with its HRESULT" "DeviceCapReached (MENROLL_E_DEVICECAPREACHED, 0x80180013)" "$WORK/err"
stop_server
expect_exit 4 "no server: transport" -- "$BIN/dm-enroll" "${TLS[@]}" --discovery "$DISCOVERY" \
  --user alice@example.com --password-file "$WORK/pw" --state "$WORK/none.tnds" --connect-timeout 2

# Federated: the token from a file.
printf 'opaque-token-42' >"$WORK/token" && chmod 600 "$WORK/token"
serve --enroll federated --enroll-token opaque-token-42 --enroll-hash sha1 --enroll-key-length 3072 --record "$WORK/fed.json"
expect_exit 0 "Federated enrolment" -- "$BIN/dm-enroll" "${TLS[@]}" --discovery "${URL%/dm}/EnrollmentServer/Discovery.svc" \
  --email bob@example.com --token-file "$WORK/token" --state "$WORK/fed.tnds"
expect_grep "the summary says Federated" "(Federated)" "$WORK/out"
check_json "another policy, another key and hash (SHA-1, 3072 bits)" "$WORK/fed.json" \
  'any(q.get("enrollment", {}).get("csr_hash") == "sha1" and q["enrollment"].get("csr_key_size") == 3072 for q in r["requests"])'
printf 'stolen' >"$WORK/badtoken" && chmod 600 "$WORK/badtoken"
expect_exit 5 "a refused token is an authentication failure" -- "$BIN/dm-enroll" "${TLS[@]}" \
  --discovery "${URL%/dm}/EnrollmentServer/Discovery.svc" --email bob@example.com --token-file "$WORK/badtoken" --state "$WORK/fed2.tnds"
expect_exit 5 "a password where the server wants a token" -- "$BIN/dm-enroll" "${TLS[@]}" \
  --discovery "${URL%/dm}/EnrollmentServer/Discovery.svc" --user bob@example.com --password-file "$WORK/pw" --state "$WORK/fed3.tnds"
expect_grep "the error says what is needed" "a security token is needed" "$WORK/err"
finish
