# Part of scripts/demo: a whole DM session, the main job of the toolkit. A local test server
# (loopback, HTTPS with a throw-away certificate, MD5 authentication) plays the DM server; dm-send
# plays the device against a TNDS tree state and saves what the server changed.
syncmldm_ensure_debs openssl python3
send_tmp=$(mktemp -d)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$send_tmp/key.pem" -out "$send_tmp/cert.pem" 2>/dev/null
python3 scripts/dm-test-server --script testdata/net/session-full.xml --cert "$send_tmp/cert.pem" \
  --key "$send_tmp/key.pem" --auth md5 --user demo --password demo-secret --lifetime 120 \
  >"$send_tmp/url" 2>/dev/null &
send_server=$!
for _ in $(seq 1 200); do [ -s "$send_tmp/url" ] && break; sleep 0.05; done
send_url=$(head -1 "$send_tmp/url")
printf 'demo-secret\n' >"$send_tmp/pw" && chmod 600 "$send_tmp/pw"

step "A whole session: package 1, MD5 challenge, three server packages executed on the tree" \
  "dm-send --session --state device.tnds --cacert cert.pem --auth md5 --user demo --password-file pw --login-status user -v $send_url"
dm-send --session --state "$send_tmp/device.tnds" --cacert "$send_tmp/cert.pem" --auth md5 --user demo \
  --password-file "$send_tmp/pw" --login-status user -v --trace "$send_tmp/trace" "$send_url" 2>&1 || true
step "What the server changed in the saved tree (the Atomic was rolled back)" "dm-tree get device.tnds ./Vendor/Setting"
dm-tree get "$send_tmp/device.tnds" ./Vendor/Setting || true
step "The trace shows every message with its headers; credentials are masked" "grep -m2 -o '<Cred>.*</Cred>' trace"
grep -m2 -o '<Cred>.*</Cred>' "$send_tmp/trace" || true
step "One package, and a summary as JSON" "dm-send --cacert cert.pem --auth md5 ... -w json URL package1.xml | tail -1"
dm-send --cacert "$send_tmp/cert.pem" --auth md5 --user demo --password-file "$send_tmp/pw" -w json "$send_url" \
  testdata/net/package1.xml | tail -1 || true
kill "$send_server" 2>/dev/null || true
wait "$send_server" 2>/dev/null || true
rm -rf "$send_tmp"
