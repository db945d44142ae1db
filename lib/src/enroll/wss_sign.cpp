// WS-Security for Certificate authentication ([MS-MDE2] 3.3.4.1.1.1.2 and 3.4.4.1.1.1.2): the
// client certificate as a BinarySecurityToken and an XML signature of a u:Timestamp by its key.
// The signed parts are written in their exclusive canonical form (every namespace they use
// declared on them, empty elements as start and end tags, no white space between elements), so
// the bytes digested and signed are the bytes sent and a verifier's canonicalisation gives them back.
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstring>
#include <memory>
#include <string>

#include "enroll/openssl_ptr.hpp"
#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/util/base64.hpp"

namespace syncmldm::enroll {

namespace {

using namespace detail;

int pass_callback(char* buf, int size, int, void* user) {
  const auto* password = static_cast<const std::string*>(user);
  if (!password || password->empty() || static_cast<int>(password->size()) > size) return 0;
  std::memcpy(buf, password->data(), password->size());
  return static_cast<int>(password->size());
}

std::string sha256(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(data.data(), data.size(), md, &n, EVP_sha256(), nullptr) != 1)
    throw Error(ErrorKind::io, "SHA-256 is not available");
  return std::string(reinterpret_cast<char*>(md), n);
}

// XML signatures carry an ECDSA signature as r and s side by side, each the size of the
// curve's order, where OpenSSL writes a DER sequence.
std::string ecdsa_raw(const std::string& der, EVP_PKEY* key) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
  if (!sig) throw Error(ErrorKind::io, "the ECDSA signature cannot be read back");
  int half = (EVP_PKEY_get_bits(key) + 7) / 8;
  std::string out(static_cast<std::size_t>(2 * half), '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), o, half) != half ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), o + half, half) != half)
    throw Error(ErrorKind::io, "the ECDSA signature does not fit the curve");
  return out;
}

std::string sign(EVP_PKEY* key, std::string_view data) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  std::size_t n = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &n, reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1)
    throw Error(ErrorKind::usage, "the key of the client certificate cannot sign (RSA or EC expected)");
  std::string out(n, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1)
    throw Error(ErrorKind::usage, "signing with the key of the client certificate failed");
  out.resize(n);
  return EVP_PKEY_base_id(key) == EVP_PKEY_EC ? ecdsa_raw(out, key) : out;
}

}  // namespace

std::string certificate_security_header(const Credential& c, std::string_view value_type, std::string_view created,
                                        std::string_view expires) {
  auto cb = memory_bio(c.certificate_pem);
  X509Ptr cert(cb ? PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!cert) throw Error(ErrorKind::usage, "Certificate authentication needs a client certificate in PEM (--cert)");
  auto kb = memory_bio(c.private_key_pem);
  std::string password = c.private_key_password;
  KeyPtr key(kb ? PEM_read_bio_PrivateKey(kb.get(), nullptr, pass_callback, &password) : nullptr);
  if (!key) throw Error(ErrorKind::usage, "Certificate authentication needs the private key of the client certificate in PEM (--key)");
  if (X509_check_private_key(cert.get(), key.get()) != 1)
    throw Error(ErrorKind::usage, "the private key (--key) does not belong to the client certificate (--cert)");
  int id = EVP_PKEY_base_id(key.get());
  if (id != EVP_PKEY_RSA && id != EVP_PKEY_EC)
    throw Error(ErrorKind::usage, "Certificate authentication signs with RSA or EC keys; the key of --cert is neither");
  int der_size = i2d_X509(cert.get(), nullptr);
  std::string der(der_size > 0 ? static_cast<std::size_t>(der_size) : 0, '\0');
  auto* out = reinterpret_cast<unsigned char*>(der.data());
  if (der_size <= 0 || i2d_X509(cert.get(), &out) != der_size) throw Error(ErrorKind::io, "cannot encode the client certificate");

  std::string token_id = "uuid-" + new_message_id().substr(9) + "-1";
  std::string timestamp = "<u:Timestamp xmlns:u=\"" + std::string(kWsuNs) + "\" u:Id=\"_0\"><u:Created>" +
                          std::string(created) + "</u:Created><u:Expires>" + std::string(expires) +
                          "</u:Expires></u:Timestamp>";
  std::string method = id == EVP_PKEY_RSA ? "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
                                          : "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
  std::string signed_info =
      "<ds:SignedInfo xmlns:ds=\"" + std::string(kDsigNs) + "\"><ds:CanonicalizationMethod Algorithm=\"" +
      std::string(kExcC14n) + "\"></ds:CanonicalizationMethod><ds:SignatureMethod Algorithm=\"" + method +
      "\"></ds:SignatureMethod><ds:Reference URI=\"#_0\"><ds:Transforms><ds:Transform Algorithm=\"" +
      std::string(kExcC14n) + "\"></ds:Transform></ds:Transforms><ds:DigestMethod Algorithm=\"" +
      "http://www.w3.org/2001/04/xmlenc#sha256\"></ds:DigestMethod><ds:DigestValue>" +
      base64::encode(sha256(timestamp)) + "</ds:DigestValue></ds:Reference></ds:SignedInfo>";

  std::string out_xml = "<wsse:Security s:mustUnderstand=\"1\">" + timestamp;
  out_xml += "<wsse:BinarySecurityToken ValueType=\"" + std::string(value_type) + "\" EncodingType=\"" +
             std::string(kBase64Encoding) + "\" u:Id=\"" + token_id + "\">" + base64::encode(der) +
             "</wsse:BinarySecurityToken>";
  out_xml += "<ds:Signature xmlns:ds=\"" + std::string(kDsigNs) + "\">" + signed_info + "<ds:SignatureValue>" +
             base64::encode(sign(key.get(), signed_info)) + "</ds:SignatureValue><ds:KeyInfo>" +
             "<wsse:SecurityTokenReference><wsse:Reference URI=\"#" + token_id + "\" ValueType=\"" +
             std::string(kX509v3ValueType) + "\"/></wsse:SecurityTokenReference></ds:KeyInfo></ds:Signature>";
  out_xml += "</wsse:Security>";
  return out_xml;
}

}  // namespace syncmldm::enroll
