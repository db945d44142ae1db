#pragma once
// Application-layer authentication of OMA DM 1.2: the Basic and MD5 digest credentials that
// travel in SyncHdr/Cred, the HMAC-MD5 integrity header `x-syncml-hmac`, and nonce handling.
//
// Base64 comes from syncmldm/base64.hpp. All functions work on octets held in std::string (no text encoding is assumed; strings are
// UTF-8 by convention). Digests come from OpenSSL EVP. Nothing here prints or exits; malformed
// input throws syncmldm::Error{ErrorKind::input}.

#include <optional>
#include <string>
#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::auth {

// MD5 over the octets, 16 raw bytes.
std::string md5(std::string_view octets);

enum class Scheme { none, basic, md5, hmac };

// "none", "basic", "md5", "hmac".
std::string_view scheme_name(Scheme scheme);
// Parses the names above (case-insensitive); nullopt for anything else.
std::optional<Scheme> parse_scheme_name(std::string_view name);
// The Meta Type of Cred and Chal: "syncml:auth-basic", "syncml:auth-md5", "syncml:auth-MAC".
std::string_view scheme_meta_type(Scheme scheme);
// Inverse of scheme_meta_type (case-insensitive); nullopt for unknown or unsupported types.
std::optional<Scheme> scheme_from_meta_type(std::string_view type);

// Basic: B64(user ":" password).
std::string basic_cred(std::string_view user, std::string_view password);
// The MD5 "credential" both MD5 and HMAC build on: B64(H(user ":" password)).
std::string md5_secret(std::string_view user, std::string_view password);
// MD5 digest Cred/Data: B64(H(md5_secret ":" nonce)), `nonce` being raw octets.
std::string md5_cred(std::string_view user, std::string_view password, std::string_view nonce);
// HMAC mac: B64(H(md5_secret ":" nonce ":" B64(H(body)))), over the exact body octets.
std::string hmac_mac(std::string_view user, std::string_view password, std::string_view nonce,
                     std::string_view body);

// The x-syncml-hmac header value: `algorithm=MD5, username="USER", mac=MAC`.
std::string hmac_header_value(std::string_view user, std::string_view mac);

struct HmacHeader {
  std::string algorithm = "MD5";  // absent in the header means MD5
  std::string username;
  std::string mac;
};
// Parses an x-syncml-hmac value tolerantly (any parameter order, optional spaces,
// case-insensitive names, quoted or bare values). nullopt when username or mac is missing.
std::optional<HmacHeader> parse_hmac_header(std::string_view value);

// How a NextNonce received on the wire becomes the octets that are hashed.
enum class NonceForm {
  decoded,  // Base64-decode the text (what the specification and Windows do)
  literal,  // hash the text as it is (seen in some clients; for interop)
};

// The nonce octets for `wire` (the NextNonce text). With NonceForm::decoded, text that is not
// valid Base64 is used literally, so that a sloppy server still gets an answer.
std::string nonce_octets(std::string_view wire, NonceForm form = NonceForm::decoded);

// Overwrites a secret in memory before it is released.
void wipe(std::string& secret) noexcept;

}  // namespace syncmldm::auth
SYNCMLDM_API_END
