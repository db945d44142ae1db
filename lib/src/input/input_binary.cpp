// Binary payloads that may arrive as hex or Base64 text (input.hpp, unwrap_binary).
#include <fmt/format.h>

#include "input/input_detail.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/util/base64.hpp"

namespace syncmldm::input {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Base64 alphabet and white space only, a multiple of four characters: raw binary data with a
// digest first almost never is.
bool base64_text(std::string_view d) {
  std::size_t chars = 0;
  for (char c : d) {
    if (is_blank(c)) continue;
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
              c == '=';
    if (!ok) return false;
    ++chars;
  }
  return chars > 0 && chars % 4 == 0;
}

}  // namespace

BinaryInput unwrap_binary(std::string data, const std::string& source_name) {
  if (data.empty()) throw Error(ErrorKind::input, "empty input", Location{source_name, 0});
  BinaryInput out;
  if (detail::looks_like_hex(data)) {
    out.bytes = detail::parse_hex(data, source_name);
    out.container = "hex";
  } else if (base64_text(data)) {
    auto bytes = base64::decode(data);
    if (!bytes) throw Error(ErrorKind::input, "not valid Base64", Location{source_name, 0});
    out.bytes = std::move(*bytes);
    out.container = "base64";
  } else {
    out.bytes = std::move(data);
    out.container = "raw";
  }
  if (out.bytes.empty()) throw Error(ErrorKind::input, fmt::format("{} input holds no bytes", out.container), Location{source_name, 0});
  return out;
}

}  // namespace syncmldm::input
