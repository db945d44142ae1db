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

namespace {

// Each byte's six bits, 0x80 for a byte outside the alphabet.
struct Alphabet {
  unsigned char value[256] = {};
  constexpr Alphabet() {
    for (auto& v : value) v = 0x80;
    for (int i = 0; i < 26; ++i) {
      value['A' + i] = static_cast<unsigned char>(i);
      value['a' + i] = static_cast<unsigned char>(26 + i);
    }
    for (int i = 0; i < 10; ++i) value['0' + i] = static_cast<unsigned char>(52 + i);
    value[static_cast<unsigned char>('+')] = 62;
    value[static_cast<unsigned char>('/')] = 63;
  }
};
constexpr Alphabet kAlphabet{};

// Text without white space: groups of four, '=' only as the last one or two characters.
std::optional<std::string> decode_compact(std::string_view s) {
  if (s.size() % 4 != 0) return std::nullopt;
  std::size_t pad = 0;
  if (!s.empty() && s.back() == '=') ++pad;
  if (s.size() > 1 && s[s.size() - 2] == '=') ++pad;
  if (s.empty()) return std::string();
  std::string out;
  out.resize(s.size() / 4 * 3);
  auto* in = reinterpret_cast<const unsigned char*>(s.data());
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  std::size_t groups = s.size() / 4;
  for (std::size_t g = 0; g < groups; ++g, in += 4, o += 3) {
    unsigned a = kAlphabet.value[in[0]], b = kAlphabet.value[in[1]], c = kAlphabet.value[in[2]],
             d = kAlphabet.value[in[3]];
    if (g + 1 == groups && pad) {  // '=' counts as zero bits
      if (pad == 2) c = 0;
      d = 0;
    }
    if ((a | b | c | d) & 0x80) return std::nullopt;
    unsigned v = (a << 18) | (b << 12) | (c << 6) | d;
    o[0] = static_cast<unsigned char>(v >> 16);
    o[1] = static_cast<unsigned char>(v >> 8);
    o[2] = static_cast<unsigned char>(v);
  }
  out.resize(s.size() / 4 * 3 - pad);  // at least 3 - 2: s holds a group
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

std::optional<std::string> decode(std::string_view text) {
  // Most Base64 in captures is one line: decoded as it stands. White space (line breaks may
  // split groups of four) is outside the alphabet, so text holding some fails that, and is
  // decoded again without it.
  if (auto bytes = decode_compact(text)) return bytes;
  if (text.find_first_of(" \n\r\t") == std::string_view::npos) return std::nullopt;
  std::string compact;
  compact.reserve(text.size());
  for (char c : text) {
    if (!is_space(c)) compact.push_back(c);
  }
  return decode_compact(compact);
}

}  // namespace syncmldm::base64
