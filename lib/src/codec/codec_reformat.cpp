// XML -> XML in the decoder's layout, so that `syncml-decode` shows XML input the same way.
#include "syncmldm/codec/codec.hpp"
#include "xml/dom.hpp"
#include "xml/xml_writer.hpp"

namespace syncmldm::codec {

namespace {

bool whitespace_only(const xml::dom::Node* n) {
  for (std::size_t i = 0; i < n->value_size(); ++i) {
    char c = n->value()[i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

void write(const xml::Document& doc, const xml::dom::Node* n, detail::XmlWriter& w) {
  w.start({n->name(), n->name_size()});
  for (const xml::dom::Attribute* a = n->first_attribute(); a; a = a->next_attribute()) {
    w.attribute({a->name(), a->name_size()}, {a->value(), a->value_size()});
  }
  bool elements = xml::has_child_elements(n);
  for (const xml::dom::Node* c = n->first_node(); c; c = c->next_sibling()) {
    std::size_t bad = std::string_view::npos;
    switch (c->type()) {
      case xml::dom::node_element: write(doc, c, w); break;
      case xml::dom::node_data:
        if (c->value_size() && !(elements && whitespace_only(c))) bad = w.text({c->value(), c->value_size()});
        break;
      case xml::dom::node_cdata: bad = w.cdata({c->value(), c->value_size()}); break;
      default: break;
    }
    if (bad != std::string_view::npos) {
      throw Error(ErrorKind::input, "text that XML cannot carry (a character reference to a control character)",
                  xml::location_of(doc, c));
    }
  }
  w.end();
}

}  // namespace

std::string reformat_xml(std::string_view xml_text, const std::string& source_name, const DecodeOptions& options) {
  xml::Document doc = xml::Document::parse(xml_text, source_name, xml::ParseOptions{options.max_depth, false});
  std::string out;
  out.reserve(xml_text.size() + xml_text.size() / 4 + 64);
  detail::XmlWriter w(out, options.indent);
  if (options.xml_declaration) w.declaration();
  write(doc, xml::dom::root(doc), w);
  w.finish();
  return out;
}

}  // namespace syncmldm::codec
