// Fuzz target: any bytes through input sniffing and the WBXML decoder. Whatever decodes must
// encode again, and that encoding must decode to the same XML (the codec's round-trip promise).
// The compact XML, whether the document decodes or not, stays within a bound linear in the
// input: string-table references expand it at most wbxml::kMaxTableExpansion times (escaping
// makes at most 6 bytes of one), every other byte of WBXML at most 128 bytes of XML (a tag
// token with its end tag and a namespace declaration; an unknown token's markers).
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/codec/codec.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/wbxml/wbxml.hpp"

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
    codec::DecodeOptions compact;
    compact.keep_unknown = true;
    compact.indent = -1;
    std::uint64_t written = 0;
    const std::uint64_t bound = 6 * syncmldm::wbxml::table_expansion_limit(p.bytes.size()) + 128 * p.bytes.size() + 4096;
    try {
      codec::wbxml_to_xml(p.bytes, "fuzz", compact, [&](std::string_view piece) {
        written += piece.size();
        if (written > bound + codec::kDecodeChunk) __builtin_trap();  // expanded past the bound
      });
    } catch (const syncmldm::Error&) {
    }
    if (written > bound) __builtin_trap();
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
