#pragma once
// Inside the library: the RapidXML tree behind xml::Document. The public headers hand nodes out
// as handles (the opaque xml::Node); the library walks them as dom::Node. Both name the same
// object: a handle is the node's address under another type, so going from one to the other is
// a cast, with no copy, allocation or call. Names and values are NUL-terminated.

#include <cstdint>
#include <string>
#include <string_view>

#include <rapidxml/rapidxml.hpp>

#include "syncmldm/xml/xml.hpp"

namespace syncmldm::xml {

namespace dom {

using Node = rapidxml::xml_node<char>;
using Attribute = rapidxml::xml_attribute<char>;

// Handle <-> node. Handles are never dereferenced as handles, only converted back here.
inline const Node* node(const xml::Node* handle) { return reinterpret_cast<const Node*>(handle); }
inline Node* node(xml::Node* handle) { return reinterpret_cast<Node*>(handle); }
inline const xml::Node* handle(const Node* node) { return reinterpret_cast<const xml::Node*>(node); }
inline xml::Node* handle(Node* node) { return reinterpret_cast<xml::Node*>(node); }

// The root element of a document, or nullptr.
inline Node* root(const Document& doc) { return node(doc.root()); }

inline bool is_element(const Node* n) { return n->type() == rapidxml::node_element; }

}  // namespace dom

// The public queries (xml.hpp) on DOM nodes; the handle forms call these.
std::string_view local_name(const dom::Node* node);
std::string_view namespace_of(const dom::Node* node);
dom::Node* child(const dom::Node* parent, std::string_view name);
dom::Node* next_sibling(const dom::Node* node, std::string_view name);
std::string text(const dom::Node* node);
bool has_child_elements(const dom::Node* node);

// Places of DOM nodes: Document::offset_of and location_of for the library's own walks.
// Offsets count from the start of the input: the '<' of an element, the first byte of text,
// the '<' of CDATA; an attribute's first name byte.
inline std::uint64_t offset_of(const Document& doc, const dom::Node* node) {
  const char* base = doc.buffer().data();
  switch (node->type()) {
    case rapidxml::node_element:
      return static_cast<std::uint64_t>(node->name() - base - 1);
    case rapidxml::node_cdata:
      return static_cast<std::uint64_t>(node->value() - base - 9);  // "<![CDATA["
    default:
      return static_cast<std::uint64_t>(node->value() - base);
  }
}
inline std::uint64_t offset_of(const Document& doc, const dom::Attribute* attribute) {
  return static_cast<std::uint64_t>(attribute->name() - doc.buffer().data());
}
inline LineCol position(const Document& doc, const dom::Node* node) { return doc.line_col(offset_of(doc, node)); }
inline Location location_of(const Document& doc, const dom::Node* node) { return doc.location_of(dom::handle(node)); }

}  // namespace syncmldm::xml
