#pragma once
// Internal parts of input sniffing: hex dumps and HTTP messages.

#include <string>
#include <string_view>

namespace syncmldm::input::detail {

// Plain hex ("02 a4 01", "0x02, 0xA4", "02:a4"), `xxd -i` C arrays, `xxd` and `hexdump -C` dumps (also the
// "offset   bytes   ascii" form Wireshark copies). Throws Error{input} with the text offset of
// a bad digit or an offset that does not follow on.
std::string parse_hex(std::string_view text, const std::string& source);
bool looks_like_hex(std::string_view text);
// Base64 alphabet and white space only, a multiple of four characters.
bool looks_like_base64(std::string_view text);

struct HttpMessage {
  std::string start_line;
  std::string content_type;
  std::string body;
  std::size_t end = 0;          // offset just after the body
  bool framed = false;          // the body's end came from Content-Length or chunking
  bool by_length = false;       // ... from Content-Length
};
bool looks_like_http(std::string_view text);
// Headers then body; chunked transfer coding is undone, Content-Length honoured.
HttpMessage parse_http(std::string_view text, const std::string& source);

}  // namespace syncmldm::input::detail
