#pragma once
// Base64 (RFC 4648 alphabet, with padding) over OpenSSL's EVP encoder.

#include <optional>
#include <string>
#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::base64 {

// One line, no line breaks.
std::string encode(std::string_view bytes);
// Decodes text that may contain white space (line breaks) between groups. nullopt when the text
// is not valid Base64 (bad characters, misplaced padding, length not a multiple of 4).
std::optional<std::string> decode(std::string_view text);

}  // namespace syncmldm::base64
SYNCMLDM_API_END
