#pragma once
// The block behind an xml::Document (dom.hpp): the text, then the nodes. Built from text that
// the pre-scan passed, reading it as RapidXML used to (xml_pull.hpp reads alike): comments,
// processing instructions and DOCTYPE skipped, white space before markup not text, entity
// references replaced in text and attribute values, CDATA kept as written.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "xml/dom.hpp"

namespace syncmldm::xml::detail {

// Input the builder cannot take although the pre-scan passed it (too large for the block's
// 32-bit distances, or a slip between the two readers): reported as not well-formed.
struct DomProblem {
  std::uint64_t offset;
  std::string message;
};

class DomDocument {
 public:
  DomDocument() = default;
  DomDocument(const DomDocument&) = delete;
  DomDocument& operator=(const DomDocument&) = delete;
  ~DomDocument();

  // Copies `text` to the block: the caller may then free its own copy before the tree is built.
  void copy(std::string_view text);
  // Builds the tree over the copy, from `bom` bytes on. Throws DomProblem or std::bad_alloc.
  void build(std::size_t bom);
  std::size_t text_size() const { return text_size_; }
  // The copy of the text (rewritten where entity references were replaced).
  char* text() const { return data_; }
  // The root element, or nullptr.
  dom::Node* root() const;

 private:
  friend class DomBuilder;
  void reserve(std::size_t total);
  char* data_ = nullptr;
  std::size_t text_size_ = 0;
  std::size_t size_ = 0;      // bytes in use
  std::size_t capacity_ = 0;
  std::size_t nodes_ = 0;     // where the nodes begin
  bool mapped_ = false;       // large blocks are mappings of their own (grown by mremap)
};

}  // namespace syncmldm::xml::detail
