// The shared key of dm-load --enroll-shared-key.
#include "enroll/load_enrol_key.hpp"

#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <string>

#include "enroll/key_request.hpp"

namespace syncmldm::enroll::detail {

SharedKey::~SharedKey() { EVP_PKEY_free(static_cast<EVP_PKEY*>(key_)); }

KeyRequest SharedKey::request_for(const Policy& policy, std::string_view subject) {
  std::lock_guard<std::mutex> lock(mutex_);
  int bits = key_bits(policy);
  if (!key_) {
    key_ = EVP_RSA_gen(static_cast<unsigned>(bits));
    if (!key_) throw Error(ErrorKind::io, "cannot make the certificate request: RSA key generation failed");
    bits_ = bits;
  } else if (bits != bits_) {
    throw Error(ErrorKind::input, "the policy asks for a " + std::to_string(bits) + "-bit key, the shared key has " +
                                      std::to_string(bits_) + " bits");
  }
  return request_signed_by(static_cast<EVP_PKEY*>(key_), policy, subject);
}

}  // namespace syncmldm::enroll::detail
