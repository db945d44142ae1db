// Fuzz target: the XML layer (pre-scan, RapidXML, positions and namespace lookup).
#include <cstdint>
#include <string_view>

#include "syncmldm/xml/xml.hpp"

namespace {
void walk(const syncmldm::xml::Document& doc, const syncmldm::xml::Node* node, int depth) {
  for (const auto* n = node->first_node(); n; n = n->next_sibling()) {
    (void)doc.position(n);
    if (n->type() == rapidxml::node_element) {
      (void)syncmldm::xml::namespace_of(n);
      (void)syncmldm::xml::text(n);
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
    walk(doc, doc.root(), 0);
    for (std::uint32_t line = 1; line <= doc.line_count(); ++line) (void)doc.source_line(line);
  } catch (const syncmldm::Error&) {
    // Rejections are expected; only crashes and sanitizer reports are findings.
  }
  return 0;
}
