// Binary payloads that may arrive as hex or Base64 text (input.hpp, unwrap_binary).
#include <fmt/format.h>

#include "input/input_detail.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/util/base64.hpp"

namespace syncmldm::input {

BinaryInput unwrap_binary(std::string data, const std::string& source_name) {
  if (data.empty()) throw Error(ErrorKind::input, "empty input", Location{source_name, 0});
  BinaryInput out;
  if (detail::looks_like_hex(data)) {
    out.bytes = detail::parse_hex(data, source_name);
    out.container = "hex";
  } else if (detail::looks_like_base64(data)) {
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
