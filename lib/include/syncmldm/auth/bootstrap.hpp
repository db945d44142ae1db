#pragma once
// The bootstrap MAC of OMA DM: a bootstrap message travels as WBXML with the Content-Type
// parameters SEC (how the key was made) and MAC (hex HMAC-SHA1 of the WBXML bytes under that key).
//
//   Content-Type: application/vnd.syncml.dm+wbxml; SEC=USERPIN; MAC=6cd48bfd...

#include <optional>
#include <string>
#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::auth {

// HMAC-SHA1 (RFC 2104) of `data` under `key`, 20 raw bytes.
std::string hmac_sha1(std::string_view key, std::string_view data);
// hex(HMAC-SHA1(key, wbxml)) in lower case.
std::string bootstrap_mac(std::string_view key, std::string_view wbxml);

// The security methods the SEC parameter names: NETWORKID (key: a secret shared with the
// network), USERPIN (key: a PIN given to the user), USERPIN_NETWORKID (key: "PIN:secret").
enum class BootstrapSec { networkid, userpin, userpin_networkid };
// The names above, case-insensitive; nullopt for anything else.
std::optional<BootstrapSec> parse_bootstrap_sec(std::string_view text);

struct BootstrapParams {
  std::string sec;  // as written ("" when absent)
  std::string mac;  // as written ("" when absent)
};
// SEC and MAC from a Content-Type value (names case-insensitive, values bare or quoted).
BootstrapParams parse_bootstrap_params(std::string_view content_type);

// Whether `mac_hex` (either case) is the bootstrap MAC of `wbxml` under `key`.
bool bootstrap_mac_matches(std::string_view key, std::string_view wbxml, std::string_view mac_hex);

}  // namespace syncmldm::auth
SYNCMLDM_API_END
