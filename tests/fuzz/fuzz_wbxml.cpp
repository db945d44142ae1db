// Fuzz target: any bytes through input sniffing and the WBXML decoder. Whatever decodes must
// encode again, and that encoding must decode to the same XML (the codec's round-trip promise).
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/codec.hpp"
#include "syncmldm/input.hpp"
#include "syncmldm/wbxml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace codec = syncmldm::codec;
  namespace input = syncmldm::input;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string xml;
  try {
    input::Payload p = input::unwrap(bytes, "fuzz");
    if (p.payload != input::Format::wbxml) return 0;
    std::string dump;
    try {
      syncmldm::wbxml::dump(p.bytes, "fuzz", dump);
    } catch (const syncmldm::Error&) {
    }
    codec::DecodeOptions o;
    o.keep_unknown = true;
    xml = codec::wbxml_to_xml(p.bytes, "fuzz", o);
  } catch (const syncmldm::Error&) {
    return 0;
  }
  try {
    codec::EncodeOptions e;
    codec::DecodeOptions o;
    o.keep_unknown = true;
    std::string again = codec::wbxml_to_xml(codec::xml_to_wbxml(xml, "decoded", e), "re-encoded", o);
    if (again != codec::wbxml_to_xml(codec::xml_to_wbxml(again, "decoded", e), "re-encoded", o)) __builtin_trap();
  } catch (const syncmldm::Error&) {
    __builtin_trap();  // our own decoder's output did not encode and decode again
  }
  return 0;
}
