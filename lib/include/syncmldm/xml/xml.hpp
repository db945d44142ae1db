#pragma once
// The XML layer: a DOM parsed in place, with strict well-formedness (entities, nesting,
// UTF-8), bounded depth, byte offsets and line:column for every node, and namespace lookup as
// SyncML uses it.
//
// Nodes are handed out as handles (xml::Node*, an opaque type): they name an element, text or
// CDATA node of their Document and stay valid while it lives; the functions below place and
// read them. The tree itself is private to the library.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::xml {

// A node of a Document: only ever used through pointers (never defined, never dereferenced).
class Node;

// SyncML namespaces (compare with same_namespace: SyncML's are case-insensitive).
inline constexpr std::string_view kSyncML11 = "SYNCML:SYNCML1.1";
inline constexpr std::string_view kSyncML12 = "SYNCML:SYNCML1.2";
inline constexpr std::string_view kMetInf = "syncml:metinf";
inline constexpr std::string_view kDevInf = "syncml:devinf";
inline constexpr std::string_view kDmDdf12 = "syncml:dmddf1.2";

namespace detail {
class DomDocument;  // the parsed tree: the text and compact nodes (xml_dom.cpp)
struct LineIndex;   // where lines start, made on first use (xml.cpp)
}

struct LineCol {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, counted in characters (UTF-8 code points)
};

struct ParseOptions {
  // Deeper element nesting is rejected before the tree is built (the parser recurses).
  std::size_t max_depth = 1000;
  // Keep an untouched copy of the text so that source_line() can show it (parsing in place
  // rewrites entities). Costs one more copy of the input.
  bool keep_source = false;
};

class Document {
 public:
  // Parses `text`. `source_name` is used in error locations ("-" for stdin).
  // Throws Error{ErrorKind::input} with line:column for anything not well-formed.
  static Document parse(std::string_view text, std::string source_name, const ParseOptions& options = {});
  // The same, but the document takes the string and frees it once copied, before the tree is
  // built: a large input and its copy never meet the nodes in memory (source_line() still
  // needs keep_source).
  static Document adopt(std::string text, std::string source_name, const ParseOptions& options = {});

  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  // The root element.
  Node* root() const;
  const std::string& source_name() const { return source_name_; }

  // Byte offset of a node: the '<' of an element, the first byte of text, the '<' of CDATA.
  std::uint64_t offset_of(const Node* node) const;
  LineCol line_col(std::uint64_t offset) const;
  LineCol position(const Node* node) const { return line_col(offset_of(node)); }
  // A ready Location for an error or finding about `node`.
  Location location_of(const Node* node) const;
  // The text of line `line` (1-based) without its line ending; needs keep_source.
  std::string_view source_line(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_total()); }
  // Line (1-based) holding `offset`, and the offset where line `line` starts: lookups without
  // the column count, for callers that place many offsets themselves.
  std::uint32_t line_of(std::uint64_t offset) const;
  std::uint64_t line_start(std::uint32_t line) const;
  // The parsed buffer: the input as rewritten in place (NULs after names and values, entities
  // replaced inside text). Byte offsets and line starts are those of the input.
  std::string_view buffer() const { return {base_, size_}; }

 private:
  Document();
  static Document parse_impl(std::string_view text, std::string* owned, std::string source_name,
                             const ParseOptions& options);
  // The line index, whichever width it was built in; made from `text` (the input, or the copy
  // while it still equals the input) on first use, since most documents never need a line.
  const detail::LineIndex& lines(std::string_view text) const;
  const detail::LineIndex& lines() const;
  std::size_t line_total() const;
  std::uint64_t start_of_line_index(std::size_t index) const;
  char* base_ = nullptr;  // the copy of the text, in doc_'s block
  std::size_t size_ = 0;
  std::string source_;  // only with keep_source
  std::string source_name_;
  std::unique_ptr<detail::LineIndex> lines_;
  std::unique_ptr<detail::DomDocument> doc_;
};

// Name without prefix: "Format" for both <Format> and <m:Format>.
std::string_view local_name(const Node* node);
// The namespace URI in scope for the node's prefix (or the default namespace); "" if none.
std::string_view namespace_of(const Node* node);
// ASCII case-insensitive comparison (SyncML namespaces and public ids are compared that way).
using syncmldm::iequals;

// First child element with this local name, or nullptr.
Node* child(const Node* parent, std::string_view name);
// Next sibling element with this local name, or nullptr.
Node* next_sibling(const Node* node, std::string_view name);
// Concatenated text of the node's direct text and CDATA children.
std::string text(const Node* node);
// True when the node has child elements.
bool has_child_elements(const Node* node);
// Walking every child element whatever its name: the first, and the one after `node`; nullptr
// at the end.
Node* first_element(const Node* parent);
Node* next_element(const Node* node);
// The value of the attribute with this local name (any prefix); nullopt when the element has
// none.
std::optional<std::string_view> attribute(const Node* node, std::string_view local_name);

}  // namespace syncmldm::xml
SYNCMLDM_API_END
