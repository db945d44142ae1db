// Fuzz target: XML -> SyncML message model -> XML. What the writer produces must parse again.
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/message.hpp"
#include "syncmldm/xml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace xml = syncmldm::xml;
  namespace message = syncmldm::message;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string written;
  try {
    auto doc = xml::Document::parse(text, "fuzz");
    written = message::write(message::read(doc));
  } catch (const syncmldm::Error&) {
    return 0;
  }
  try {
    auto again = xml::Document::parse(written, "rewritten");
    (void)message::read(again);
  } catch (const syncmldm::Error&) {
    __builtin_trap();  // the writer produced something that is not well-formed
  }
  return 0;
}
