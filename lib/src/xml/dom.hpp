#pragma once
// Inside the library: the tree behind xml::Document. The public headers hand nodes out as
// handles (the opaque xml::Node); the library walks them as dom::Node. Both name the same
// object: a handle is the node's address under another type, so going from one to the other is
// a cast, with no copy, allocation or call.
//
// The tree is compact, because a token-dense message has an element every 25 bytes: one block
// holds the text (entity references replaced in place) followed by the nodes in document order,
// 16 bytes each (8 for text that is its element's only child), linked by distances within the
// block instead of pointers, so that the block may move while it grows. Names and values are
// views into the text, not NUL-terminated: read them with their sizes. xml_dom.cpp builds it.

#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/xml/xml.hpp"

namespace syncmldm::xml {

namespace detail {
class DomBuilder;
}

namespace dom {

enum NodeType : std::uint8_t { node_element = 0, node_data = 1, node_cdata = 2 };

class Attribute {
 public:
  const char* name() const { return reinterpret_cast<const char*>(this) - name_back_; }
  std::size_t name_size() const { return name_size_ & ~kLast; }
  const char* value() const { return reinterpret_cast<const char*>(this) - value_back_; }
  std::size_t value_size() const { return value_size_; }
  Attribute* next_attribute() const { return (name_size_ & kLast) ? nullptr : const_cast<Attribute*>(this + 1); }

 private:
  friend class detail::DomBuilder;
  static constexpr std::uint32_t kLast = 1u << 31;  // in name_size_: the element's last attribute
  std::uint32_t name_back_;   // distance from this record back to the name in the text
  std::uint32_t name_size_;
  std::uint32_t value_back_;
  std::uint32_t value_size_;
};

class Node {
 public:
  NodeType type() const { return static_cast<NodeType>((bits_ >> kTypeShift) & 3u); }
  // An element's name ("" for text); text's characters ("" for an element).
  const char* name() const { return type() == node_element ? at() : ""; }
  std::size_t name_size() const { return type() == node_element ? size() : 0; }
  const char* value() const { return type() == node_element ? "" : at(); }
  std::size_t value_size() const { return type() == node_element ? 0 : size(); }

  Node* first_node() const {
    if (type() != node_element || !(bits_ & kChildren)) return nullptr;
    const char* p = reinterpret_cast<const char*>(this) + kLong;
    if (bits_ & kAttributes) {
      const Attribute* a = reinterpret_cast<const Attribute*>(p);
      while (a->next_attribute()) ++a;
      p = reinterpret_cast<const char*>(a + 1);
    }
    return node_at(p);
  }
  Node* next_sibling() const {
    if (is_short() || !next_) return nullptr;
    return node_at(reinterpret_cast<const char*>(this) + next_);
  }
  Node* parent() const {
    if (is_short()) return node_at(reinterpret_cast<const char*>(this) - kLong);
    return parent_ ? node_at(reinterpret_cast<const char*>(this) - parent_) : nullptr;
  }
  Attribute* first_attribute() const {
    if (type() != node_element || !(bits_ & kAttributes)) return nullptr;
    return reinterpret_cast<Attribute*>(const_cast<char*>(reinterpret_cast<const char*>(this) + kLong));
  }
  Attribute* first_attribute(std::string_view name) const {
    for (Attribute* a = first_attribute(); a; a = a->next_attribute()) {
      if (std::string_view(a->name(), a->name_size()) == name) return a;
    }
    return nullptr;
  }

 private:
  friend class detail::DomBuilder;
  static constexpr std::uint32_t kSizeMask = (1u << 28) - 1;  // names and text runs up to 256 MiB
  static constexpr unsigned kTypeShift = 28;
  static constexpr std::uint32_t kAttributes = 1u << 30;  // element: attribute records follow it
  static constexpr std::uint32_t kChildren = 1u << 31;    // element: child nodes follow it
  static constexpr std::uint32_t kShort = 1u << 30;       // text: the sole child, 8 bytes long
  static constexpr std::size_t kLong = 16;                // bytes of a full node or attribute

  static Node* node_at(const char* p) { return reinterpret_cast<Node*>(const_cast<char*>(p)); }
  bool is_short() const { return type() != node_element && (bits_ & kShort); }
  std::size_t size() const { return bits_ & kSizeMask; }
  const char* at() const { return reinterpret_cast<const char*>(this) - back_; }

  // The first two fields are all a short text node has.
  std::uint32_t back_;    // distance from this node back to its name or text
  std::uint32_t bits_;    // size, type and flags
  std::uint32_t parent_;  // distance back to the parent (0: top level)
  std::uint32_t next_;    // distance on to the next sibling (0: none)
};

// Handle <-> node. Handles are never dereferenced as handles, only converted back here.
inline const Node* node(const xml::Node* handle) { return reinterpret_cast<const Node*>(handle); }
inline Node* node(xml::Node* handle) { return reinterpret_cast<Node*>(handle); }
inline const xml::Node* handle(const Node* node) { return reinterpret_cast<const xml::Node*>(node); }
inline xml::Node* handle(Node* node) { return reinterpret_cast<xml::Node*>(node); }

// The root element of a document, or nullptr.
inline Node* root(const Document& doc) { return node(doc.root()); }

inline bool is_element(const Node* n) { return n->type() == node_element; }

// Appends the element (or text) as XML, without indentation: the five special characters
// escaped in text and attribute values, CDATA as written.
void print(const Node* node, std::string& out);

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
    case dom::node_element:
      return static_cast<std::uint64_t>(node->name() - base - 1);
    case dom::node_cdata:
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
