// Authentication layer: every test vector of the reference (Basic B1-B3, MD5 M1-M5 with the
// literal-nonce variant, HMAC H1-H2), Base64 edge cases, the x-syncml-hmac header, nonces.
#include <doctest/doctest.h>

#include "syncmldm/auth/auth.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/util/error.hpp"

using namespace syncmldm;
using namespace syncmldm::auth;

namespace {
std::string bytes_0_to_15() {
  std::string s;
  for (int i = 0; i < 16; ++i) s.push_back(static_cast<char>(i));
  return s;
}
const char* kHmacBody =
    "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>"
    "<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>https://dm.example.com/dm</LocURI></Target>"
    "<Source><LocURI>IMEI:493005100592800</LocURI><LocName>Bruce2</LocName></Source></SyncHdr>"
    "<SyncBody><Alert><CmdID>1</CmdID><Data>1201</Data></Alert><Final/></SyncBody></SyncML>";
}  // namespace

TEST_CASE("auth: Basic vectors B1-B3") {
  CHECK(basic_cred("Bruce2", "OhBehave") == "QnJ1Y2UyOk9oQmVoYXZl");
  CHECK(basic_cred("device-123", "s3cr3t!") == "ZGV2aWNlLTEyMzpzM2NyM3Qh");
  CHECK(basic_cred("j\xc3\xbcrgen", "p\xc3\xa4ss") == "asO8cmdlbjpww6Rzcw==");
}

TEST_CASE("auth: MD5 vectors M1-M5") {
  CHECK(md5_secret("Bruce2", "OhBehave") == "PtEdr8lBQ45IbT1bZIkrOQ==");
  CHECK(md5_cred("Bruce2", "OhBehave", "Nonce") == "Zz6EivR3yeaaENcRN6lpAQ==");
  CHECK(md5_cred("Bruce2", "OhBehave", nonce_octets("ZG9iZWhhdmUNCg==")) == "kHLLLSPq49co1xndU6F2HQ==");
  CHECK(nonce_octets("ZG9iZWhhdmUNCg==") == "dobehave\r\n");
  CHECK(md5_cred("Bruce2", "OhBehave", nonce_octets("ZG9iZWhhdmUNCg==", NonceForm::literal)) ==
        "K74ekeIpQ8TKffCemI/Acw==");
  CHECK(nonce_octets("AAECAwQFBgcICQoLDA0ODw==") == bytes_0_to_15());
  CHECK(md5_cred("Bruce2", "OhBehave", nonce_octets("AAECAwQFBgcICQoLDA0ODw==")) == "ClaA48A1VYROr4FUwjaBYw==");
  CHECK(md5_cred("Bruce2", "OhBehave", nonce_octets("LG3iZQhhdmKNHg==")) == "LAK2i25Fh0nxxGGaAzRRpg==");
  CHECK(md5_cred("device-123", "s3cr3t!", nonce_octets("MTIzNDU2Nzg5MGFiY2RlZg==")) == "fv/KX4ZKWuAQ0Rp+FBDxvw==");
}

TEST_CASE("auth: MD5 with the resynchronisation nonces") {
  CHECK(md5_cred("Bruce2", "OhBehave", "0x00000000") == "/rEaWnNuFj+omqNv8Zls6w==");
  CHECK(md5_cred("Bruce2", "OhBehave", std::string(4, '\0')) == "cnPI6nO9RgujiHU0y58kNA==");
}

TEST_CASE("auth: nonce that is not Base64 is hashed literally") {
  CHECK(nonce_octets("Nonce") == "Nonce");
  CHECK(nonce_octets("not base64!") == "not base64!");
}

TEST_CASE("auth: HMAC vectors H1-H2 over the exact body") {
  std::string body = kHmacBody;
  REQUIRE(body.size() == 363);
  CHECK(base64::encode(md5(body)) == "+KB8X58LpHi7g5A04iKXfA==");
  CHECK(hmac_mac("Bruce2", "OhBehave", "Nonce", body) == "8QO2wC+5Wv/hTZNIDeUFAw==");
  CHECK(hmac_mac("Bruce2", "OhBehave", nonce_octets("AAECAwQFBgcICQoLDA0ODw=="), body) ==
        "NF711Ax+itw1J8vxEmrFSA==");
  // One byte more (a trailing newline) changes the mac: it covers the exact octets.
  CHECK(hmac_mac("Bruce2", "OhBehave", "Nonce", body + "\n") != "8QO2wC+5Wv/hTZNIDeUFAw==");
}

TEST_CASE("auth: x-syncml-hmac header emit and tolerant parse") {
  CHECK(hmac_header_value("Bruce2", "8QO2wC+5Wv/hTZNIDeUFAw==") ==
        "algorithm=MD5, username=\"Bruce2\", mac=8QO2wC+5Wv/hTZNIDeUFAw==");
  auto h = parse_hmac_header("algorithm=MD5, username=\"Bruce2\", mac=8QO2wC+5Wv/hTZNIDeUFAw==");
  REQUIRE(h);
  CHECK(h->algorithm == "MD5");
  CHECK(h->username == "Bruce2");
  CHECK(h->mac == "8QO2wC+5Wv/hTZNIDeUFAw==");
  auto android = parse_hmac_header("algorithm=MD5,username=\"dev\",mac=abc=");
  REQUIRE(android);
  CHECK(android->username == "dev");
  CHECK(android->mac == "abc=");
  auto reordered = parse_hmac_header("MAC=\"xyz\" , UserName=\"a \\\"q\\\" b\"");
  REQUIRE(reordered);
  CHECK(reordered->algorithm == "MD5");  // absent means MD5
  CHECK(reordered->username == "a \"q\" b");
  CHECK(reordered->mac == "xyz");
  CHECK(!parse_hmac_header("algorithm=MD5, mac=abc"));
  CHECK(!parse_hmac_header("username=\"x\""));
  CHECK(!parse_hmac_header("username=\"unterminated, mac=abc"));
  CHECK(!parse_hmac_header(""));
  // Round trip of a user name with a quote.
  auto rt = parse_hmac_header(hmac_header_value("we\"ird", "m"));
  REQUIRE(rt);
  CHECK(rt->username == "we\"ird");
}

TEST_CASE("auth: scheme names and meta types") {
  CHECK(parse_scheme_name("MD5") == Scheme::md5);
  CHECK(parse_scheme_name("hmac") == Scheme::hmac);
  CHECK(!parse_scheme_name("digest"));
  CHECK(scheme_meta_type(Scheme::hmac) == "syncml:auth-MAC");
  CHECK(scheme_from_meta_type("syncml:auth-mac") == Scheme::hmac);
  CHECK(scheme_from_meta_type("syncml:auth-basic") == Scheme::basic);
  CHECK(!scheme_from_meta_type("syncml:auth-X509"));
}

TEST_CASE("auth: wipe clears the secret") {
  std::string s = "secret";
  wipe(s);
  CHECK(s.empty());
}
