// Fuzz target: provisioning documents (XML or WBXML). Whatever reads must write back to XML
// that reads again to the same model, and to WBXML that reads to it too.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/codec/codec.hpp"
#include "syncmldm/prov/prov.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace prov = syncmldm::prov;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)prov::is_provisioning(bytes);
  std::vector<prov::Problem> problems;
  std::string written;
  try {
    written = prov::to_xml(prov::read(bytes, "fuzz.prov", {}, &problems));
  } catch (const syncmldm::Error&) {
    return 0;
  }
  try {
    // A document with problems (collected) may write a characteristic without a type: the
    // second reading collects them too.
    std::vector<prov::Problem> again_problems;
    std::string again = prov::to_xml(prov::read(written, "rewritten.xml", {}, &again_problems));
    if (again != written) __builtin_trap();  // the model changed on the way through XML
    std::string wbxml = syncmldm::codec::xml_to_wbxml(written, "rewritten.xml");
    if (prov::to_xml(prov::read(wbxml, "rewritten.wbxml", {}, &again_problems)) != written) __builtin_trap();  // or through WBXML
  } catch (const syncmldm::Error&) {
    __builtin_trap();  // the writer produced a document the reader or the encoder refuses
  }
  return 0;
}
