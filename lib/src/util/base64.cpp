#include "syncmldm/util/base64.hpp"

#include <openssl/evp.h>

namespace syncmldm::base64 {

std::string encode(std::string_view bytes) {
  std::string out;
  out.resize(4 * ((bytes.size() + 2) / 3) + 1);
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> decode(std::string_view text) {
  // Drop white space first: EVP_DecodeBlock wants contiguous groups of four.
  std::string compact;
  compact.reserve(text.size());
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    compact.push_back(c);
  }
  if (compact.size() % 4 != 0) return std::nullopt;
  std::size_t pad = 0;
  if (!compact.empty() && compact.back() == '=') ++pad;
  if (compact.size() > 1 && compact[compact.size() - 2] == '=') ++pad;
  for (std::size_t i = 0; i + pad < compact.size(); ++i) {
    char c = compact[i];
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    if (!ok) return std::nullopt;
  }
  std::string out;
  out.resize(compact.size() / 4 * 3 + 1);
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(compact.data()), static_cast<int>(compact.size()));
  if (n < 0) return std::nullopt;
  out.resize(static_cast<std::size_t>(n) - pad);
  return out;
}

}  // namespace syncmldm::base64
