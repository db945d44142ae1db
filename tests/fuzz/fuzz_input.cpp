// Fuzz target: input sniffing and unwrapping (hex dumps, Base64, HTTP messages with chunked
// bodies). The unwrapped payload is never larger than the input, except for the bounded
// expansion of hexdump's '*' repeats.
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/input/input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace input = syncmldm::input;
  std::string text(reinterpret_cast<const char*>(data), size);
  (void)input::sniff(text);
  try {
    input::Payload payload = input::unwrap(text, "fuzz");
    if (payload.bytes.size() > input::kMaxHexExpansion * (size + 1024)) __builtin_trap();
  } catch (const syncmldm::Error&) {
  }
  return 0;
}
