#pragma once
// Base64 for node values (OpenSSL EVP); internal to the library.

#include <optional>
#include <string>
#include <string_view>

namespace syncmldm::detail {

std::string base64_encode(std::string_view bytes);
// nullopt when the text is not valid Base64 (white space is ignored).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace syncmldm::detail
