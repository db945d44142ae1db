// WBXML input: decoded to XML by the codec, parsed into the same DOM, and checked by the same
// walk. Findings are placed at the byte offset of the element's start token in the WBXML, with
// no line or column. The offsets come from a second, event-level read of the same bytes: the
// decoder writes one element per start token, in order, except for documents nested in OPAQUE
// (DevInf, TNDS), whose elements take the offset of the element holding them.

#include <unordered_map>

#include "syncmldm/codec/codec.hpp"
#include "syncmldm/validate/validate.hpp"
#include "syncmldm/wbxml/wbxml.hpp"
#include "syncmldm/prov/prov.hpp"
#include "validate/validate_context.hpp"

namespace syncmldm::validate {
namespace detail {
namespace {

struct StartToken {
  std::uint64_t offset;
  bool opaque_content;  // held OPAQUE: DOM children (a nested document) have no tokens of their own
};

std::vector<StartToken> start_tokens(std::string_view bytes, const std::string& name) {
  std::vector<StartToken> out;
  std::vector<std::size_t> open;
  wbxml::Reader reader(bytes, name);
  wbxml::Event e;
  while (reader.next(e)) {
    switch (e.type) {
      case wbxml::EventType::start:
        out.push_back({e.offset, false});
        open.push_back(out.size() - 1);
        break;
      case wbxml::EventType::opaque:
        if (!open.empty()) out[open.back()].opaque_content = true;
        break;
      case wbxml::EventType::end:
        if (!open.empty()) open.pop_back();
        break;
      default: break;
    }
  }
  return out;
}

class WbxmlLocator : public Locator {
 public:
  WbxmlLocator(const xml::Document& doc, const std::vector<StartToken>& tokens) {
    std::size_t next = 0;
    assign(xml::dom::root(doc), tokens, next, std::nullopt);
  }
  void place(const Node* node, Diagnostic& d) const override {
    // Text and attribute nodes are placed at their element.
    while (node && node->type() != xml::dom::node_element) node = node->parent();
    for (; node; node = node->parent()) {
      auto it = offsets_.find(node);
      if (it != offsets_.end()) {
        d.offset = it->second;
        return;
      }
    }
    d.offset = 0;
  }

 private:
  // Pre-order, as the decoder wrote the elements. `inherited` is set inside nested documents.
  void assign(const Node* n, const std::vector<StartToken>& tokens, std::size_t& next,
              std::optional<std::uint64_t> inherited) {
    // Iterative over siblings, recursive over depth (bounded by the XML layer's depth limit).
    for (; n; n = n->next_sibling()) {
      if (n->type() != xml::dom::node_element) continue;
      std::optional<std::uint64_t> child_inherited = inherited;
      if (inherited) {
        offsets_[n] = *inherited;
      } else if (next < tokens.size()) {
        offsets_[n] = tokens[next].offset;
        if (tokens[next].opaque_content) child_inherited = tokens[next].offset;
        ++next;
      }
      assign(n->first_node(), tokens, next, child_inherited);
    }
  }
  std::unordered_map<const Node*, std::uint64_t> offsets_;
};

}  // namespace
}  // namespace detail

FileReport validate_wbxml(std::string_view bytes, std::string_view source_name, const Options& options) {
  using namespace detail;
  if (prov::is_provisioning(bytes)) return validate_provisioning(bytes, source_name, options);
  FileReport report;
  report.path = std::string(source_name);
  report.format = input::Format::wbxml;
  auto fail = [&](const Error& e) {
    if (std::find(options.disabled.begin(), options.disabled.end(), "wbxml-malformed") != options.disabled.end()) return;
    Diagnostic d;
    d.file = report.path;
    d.offset = e.where().offset.value_or(0);
    d.rule = "wbxml-malformed";
    d.message = e.message();
    report.diagnostics.push_back(std::move(d));
  };
  std::string text;
  std::vector<StartToken> tokens;
  std::optional<xml::Document> doc;
  try {
    codec::DecodeOptions decode;
    decode.indent = -1;
    text = codec::wbxml_to_xml(bytes, report.path, decode);
    tokens = start_tokens(bytes, report.path);
    doc.emplace(xml::Document::parse(text, report.path));
  } catch (const Error& e) {
    fail(e);
    return report;
  }
  WbxmlLocator locator(*doc, tokens);
  Context ctx(*doc, options, locator, report.path, report.diagnostics);
  run(ctx, xml::dom::root(*doc), false);
  std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.offset.value_or(0) < b.offset.value_or(0); });
  return report;
}

}  // namespace syncmldm::validate
