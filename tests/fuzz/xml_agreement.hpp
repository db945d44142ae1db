#pragma once
// The agreement of the project's XML readers over one text: the pre-scan, the DOM (pre-scan, then
// RapidXML), the pull reader (over what the pre-scan passed) and the encoder's own reader. They
// must accept and refuse the same documents, and refuse with the same message at the same place.
// Used by the differential fuzz target (fuzz_xmlreaders.cpp) and by a unit test over a table of
// hand-written cases.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "xml/dom.hpp"
#include "xml/xml_prescan.hpp"
#include "xml/xml_pull.hpp"
#include "syncmldm/codec/codec.hpp"
#include "syncmldm/wbxml/wbxml_tables.hpp"
#include "syncmldm/xml/xml.hpp"

namespace xml_agreement {

namespace sx = syncmldm::xml;

// What each reader made of the text: "" when it accepted it, else its error as described.
struct Verdicts {
  std::string dom, encoder;
  std::string disagreement;  // "" when the readers agree
};

// Refusals of the encoder that are about WBXML, not about XML: a well-formed document may get them.
inline bool encoding_refusal(const std::string& message) {
  for (const char* m : {"is not an XML name", "<unknown> needs", "after a nested document", "needs the string table",
                        "opaque=\"base64\"", "unknown document type"}) {
    if (message.find(m) != std::string::npos) return true;
  }
  return false;
}

// The DOM's content as the pull reader's events would give it: "<name a=v>", "text:...", "</name>".
inline void dom_events(const sx::Document& doc, const sx::dom::Node* node, std::vector<std::string>& out) {
  std::string start = "<" + std::string(node->name(), node->name_size()) + "@" + std::to_string(sx::offset_of(doc, node));
  for (const sx::dom::Attribute* a = node->first_attribute(); a; a = a->next_attribute()) {
    start += " " + std::string(a->name(), a->name_size()) + "=" + std::string(a->value(), a->value_size());
  }
  out.push_back(start + ">");
  for (const sx::dom::Node* n = node->first_node(); n; n = n->next_sibling()) {
    if (n->type() == sx::dom::node_element) dom_events(doc, n, out);
    else if (n->type() == sx::dom::node_data || n->type() == sx::dom::node_cdata)
      out.push_back("text:" + std::string(n->value(), n->value_size()));
  }
  out.push_back("</" + std::string(node->name(), node->name_size()) + ">");
}

// The pull reader's events, or false when it gave up (the caller then uses the DOM).
inline bool pull_events(std::string_view text, std::vector<std::string>& out) {
  namespace d = sx::detail;
  try {
    d::PullReader r(text);
    for (;;) {
      switch (r.next()) {
        case d::PullReader::Event::start: {
          std::string start = "<" + std::string(r.name()) + "@" + std::to_string(r.offset());
          for (const auto& a : r.attributes()) {
            std::string value;
            d::expand_references(a.raw_value, value);
            start += " " + std::string(a.name) + "=" + value;
          }
          out.push_back(start + ">");
          break;
        }
        case d::PullReader::Event::end: out.push_back("</" + std::string(r.name()) + ">"); break;
        case d::PullReader::Event::text: out.push_back("text:" + std::string(r.text())); break;
        case d::PullReader::Event::eof: return true;
      }
    }
  } catch (const d::PullUnsupported&) {
    return false;
  }
}

inline Verdicts check(std::string_view text) {
  Verdicts v;
  auto disagree = [&](std::string what) {
    if (v.disagreement.empty()) v.disagreement = std::move(what);
  };

  // The DOM: the reference.
  std::vector<std::string> from_dom;
  std::uint64_t dom_offset = 0;
  try {
    sx::Document doc = sx::Document::parse(text, "t");
    dom_events(doc, sx::dom::root(doc), from_dom);
  } catch (const syncmldm::Error& e) {
    v.dom = e.describe();
    dom_offset = e.where().offset.value_or(0);
  }

  // The pre-scan alone: it must be what decides. RapidXML, after it, refusing a document would
  // give a message of its own that no other reader has.
  std::string_view body = text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
  bool blank = body.find_first_not_of(" \t\r\n") == std::string_view::npos;
  sx::detail::PrescanProblem problem;
  bool prescan_ok = !blank && sx::detail::prescan(body, sx::ParseOptions{}.max_depth, problem);
  if (prescan_ok && !v.dom.empty()) disagree("the pre-scan passed what RapidXML refused: " + v.dom);
  if (!prescan_ok && !blank &&
      (v.dom.find(problem.message) == std::string::npos || dom_offset != problem.offset + (text.size() - body.size())))
    disagree("the DOM's message is not the pre-scan's: " + v.dom + " / " + problem.message);

  // The pull reader, over what the pre-scan passed (as the streaming DDF loader uses it): when it
  // reads to the end, it must have read what the DOM holds.
  if (prescan_ok) {
    std::vector<std::string> from_pull;
    if (pull_events(text, from_pull)) {
      if (!v.dom.empty()) disagree("the pull reader read what the DOM refused");
      else if (from_pull != from_dom) disagree("the pull reader's events differ from the DOM's");
    }
  }

  // The encoder, its document type forced so that any root encodes.
  syncmldm::codec::EncodeOptions options;
  options.language = &syncmldm::wbxml::syncml12();
  try {
    (void)syncmldm::codec::xml_to_wbxml(text, "t", options);
  } catch (const syncmldm::Error& e) {
    v.encoder = e.describe();
  }
  if (!v.dom.empty() && v.encoder != v.dom) disagree("the encoder's verdict is not the DOM's: " + v.encoder + " / " + v.dom);
  if (v.dom.empty() && !v.encoder.empty() && !encoding_refusal(v.encoder))
    disagree("the encoder refused a well-formed document: " + v.encoder);
  return v;
}

}  // namespace xml_agreement
