// Fuzz target: a package applied to a standard device tree, and the response written out. The
// response must be well-formed SyncML.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "syncmldm/device.hpp"
#include "syncmldm/message.hpp"
#include "syncmldm/tree.hpp"
#include "syncmldm/xml.hpp"

#include "standard_schema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace xml = syncmldm::xml;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string response;
  try {
    auto doc = xml::Document::parse(text, "fuzz.xml");
    auto request = syncmldm::message::read(doc);
    auto tree = syncmldm::tree::make_standard_tree({}, standard_schema(), "20260101T000000Z");
    response = syncmldm::message::write(syncmldm::device::apply(tree, request).message);
  } catch (const syncmldm::Error&) {
    return 0;
  }
  try {
    auto doc = xml::Document::parse(response, "response.xml");
    (void)syncmldm::message::read(doc);
  } catch (const syncmldm::Error&) {
    __builtin_trap();  // the device wrote a response that is not well-formed SyncML
  }
  return 0;
}
