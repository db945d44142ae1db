#include "session_codec.hpp"

#include "syncmldm/codec/codec.hpp"

namespace tools {

syncmldm::session::Codec session_codec() {
  syncmldm::session::Codec codec;
  codec.encode = [](std::string_view xml) {
    syncmldm::codec::EncodeOptions options;
    options.public_id = syncmldm::codec::PublicIdForm::string;  // as Windows writes it
    return syncmldm::codec::xml_to_wbxml(xml, "request", options);
  };
  codec.decode = [](std::string_view wbxml) {
    syncmldm::codec::DecodeOptions options;
    options.xml_declaration = false;
    return syncmldm::codec::wbxml_to_xml(wbxml, "reply", options);
  };
  return codec;
}

}  // namespace tools
