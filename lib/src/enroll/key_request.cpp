// The device's key pair and PKCS#10 certificate request, made to the enrolment policy's key
// length and hash, with OpenSSL.
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

#include "enroll/key_request.hpp"
#include "enroll/openssl_ptr.hpp"
#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/util/base64.hpp"

namespace syncmldm::enroll {

namespace {

using namespace detail;
using Key = KeyPtr;
using Req = X509ReqPtr;
using Bio = BioPtr;

[[noreturn]] void fail(const std::string& what) { throw Error(ErrorKind::io, "cannot make the certificate request: " + what); }

}  // namespace

namespace detail {

int key_bits(const Policy& policy) {
  int bits = policy.min_key_length < 2048 ? 2048 : policy.min_key_length;
  if (bits > 16384) throw Error(ErrorKind::input, "the policy asks for a " + std::to_string(bits) + "-bit key, more than 16384");
  return bits;
}

KeyRequest request_signed_by(EVP_PKEY* key, const Policy& policy, std::string_view subject) {
  const EVP_MD* md = EVP_get_digestbyname(policy.hash.c_str());
  if (!md) throw Error(ErrorKind::input, "unknown hash algorithm \"" + policy.hash + "\"");
  Req req(X509_REQ_new());
  if (!req || X509_REQ_set_version(req.get(), 0) != 1) fail("no request object");
  X509_NAME* name = X509_REQ_get_subject_name(req.get());
  std::string cn(subject);
  if (cn.empty()) cn = "syncml-dm-tools device";
  if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.data()),
                                 static_cast<int>(cn.size()), -1, 0) != 1)
    fail("the subject \"" + cn + "\" is not usable");
  if (X509_REQ_set_pubkey(req.get(), key) != 1) fail("no public key");
  if (X509_REQ_sign(req.get(), key, md) <= 0) fail("signing with " + policy.hash + " failed");

  KeyRequest out;
  unsigned char* der = nullptr;
  int len = i2d_X509_REQ(req.get(), &der);
  if (len <= 0) fail("DER encoding failed");
  out.csr_der.assign(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  out.csr_base64 = base64::encode(out.csr_der);
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
    fail("the private key cannot be written");
  out.private_key_pem = bio_text(bio.get());
  return out;
}

}  // namespace detail

KeyRequest make_key_request(const Policy& policy, std::string_view subject) {
  int bits = detail::key_bits(policy);
  if (!EVP_get_digestbyname(policy.hash.c_str())) throw Error(ErrorKind::input, "unknown hash algorithm \"" + policy.hash + "\"");
  Key key(EVP_RSA_gen(static_cast<unsigned>(bits)));
  if (!key) fail("RSA key generation failed");
  return detail::request_signed_by(key.get(), policy, subject);
}

std::string new_message_id() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) fail("no random bytes");
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 15]);
  }
  return out;
}

}  // namespace syncmldm::enroll
