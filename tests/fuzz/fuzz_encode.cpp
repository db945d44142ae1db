// Fuzz target: XML text -> WBXML -> XML. What encodes must decode, and encoding the decoded XML
// must give the same bytes (WBXML -> XML -> WBXML is exact with the same options).
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace codec = syncmldm::codec;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto table : {codec::StringTableMode::minimal, codec::StringTableMode::share}) {
    codec::EncodeOptions e;
    e.string_table = table;
    std::string wbxml;
    try {
      wbxml = codec::xml_to_wbxml(text, "fuzz", e);
    } catch (const syncmldm::Error&) {
      return 0;
    }
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
