// The end of one WBXML document among several: the Reader walks its tokens to the END of the
// root element.
#include "syncmldm/wbxml/document.hpp"

namespace syncmldm::wbxml {

std::uint64_t document_length(std::string_view bytes, const std::string& source_name, const ReadOptions& options) {
  Reader reader(bytes, source_name, options);
  Event e;
  // next() throws on a document cut short: the loop ends at the root's end or with an error.
  while (!reader.root_done()) {
    if (!reader.next(e)) throw reader.error(reader.position(), "truncated: no root element");
  }
  // Processing instructions may follow the root (WBXML's body is pi* element pi*). A next
  // document starts with its version byte (0x00-0x03), never with PI (0x43).
  while (reader.position() < bytes.size() && static_cast<std::uint8_t>(bytes[reader.position()]) == tok::kPi) {
    reader.next(e);
  }
  return reader.position();
}

}  // namespace syncmldm::wbxml
