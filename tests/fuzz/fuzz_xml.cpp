// Fuzz target: the XML layer (pre-scan, the DOM, positions and namespace lookup).
#include <cstdint>
#include <string_view>

#include "syncmldm/xml/xml.hpp"
#include "xml/dom.hpp"

namespace {
namespace xml = syncmldm::xml;

// The library's own walk (DOM nodes), and the public one (handles) for each node.
void walk(const xml::Document& doc, const xml::dom::Node* node, int depth) {
  for (const auto* n = node->first_node(); n; n = n->next_sibling()) {
    (void)doc.position(xml::dom::handle(n));
    if (n->type() == xml::dom::node_element) {
      (void)xml::namespace_of(n);
      (void)xml::text(n);
      (void)xml::namespace_of(xml::dom::handle(n));
      walk(doc, n, depth + 1);
    }
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    syncmldm::xml::ParseOptions options;
    options.keep_source = true;
    auto doc = syncmldm::xml::Document::parse(text, "fuzz", options);
    walk(doc, xml::dom::root(doc), 0);
    for (std::uint32_t line = 1; line <= doc.line_count(); ++line) (void)doc.source_line(line);
  } catch (const syncmldm::Error&) {
    // Rejections are expected; only crashes and sanitizer reports are findings.
  }
  return 0;
}
