// A program of another project's, built against the installed library: the codec both ways, an
// error thrown across the library boundary, and a symbol of the transport library.
#include <cstdio>
#include <string>

#include "syncmldm/codec/codec.hpp"
#include "syncmldm/net/net.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/version.hpp"

int main() {
  const std::string xml =
      "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>"
      "<SessionID>1</SessionID><MsgID>1</MsgID></SyncHdr><SyncBody><Final/></SyncBody></SyncML>";
  const std::string wbxml = syncmldm::codec::xml_to_wbxml(xml, "consumer");
  const std::string back = syncmldm::codec::wbxml_to_xml(wbxml, "consumer");
  if (back.find("<VerProto>DM/1.2</VerProto>") == std::string::npos) {
    std::fprintf(stderr, "consumer: the round trip lost VerProto:\n%s\n", back.c_str());
    return 1;
  }
  try {
    syncmldm::codec::xml_to_wbxml("<SyncML>", "broken.xml");
    std::fprintf(stderr, "consumer: malformed XML was accepted\n");
    return 1;
  } catch (const syncmldm::Error& e) {
    if (e.kind() != syncmldm::ErrorKind::input) return 1;
  }
  if (syncmldm::net::media_type("Application/vnd.syncml.dm+XML; charset=utf-8") != syncmldm::net::kXmlMediaType) {
    std::fprintf(stderr, "consumer: media_type is wrong\n");
    return 1;
  }
  syncmldm::net::HttpClient client(syncmldm::net::HttpOptions{});  // libcurl linked and started
  std::printf("syncmldm %s: %zu bytes of WBXML\n", syncmldm::kVersion, wbxml.size());
  return 0;
}
