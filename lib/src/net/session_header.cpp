// Reading the server's header Status and editing SyncHdr credentials in place, keeping every
// other byte of the message as the user wrote it.
#include <cstdlib>
#include <string>

#include "syncmldm/message/message.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/net/session.hpp"
#include "syncmldm/xml/xml.hpp"

namespace syncmldm::session {

namespace {

// The transport library sits outside libsyncmldm: it reads XML through the public handles only.
using xml::Node;

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

// A MetInf element of a Chal's Meta that some servers nest one level deeper, in <mi:Meta> inside
// Meta; nullopt when there is none.
std::optional<std::string> nested_meta(const message::Meta& meta, std::string_view name) {
  for (const Node* n : meta.unknown)
    if (xml::local_name(n) == "Meta")
      if (const Node* c = xml::child(n, name)) return trimmed_text(c);
  return std::nullopt;
}

const Node* root_of_syncml(const xml::Document& doc) {
  const Node* root = doc.root();
  if (!root || xml::local_name(root) != "SyncML")
    throw Error(ErrorKind::input, "not a SyncML message (the root element is not SyncML)", doc.location_of(root));
  if (!xml::child(root, "SyncHdr")) throw Error(ErrorKind::input, "SyncML message without SyncHdr", doc.location_of(root));
  return root;
}

std::string cred_element(std::string_view meta_type, std::string_view data) {
  std::string out = "<Cred><Meta><Format xmlns=\"syncml:metinf\">b64</Format><Type xmlns=\"syncml:metinf\">";
  out.append(message::escape(meta_type));
  out.append("</Type></Meta><Data>");
  out.append(message::escape(data));
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

ReplySummary summarize(const message::Message& m) {
  ReplySummary s;
  s.session_id = m.header.session_id.value_or("");
  s.msg_id = m.header.msg_id.value_or("");
  s.resp_uri = m.header.resp_uri.value_or("");
  s.final = m.final;
  for (const message::Command& c : m.commands) {
    if (c.kind == message::Kind::results) {
      ++s.results;
      continue;
    }
    if (c.kind != message::Kind::status) {
      ++s.commands;
      continue;
    }
    ++s.statuses;
    ++s.status_codes[c.data.value_or("")];
    int code = to_int(c.data.value_or(""));
    if (code >= 400) ++s.failed_statuses;
    if (c.cmd_ref == std::optional<std::string>("0") && c.cmd == std::optional<std::string>("SyncHdr") &&
        s.header_status.code == 0) {
      s.header_status.code = code;
      if (c.chal) {
        // A Chal without a Type asks for Basic.
        const message::Meta& meta = *c.chal;
        s.header_status.chal_type = meta.type ? *meta.type : nested_meta(meta, "Type").value_or("");
        s.header_status.chal = s.header_status.chal_type.empty() ? std::optional<auth::Scheme>(auth::Scheme::basic)
                                                                 : auth::scheme_from_meta_type(s.header_status.chal_type);
        s.header_status.next_nonce = meta.next_nonce ? meta.next_nonce : nested_meta(meta, "NextNonce");
      }
    }
  }
  return s;
}

ReplySummary summarize(std::string_view text, const std::string& source_name) {
  auto doc = xml::Document::parse(text, source_name);
  const Node* root = root_of_syncml(doc);
  if (!xml::child(root, "SyncBody")) throw Error(ErrorKind::input, "SyncML message without SyncBody", doc.location_of(root));
  return summarize(message::read(doc));
}

std::string with_credentials(std::string_view text, std::string_view loc_name, std::string_view meta_type,
                             std::string_view data) {
  auto doc = xml::Document::parse(text, "request");
  const Node* root = root_of_syncml(doc);
  const Node* hdr = xml::child(root, "SyncHdr");
  const Node* source = xml::child(hdr, "Source");
  const Node* locuri = source ? xml::child(source, "LocURI") : nullptr;
  if (!locuri) throw Error(ErrorKind::input, "the SyncHdr has no Source/LocURI to add credentials to", doc.location_of(hdr));
  std::string out(text);
  // Edit from the back so that earlier offsets stay valid: Cred comes after Source.
  std::string cred = cred_element(meta_type, data);
  if (const Node* old = xml::child(hdr, "Cred")) {
    std::size_t b = doc.offset_of(old);
    out.replace(b, element_end(text, b) - b, cred);
  } else if (const Node* meta = xml::child(hdr, "Meta")) {
    out.insert(doc.offset_of(meta), cred);
  } else {
    out.insert(closing_tag_start(text, doc.offset_of(hdr)), cred);
  }
  std::string name = "<LocName>" + message::escape(loc_name) + "</LocName>";
  if (const Node* old = xml::child(source, "LocName")) {
    std::size_t b = doc.offset_of(old);
    out.replace(b, element_end(text, b) - b, name);
  } else {
    out.insert(element_end(text, doc.offset_of(locuri)), name);
  }
  return out;
}

std::string without_credentials(std::string_view text) {
  auto doc = xml::Document::parse(text, "request");
  const Node* root = root_of_syncml(doc);
  const Node* cred = xml::child(xml::child(root, "SyncHdr"), "Cred");
  if (!cred) return std::string(text);
  std::string out(text);
  std::size_t b = doc.offset_of(cred);
  out.erase(b, element_end(text, b) - b);
  return out;
}

}  // namespace syncmldm::session
