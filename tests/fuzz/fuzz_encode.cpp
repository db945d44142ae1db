// Fuzz target: XML text -> WBXML -> XML. What encodes must decode, and encoding the decoded XML
// must give the same bytes (WBXML -> XML -> WBXML is exact with the same options). Encoding into
// a caller's workspace (as syncml-encode does, into the room after its input) must give the same
// bytes, or the same error, as encoding into the encoder's own memory.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/codec/codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace codec = syncmldm::codec;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto table : {codec::StringTableMode::minimal, codec::StringTableMode::share}) {
    codec::EncodeOptions e;
    e.string_table = table;
    std::string wbxml, error;
    try {
      wbxml = codec::xml_to_wbxml(text, "fuzz", e);
    } catch (const syncmldm::Error& x) {
      error = x.describe();
    }
    std::vector<char> workspace(size + 64);
    std::string in_workspace;
    try {
      codec::xml_to_wbxml(text, "fuzz", e, [&](std::string_view piece) { in_workspace += piece; }, workspace);
      if (!error.empty() || in_workspace != wbxml) __builtin_trap();
    } catch (const syncmldm::Error& x) {
      if (x.describe() != error) __builtin_trap();
    }
    if (!error.empty()) return 0;
    try {
      codec::DecodeOptions d;
      d.keep_unknown = true;
      std::string xml = codec::wbxml_to_xml(wbxml, "encoded", d);
      if (codec::xml_to_wbxml(xml, "decoded", e) != wbxml) __builtin_trap();
    } catch (const syncmldm::Error&) {
      __builtin_trap();  // our own encoding did not decode, or the decoding did not encode
    }
  }
  return 0;
}
