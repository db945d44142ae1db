// Certificate authentication of the enroll layer ([MS-MDE2] 3.3.4.1.1.1.2, 3.4.4.1.1.1.2): the
// WS-Security header carries the certificate and a Timestamp whose digest and signature verify
// with OpenSSL from the bytes sent; the e-mail discovery URL with a port; --resolve entries.
#include <doctest/doctest.h>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/util/resolve_entry.hpp"

using namespace syncmldm;

namespace {

struct Identity {
  std::string cert_pem, key_pem;
};

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  long n = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(n));
}

// A self-signed certificate with an RSA (2048) or EC (P-256) key.
Identity make_identity(bool ec) {
  EVP_PKEY* key = ec ? EVP_EC_gen("P-256") : EVP_RSA_gen(2048);
  REQUIRE(key);
  X509* x = X509_new();
  X509_set_version(x, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x), 7);
  X509_gmtime_adj(X509_getm_notBefore(x), 0);
  X509_gmtime_adj(X509_getm_notAfter(x), 3600);
  X509_set_pubkey(x, key);
  X509_NAME* name = X509_get_subject_name(x);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("DEV-1"), -1, -1, 0);
  X509_set_issuer_name(x, name);
  REQUIRE(X509_sign(x, key, EVP_sha256()) > 0);
  BIO* cb = BIO_new(BIO_s_mem());
  BIO* kb = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(cb, x);
  PEM_write_bio_PrivateKey(kb, key, nullptr, nullptr, 0, nullptr, nullptr);
  Identity id{bio_text(cb), bio_text(kb)};
  BIO_free(cb);
  BIO_free(kb);
  X509_free(x);
  EVP_PKEY_free(key);
  return id;
}

std::string between(const std::string& s, const std::string& open, const std::string& close, bool inclusive) {
  auto b = s.find(open);
  REQUIRE(b != std::string::npos);
  auto e = s.find(close, b + open.size());
  REQUIRE(e != std::string::npos);
  return inclusive ? s.substr(b, e + close.size() - b) : s.substr(b + open.size(), e - b - open.size());
}

std::string sha256(const std::string& data) {
  unsigned char md[32];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), md, &n, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<char*>(md), n);
}

// Verifies `signature` (XML-DSig form: r||s for ECDSA) of `data` by the certificate's key.
bool verifies(const std::string& cert_pem, const std::string& data, std::string signature, bool ec) {
  BIO* b = BIO_new_mem_buf(cert_pem.data(), static_cast<int>(cert_pem.size()));
  X509* x = PEM_read_bio_X509(b, nullptr, nullptr, nullptr);
  BIO_free(b);
  REQUIRE(x);
  EVP_PKEY* key = X509_get_pubkey(x);
  if (ec) {
    REQUIRE(signature.size() == 64);
    ECDSA_SIG* sig = ECDSA_SIG_new();
    ECDSA_SIG_set0(sig, BN_bin2bn(reinterpret_cast<const unsigned char*>(signature.data()), 32, nullptr),
                   BN_bin2bn(reinterpret_cast<const unsigned char*>(signature.data()) + 32, 32, nullptr));
    unsigned char* der = nullptr;
    int n = i2d_ECDSA_SIG(sig, &der);
    signature.assign(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
  }
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
            EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                             reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
  EVP_MD_CTX_free(ctx);
  EVP_PKEY_free(key);
  X509_free(x);
  return ok;
}

enroll::Credential certificate_credential(const Identity& id) {
  enroll::Credential c;
  c.policy = enroll::AuthPolicy::certificate;
  c.certificate_pem = id.cert_pem;
  c.private_key_pem = id.key_pem;
  return c;
}

}  // namespace

TEST_CASE("enroll: the Certificate header's digest and signature verify from the bytes sent") {
  for (bool ec : {false, true}) {
    CAPTURE(ec);
    Identity id = make_identity(ec);
    std::string h = enroll::certificate_security_header(certificate_credential(id), enroll::kX509v3ValueType,
                                                        "2026-12-07T10:00:00.000Z", "2026-12-07T10:05:00.000Z");
    std::string stamp = between(h, "<u:Timestamp", "</u:Timestamp>", true);
    CHECK(stamp.find("<u:Created>2026-12-07T10:00:00.000Z</u:Created><u:Expires>2026-12-07T10:05:00.000Z</u:Expires>") !=
          std::string::npos);
    std::string signed_info = between(h, "<ds:SignedInfo", "</ds:SignedInfo>", true);
    CHECK(signed_info.find("<ds:Reference URI=\"#_0\">") != std::string::npos);
    CHECK(between(signed_info, "<ds:DigestValue>", "</ds:DigestValue>", false) == base64::encode(sha256(stamp)));
    CHECK(signed_info.find(ec ? "xmldsig-more#ecdsa-sha256" : "xmldsig-more#rsa-sha256") != std::string::npos);
    auto sig = base64::decode(between(h, "<ds:SignatureValue>", "</ds:SignatureValue>", false));
    REQUIRE(sig);
    CHECK(verifies(id.cert_pem, signed_info, *sig, ec));
    CHECK_FALSE(verifies(id.cert_pem, signed_info + " ", *sig, ec));  // the check can fail
    // The token is the certificate, and the signature names it.
    std::string token = between(h, "<wsse:BinarySecurityToken", "</wsse:BinarySecurityToken>", true);
    CHECK(token.find("ValueType=\"" + std::string(enroll::kX509v3ValueType) + "\"") != std::string::npos);
    std::string token_id = between(token, "u:Id=\"", "\"", false);
    CHECK(h.find("<wsse:Reference URI=\"#" + token_id + "\"") != std::string::npos);
    auto der = base64::decode(token.substr(token.find('>') + 1, token.rfind('<') - token.find('>') - 1));
    REQUIRE(der);
    const auto* p = reinterpret_cast<const unsigned char*>(der->data());
    X509* x = d2i_X509(nullptr, &p, static_cast<long>(der->size()));
    CHECK(x != nullptr);
    X509_free(x);
  }
}

TEST_CASE("enroll: the Certificate requests carry the token types [MS-MDE2] names, and no password") {
  Identity id = make_identity(false);
  auto c = certificate_credential(id);
  c.password = "never-sent";
  std::string policies = enroll::build_get_policies(c, "urn:uuid:1", "https://h/EnrollmentServer/Policy.svc");
  CHECK(policies.find("ValueType=\"" + std::string(enroll::kX509v3ValueType) + "\"") != std::string::npos);
  CHECK(policies.find("<ds:Signature") != std::string::npos);
  CHECK(policies.find("never-sent") == std::string::npos);
  std::string rst = enroll::build_request_security_token(c, "Q1NS", {}, "urn:uuid:2", "https://h/e");
  std::string header = between(rst, "<wsse:Security", "</wsse:Security>", true);
  CHECK(header.find("ValueType=\"" + std::string(enroll::kUserTokenValueType) + "\"") != std::string::npos);
  CHECK(rst.find(std::string(enroll::kIssue)) != std::string::npos);
  // The trace masks the certificate token like every other token, never the PKCS#10 request.
  std::string masked = enroll::mask_secrets(rst);
  CHECK(masked.find("Q1NS") != std::string::npos);
}

TEST_CASE("enroll: Certificate authentication refuses a key of another certificate, or none") {
  Identity a = make_identity(false), b = make_identity(false);
  auto c = certificate_credential(a);
  c.private_key_pem = b.key_pem;
  CHECK_THROWS_WITH_AS(enroll::certificate_security_header(c, enroll::kX509v3ValueType, "a", "b"),
                       doctest::Contains("does not belong"), Error);
  c.private_key_pem.clear();
  CHECK_THROWS_AS(enroll::certificate_security_header(c, enroll::kX509v3ValueType, "a", "b"), Error);
  c.certificate_pem = "not PEM";
  CHECK_THROWS_AS(enroll::certificate_security_header(c, enroll::kX509v3ValueType, "a", "b"), Error);
}

TEST_CASE("enroll: the discovery URL of an e-mail address with a port") {
  CHECK(enroll::discovery_url_for_email("a@Example.Test", 8443) ==
        "https://enterpriseenrollment.example.test:8443/EnrollmentServer/Discovery.svc");
  CHECK(enroll::discovery_url_for_email("a@example.test", 443) ==
        "https://enterpriseenrollment.example.test/EnrollmentServer/Discovery.svc");
  CHECK(enroll::discovery_url_for_email("a@example.test", 0) == enroll::discovery_url_for_email("a@example.test"));
  CHECK_THROWS_AS(enroll::discovery_url_for_email("a@example.test", 70000), Error);
}

TEST_CASE("resolve entries: literal addresses only") {
  for (const char* good : {"h.example:443:127.0.0.1", "h:1:::1", "h:65535:[::1]", "a-b.c:8443:10.0.0.1,10.0.0.2"})
    CHECK_NOTHROW(check_resolve_entry(good));
  for (const char* bad : {"h", "h:443", "h:443:", "h:0:127.0.0.1", "h:65536:127.0.0.1", "h:x:127.0.0.1",
                          "h:443:localhost", "h:443:127.0.0.1,", "h:443:127.0.0.1,example.com", ":443:127.0.0.1",
                          "h/x:443:127.0.0.1", "h:443:999.1.1.1"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(check_resolve_entry(bad), Error);
  }
}
