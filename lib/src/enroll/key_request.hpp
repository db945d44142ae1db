#pragma once
// The PKCS#10 request of an enrolment signed with a key made elsewhere: a device's own new key
// (make_key_request) or dm-load's shared one.
#include <openssl/evp.h>

#include <string_view>

#include "syncmldm/enroll/enroll.hpp"

namespace syncmldm::enroll::detail {

// The key length the policy asks for (at least 2048); Error{input} past 16384.
int key_bits(const Policy& policy);

// A request with subject CN=`subject` (a fixed name when empty) signed by `key` with the
// policy's hash, and the key as PEM. Throws Error{input} for an unknown hash, Error{io} when
// OpenSSL fails.
KeyRequest request_signed_by(EVP_PKEY* key, const Policy& policy, std::string_view subject);

}  // namespace syncmldm::enroll::detail
