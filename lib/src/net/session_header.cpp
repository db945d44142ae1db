// Reading the server's header Status and editing SyncHdr credentials in place, keeping every
// other byte of the message as the user wrote it.
#include <cstdlib>
#include <string>

#include "syncmldm/util/error.hpp"
#include "syncmldm/net/session.hpp"
#include "syncmldm/xml/xml.hpp"
#include "xml/dom.hpp"

namespace syncmldm::session {

namespace {

using xml::dom::Node;


std::string trimmed_text(const Node* n) {
  std::string t = n ? xml::text(n) : std::string();
  auto b = t.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = t.find_last_not_of(" \t\r\n");
  return t.substr(b, e - b + 1);
}

int to_int(const std::string& s) {
  if (s.empty() || s.size() > 9) return 0;
  for (char c : s)
    if (c < '0' || c > '9') return 0;
  return std::atoi(s.c_str());
}

// The children of a Meta, looked up by local name (MetInf elements may be nested one level
// deeper in <mi:Meta> inside Meta in some implementations).
const Node* meta_child(const Node* meta, std::string_view name) {
  if (!meta) return nullptr;
  if (auto* n = xml::child(meta, name)) return n;
  for (const Node* c = meta->first_node(); c; c = c->next_sibling())
    if (c->type() == rapidxml::node_element && xml::local_name(c) == "Meta")
      if (auto* n = xml::child(c, name)) return n;
  return nullptr;
}

const Node* root_of_syncml(const xml::Document& doc) {
  const Node* root = xml::dom::root(doc);
  if (!root || xml::local_name(root) != "SyncML")
    throw Error(ErrorKind::input, "not a SyncML message (the root element is not SyncML)", xml::location_of(doc, root));
  if (!xml::child(root, "SyncHdr")) throw Error(ErrorKind::input, "SyncML message without SyncHdr", xml::location_of(doc, root));
  return root;
}

std::string cred_element(std::string_view meta_type, std::string_view data) {
  std::string out = "<Cred><Meta><Format xmlns=\"syncml:metinf\">b64</Format><Type xmlns=\"syncml:metinf\">";
  out.append(xml_escape(meta_type));
  out.append("</Type></Meta><Data>");
  out.append(xml_escape(data));
  out.append("</Data></Cred>");
  return out;
}

// Offset of the '<' of the closing tag of the element starting at `start`.
std::size_t closing_tag_start(std::string_view text, std::size_t start) {
  std::size_t end = element_end(text, start);
  std::size_t lt = text.rfind('<', end - 1);
  return lt == std::string_view::npos ? end : lt;
}

}  // namespace

std::size_t element_end(std::string_view text, std::size_t start) {
  int depth = 0;
  std::size_t i = start;
  while (i < text.size()) {
    if (text[i] != '<') {
      ++i;
      continue;
    }
    if (text.compare(i, 4, "<!--") == 0) {
      auto e = text.find("-->", i + 4);
      i = e == std::string_view::npos ? text.size() : e + 3;
      continue;
    }
    if (text.compare(i, 9, "<![CDATA[") == 0) {
      auto e = text.find("]]>", i + 9);
      i = e == std::string_view::npos ? text.size() : e + 3;
      continue;
    }
    if (text.compare(i, 2, "<?") == 0 || text.compare(i, 2, "<!") == 0) {
      auto e = text.find('>', i);
      i = e == std::string_view::npos ? text.size() : e + 1;
      continue;
    }
    bool closing = i + 1 < text.size() && text[i + 1] == '/';
    // Find the end of the tag, skipping quoted attribute values.
    std::size_t j = i + 1;
    char quote = 0;
    for (; j < text.size(); ++j) {
      char c = text[j];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (j >= text.size()) return text.size();
    bool empty = !closing && text[j - 1] == '/';
    if (closing) --depth;
    else if (!empty) ++depth;
    i = j + 1;
    if (depth == 0) return i;
  }
  return text.size();
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

ReplySummary summarize(std::string_view text, const std::string& source_name) {
  auto doc = xml::Document::parse(text, source_name);
  const Node* root = root_of_syncml(doc);
  const Node* hdr = xml::child(root, "SyncHdr");
  const Node* body = xml::child(root, "SyncBody");
  if (!body) throw Error(ErrorKind::input, "SyncML message without SyncBody", xml::location_of(doc, root));
  ReplySummary s;
  s.session_id = trimmed_text(xml::child(hdr, "SessionID"));
  s.msg_id = trimmed_text(xml::child(hdr, "MsgID"));
  s.resp_uri = trimmed_text(xml::child(hdr, "RespURI"));
  for (const Node* c = body->first_node(); c; c = c->next_sibling()) {
    if (c->type() != rapidxml::node_element) continue;
    std::string_view name = xml::local_name(c);
    if (name == "Final") {
      s.final = true;
    } else if (name == "Status") {
      ++s.statuses;
      int code = to_int(trimmed_text(xml::child(c, "Data")));
      if (code >= 400) ++s.failed_statuses;
      std::string cmd = trimmed_text(xml::child(c, "Cmd"));
      if (trimmed_text(xml::child(c, "CmdRef")) == "0" && cmd == "SyncHdr" && s.header_status.code == 0) {
        s.header_status.code = code;
        if (const Node* chal = xml::child(c, "Chal")) {
          const Node* meta = xml::child(chal, "Meta");
          s.header_status.chal_type = trimmed_text(meta_child(meta, "Type"));
          s.header_status.chal = s.header_status.chal_type.empty() ? std::optional<auth::Scheme>(auth::Scheme::basic)
                                                                   : auth::scheme_from_meta_type(s.header_status.chal_type);
          if (const Node* nn = meta_child(meta, "NextNonce")) s.header_status.next_nonce = trimmed_text(nn);
        }
      }
    } else if (name == "Results") {
      ++s.results;
    } else {
      ++s.commands;
    }
  }
  return s;
}

std::string with_credentials(std::string_view text, std::string_view loc_name, std::string_view meta_type,
                             std::string_view data) {
  auto doc = xml::Document::parse(text, "request");
  const Node* root = root_of_syncml(doc);
  const Node* hdr = xml::child(root, "SyncHdr");
  const Node* source = xml::child(hdr, "Source");
  const Node* locuri = source ? xml::child(source, "LocURI") : nullptr;
  if (!locuri) throw Error(ErrorKind::input, "the SyncHdr has no Source/LocURI to add credentials to", xml::location_of(doc, hdr));
  std::string out(text);
  // Edit from the back so that earlier offsets stay valid: Cred comes after Source.
  std::string cred = cred_element(meta_type, data);
  if (const Node* old = xml::child(hdr, "Cred")) {
    std::size_t b = xml::offset_of(doc, old);
    out.replace(b, element_end(text, b) - b, cred);
  } else if (const Node* meta = xml::child(hdr, "Meta")) {
    out.insert(xml::offset_of(doc, meta), cred);
  } else {
    out.insert(closing_tag_start(text, xml::offset_of(doc, hdr)), cred);
  }
  std::string name = "<LocName>" + xml_escape(loc_name) + "</LocName>";
  if (const Node* old = xml::child(source, "LocName")) {
    std::size_t b = xml::offset_of(doc, old);
    out.replace(b, element_end(text, b) - b, name);
  } else {
    out.insert(element_end(text, xml::offset_of(doc, locuri)), name);
  }
  return out;
}

std::string without_credentials(std::string_view text) {
  auto doc = xml::Document::parse(text, "request");
  const Node* root = root_of_syncml(doc);
  const Node* cred = xml::child(xml::child(root, "SyncHdr"), "Cred");
  if (!cred) return std::string(text);
  std::string out(text);
  std::size_t b = xml::offset_of(doc, cred);
  out.erase(b, element_end(text, b) - b);
  return out;
}

}  // namespace syncmldm::session
