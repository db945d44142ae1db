#!/usr/bin/env bash
# The masking promise: a traced, verbose MD5 or HMAC exchange prints neither the password nor
# any credential derived from it (Basic string, MD5 secret, digests, macs) on any output.
. "$(dirname "$0")/helpers.bash"
make_certs
PKG=$DATA/package1.xml
PASSWORD='Sup3r-S3cret-Pa55'
printf '%s\n' "$PASSWORD" >"$WORK/pw"

for scheme in md5 hmac basic; do
  start_server --script "$DATA/session-full.xml" --cert "$WORK/server.pem" --key "$WORK/server.key" \
    --auth $scheme --user Bruce2 --password "$PASSWORD" --record "$WORK/$scheme.json"
  expect_exit 0 "$scheme session traced" -- "$BIN/dm-send" -vv --cacert "$WORK/server.pem" --auth $scheme --user Bruce2 \
    --password-file "$WORK/pw" --trace "$WORK/$scheme.trace" -w json "$URL" "$PKG"
  cp "$WORK/out" "$WORK/$scheme.out"; cp "$WORK/err" "$WORK/$scheme.err"
  expect_exit 0 "$scheme offline" -- "$BIN/dm-send" --offline --auth $scheme --user Bruce2 --password-file "$WORK/pw" "$URL" "$PKG"
  cp "$WORK/out" "$WORK/$scheme.offline"
  expect_exit 0 "$scheme traced to stdout" -- "$BIN/dm-send" --cacert "$WORK/server.pem" --auth $scheme --user Bruce2 \
    --password-file "$WORK/pw" --trace - "$URL" "$PKG"
  cp "$WORK/out" "$WORK/$scheme.stdout-trace"
  # A whole session, traced to stdout and verbose on stderr.
  expect_exit 0 "$scheme session mode traced" -- "$BIN/dm-send" -vv --cacert "$WORK/server.pem" --session \
    --state "$WORK/$scheme.tnds" --auth $scheme --user Bruce2 --password-file "$WORK/pw" --trace - -w json "$URL"
  cp "$WORK/out" "$WORK/$scheme.session-out"; cp "$WORK/err" "$WORK/$scheme.session-err"
  stop_server
  outputs=("$WORK/$scheme.trace" "$WORK/$scheme.out" "$WORK/$scheme.err" "$WORK/$scheme.offline" "$WORK/$scheme.stdout-trace"
           "$WORK/$scheme.session-out" "$WORK/$scheme.session-err" "$WORK/$scheme.tnds")
  expect_grep "$scheme session trace holds the exchange" "<Results>" "$WORK/$scheme.session-out"
  expect_grep "$scheme trace holds the exchange" "POST /dm" "$WORK/$scheme.trace"
  # Every secret the server saw: Cred data and macs, plus the derived forms of the password.
  python3 - "$WORK/$scheme.json" "$PASSWORD" >"$WORK/secrets" <<'PY'
import base64, hashlib, json, re, sys
rec = json.load(open(sys.argv[1])); pw = sys.argv[2]
out = {pw, base64.b64encode(f"Bruce2:{pw}".encode()).decode(),
       base64.b64encode(hashlib.md5(f"Bruce2:{pw}".encode()).digest()).decode()}
for r in rec["requests"]:
    for m in re.findall(r"<Cred>.*?<Data>(.*?)</Data>", r.get("xml", "")):
        out.add(m)
    h = r.get("hmac") or ""
    if "mac=" in h:
        out.add(h.split("mac=")[1].strip())
for s in sorted(out):
    if s:
        print(s)
PY
  [ "$(wc -l <"$WORK/secrets")" -ge 3 ] && pass "$scheme: secrets collected" || fail "$scheme: too few secrets"
  while IFS= read -r secret; do
    expect_no_grep "$scheme: '${secret:0:6}...' appears nowhere" "$secret" "${outputs[@]}"
  done <"$WORK/secrets"
done
finish
