#!/usr/bin/env bash
# No secret of an enrolment leaves dm-enroll in clear: every output of traced enrolments (stdout,
# stderr, the trace, the state, the certificate file) and of the traced unenrolment is searched
# for the password, the Federated token (raw and Base64) and every line of the private key.
. "$(dirname "$0")/helpers.bash"
python3 -c 'import cryptography' 2>/dev/null || { echo "python3-cryptography missing: skipped"; exit 77; }
make_certs
TLS=(--cacert "$WORK/server.pem")
PASSWORD='pa55-Secret-Word'
TOKEN='federated-Token-Value-77'
printf '%s\n' "$PASSWORD" >"$WORK/pw" && chmod 600 "$WORK/pw"
printf '%s' "$TOKEN" >"$WORK/token" && chmod 600 "$WORK/token"
OUTS=()
run() {  # run NAME -- command...: keeps stdout and stderr under $WORK/NAME.*
  local name=$1
  shift 2
  "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" && pass "$name" || { fail "$name: exit $?"; sed 's/^/  err: /' "$WORK/$name.err"; }
  OUTS+=("$WORK/$name.out" "$WORK/$name.err")
}
serve --enroll onpremise --enroll-user carol@example.com --enroll-password "$PASSWORD"
run onpremise -- "$BIN/dm-enroll" "${TLS[@]}" --discovery "${URL%/dm}/EnrollmentServer/Discovery.svc" --user carol@example.com \
  --password-file "$WORK/pw" --state "$WORK/on.tnds" --trace "$WORK/on.trace" -v -w json
run checkin -- "$BIN/dm-send" --session --state "$WORK/on.tnds" --trace "$WORK/checkin.trace" -v
# A line of the key PEM is secret unless it also occurs in the public certificate (the modulus
# sits in both, sometimes at the same Base64 alignment); the private exponent is secret outright.
secret_lines() {
  local pub
  pub=$(openssl x509 -in "$2" -outform der | base64 -w0)
  grep -v -- '-----' "$1" | while read -r line; do case "$pub" in *"$line"*) ;; *) echo "$line" ;; esac; done
  openssl rsa -in "$1" -noout -text 2>/dev/null | sed -n '/privateExponent/,/prime1/p' | sed -n '2,3p' | tr -d ' :\n'
  echo
}
KEY_LINES=$(secret_lines "$WORK/on.key.pem" "$WORK/on.cert.pem")
cp "$WORK/on.tnds" "$WORK/on.kept.tnds"
run unenrol -- "$BIN/dm-enroll" --unenroll --state "$WORK/on.tnds" --trace "$WORK/unenrol.trace" -v
stop_server
serve --enroll federated --enroll-token "$TOKEN"
run federated -- "$BIN/dm-enroll" "${TLS[@]}" --discovery "${URL%/dm}/EnrollmentServer/Discovery.svc" --email dave@example.com \
  --token-file "$WORK/token" --state "$WORK/fed.tnds" --trace "$WORK/fed.trace" -v
FED_KEY_LINES=$(secret_lines "$WORK/fed.key.pem" "$WORK/fed.cert.pem")
[ "$(echo "$KEY_LINES" | wc -l)" -gt 10 ] && pass "the key material to look for is there" || fail "too little key material"
FILES=("${OUTS[@]}" "$WORK/on.trace" "$WORK/checkin.trace" "$WORK/unenrol.trace" "$WORK/fed.trace" "$WORK/on.kept.tnds"
       "$WORK/fed.tnds" "$WORK/fed.cert.pem")
grep -q "Password" "$WORK/on.trace" && pass "the trace shows the UsernameToken" || fail "no UsernameToken in the trace"
grep -q "BinarySecurityToken" "$WORK/fed.trace" && pass "the trace shows the token element" || fail "no token in the trace"
expect_no_grep "no password anywhere" "$PASSWORD" "${FILES[@]}"
expect_no_grep "no token anywhere" "$TOKEN" "${FILES[@]}"
expect_no_grep "no Base64 token anywhere" "$(printf '%s' "$TOKEN" | base64)" "${FILES[@]}"
leaks=0
while read -r line; do
  [ -n "$line" ] && grep -q -F -- "$line" "${FILES[@]}" && leaks=$((leaks + 1))
done <<<"$KEY_LINES
$FED_KEY_LINES"
[ "$leaks" = 0 ] && pass "no line of a private key anywhere" || fail "$leaks private key lines found"
finish
