// What a trace of the wire shows: every exchange in full, bodies readable, secrets masked.
#include <string>

#include "syncmldm/net/session.hpp"

namespace syncmldm::session {

std::string shown_body(std::string_view body, std::string_view xml) {
  // WBXML shows as its decoded XML: binary bytes would garble the terminal.
  if (!xml.empty()) return std::string(xml);
  constexpr std::size_t kMaxShown = 64 * 1024;
  bool binary = false;
  for (unsigned char c : body.substr(0, 512)) binary = binary || (c < 0x20 && c != '\n' && c != '\r' && c != '\t');
  if (binary) return "[" + std::to_string(body.size()) + " bytes of binary data]";
  if (body.size() > kMaxShown)
    return std::string(body.substr(0, kMaxShown)) + "\n[... " + std::to_string(body.size() - kMaxShown) + " more bytes]";
  return std::string(body);
}

std::string trace_text(const Exchange& ex) {
  std::string text = "> " + ex.url + "\n";
  std::string head = ex.response.raw_request_headers;
  if (head.empty()) head = "POST " + ex.url + "\r\n";
  text += head;
  if (head.size() < 2 || head.substr(head.size() - 2) != "\r\n") text += "\r\n";
  text += shown_body(ex.request_body, ex.request_xml);
  text += "\n\n< " + std::to_string(ex.response.status) + " (" + std::to_string(ex.response.elapsed.count() / 1000) +
          " ms)\n";
  text += ex.response.raw_response_headers;
  text += shown_body(ex.response.body, ex.reply_xml);
  text += "\n\n";
  return net::mask_secrets(text);
}

}  // namespace syncmldm::session
