#include "syncmldm/xml/xml.hpp"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <optional>

#include "xml/dom.hpp"
#include "xml/xml_dom.hpp"
#include "xml/xml_prescan.hpp"

namespace syncmldm::xml {

namespace detail {
struct LineIndex {
  std::once_flag once;
  std::vector<std::uint32_t> narrow;
  std::vector<std::uint64_t> wide;
};
}  // namespace detail

Document::Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Document Document::parse(std::string_view text, std::string source_name, const ParseOptions& options) {
  return parse_impl(text, nullptr, std::move(source_name), options);
}

Document Document::adopt(std::string text, std::string source_name, const ParseOptions& options) {
  // A short string keeps its characters inside the object, which would move with the Document;
  // copying is cheap there anyway.
  if (text.size() < 64) return parse_impl(text, nullptr, std::move(source_name), options);
  return parse_impl({}, &text, std::move(source_name), options);
}

Document Document::parse_impl(std::string_view text, std::string* owned, std::string source_name,
                              const ParseOptions& options) {
  if (text.size() > UINT32_MAX / 2) {
    throw Error(ErrorKind::input, "document too large (2 GiB at most)", Location{source_name, 0, 1, 1});
  }
  Document doc;
  doc.source_name_ = std::move(source_name);
  if (owned) text = *owned;
  // A UTF-8 byte order mark is allowed; offsets stay relative to the input as given.
  std::size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  doc.lines_ = std::make_unique<detail::LineIndex>();
  if (options.keep_source) doc.source_ = std::string(text);
  // The tree replaces entity references in its copy of the text, which then no longer shows
  // where lines start: with one in the text (and no kept source), the index is made now.
  if (!options.keep_source && !text.empty() && std::memchr(text.data(), '&', text.size())) doc.lines(text);

  auto fail = [&](std::uint64_t offset, const std::string& message) -> Error {
    // Columns count characters, as line_col() does once the buffer exists: here (before it
    // does, or while the tree is built over it) they are counted in the input or its copy.
    doc.lines(text);
    LineCol lc{doc.line_of(offset), 1};
    for (std::uint64_t i = doc.line_start(lc.line); i < offset && i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++lc.column;
    }
    return Error(ErrorKind::input, message, Location{doc.source_name_, offset, lc.line, lc.column});
  };

  std::string_view body = text.substr(bom);
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) throw fail(0, "empty document: no root element");
  detail::PrescanProblem problem;
  if (!detail::prescan(body, options.max_depth, problem)) throw fail(problem.offset + bom, problem.message);

  doc.size_ = text.size();
  doc.doc_ = std::make_unique<detail::DomDocument>();
  try {
    doc.doc_->copy(text);
    doc.base_ = doc.doc_->text();
    // An adopted input is not needed any more: freed before the tree grows beside the copy.
    if (owned) {
      text = std::string_view(doc.base_, doc.size_);
      std::string().swap(*owned);
    }
    doc.doc_->build(bom);
  } catch (const detail::DomProblem& p) {
    text = std::string_view(doc.doc_->text(), doc.size_);
    throw fail(std::min<std::uint64_t>(p.offset, text.size()), p.message);
  }
  doc.base_ = doc.doc_->text();
  if (!doc.root()) throw fail(0, "no root element");
  return doc;
}

Node* Document::root() const { return doc_ ? dom::handle(doc_->root()) : nullptr; }

std::uint64_t Document::offset_of(const Node* node) const { return xml::offset_of(*this, dom::node(node)); }

LineCol Document::line_col(std::uint64_t offset) const {
  std::size_t index = line_of(offset) - 1;
  std::uint64_t start = start_of_line_index(index);
  // Count characters, not bytes: UTF-8 continuation bytes do not start a column. The buffer is
  // rewritten in place only inside text, which keeps lead bytes where they were.
  std::uint32_t column = 1;
  // Prefer the untouched copy when kept: in-place parsing compacts entity references.
  const char* text = !source_.empty() ? source_.data() : base_;
  std::uint64_t limit = !source_.empty() ? source_.size() : size_;
  if (text) {
    for (std::uint64_t i = start; i < offset && i < limit; ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
  } else {
    column = static_cast<std::uint32_t>(offset - start + 1);
  }
  return {static_cast<std::uint32_t>(index + 1), column};
}

const detail::LineIndex& Document::lines(std::string_view text) const {
  std::call_once(lines_->once, [&] { detail::line_starts(text, lines_->narrow, lines_->wide); });
  return *lines_;
}

const detail::LineIndex& Document::lines() const {
  return lines(!source_.empty() ? std::string_view(source_) : std::string_view(base_, size_));
}

std::size_t Document::line_total() const {
  const auto& l = lines();
  return l.narrow.size() + l.wide.size();
}

std::uint64_t Document::start_of_line_index(std::size_t index) const {
  const auto& l = lines();
  return l.wide.empty() ? l.narrow[index] : l.wide[index];
}

std::uint32_t Document::line_of(std::uint64_t offset) const {
  // The number of lines starting at or before `offset`.
  const auto& l = lines();
  if (!l.wide.empty()) {
    return static_cast<std::uint32_t>(std::upper_bound(l.wide.begin(), l.wide.end(), offset) - l.wide.begin());
  }
  auto it = offset > UINT32_MAX ? l.narrow.end()
                                : std::upper_bound(l.narrow.begin(), l.narrow.end(), static_cast<std::uint32_t>(offset));
  return static_cast<std::uint32_t>(it - l.narrow.begin());
}

std::uint64_t Document::line_start(std::uint32_t line) const {
  if (line == 0 || line > line_total()) return 0;
  return start_of_line_index(line - 1);
}

Location Document::location_of(const Node* node) const {
  std::uint64_t offset = offset_of(node);
  LineCol lc = line_col(offset);
  return Location{source_name_, offset, lc.line, lc.column};
}

std::string_view Document::source_line(std::uint32_t line) const {
  if (line == 0 || line > line_total() || source_.empty()) return {};
  std::uint64_t start = start_of_line_index(line - 1);
  std::uint64_t end = line < line_total() ? start_of_line_index(line) - 1 : source_.size();
  std::string_view view(source_.data() + start, end - start);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

std::string_view local_name(const dom::Node* node) {
  std::string_view name(node->name(), node->name_size());
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view namespace_of(const dom::Node* node) {
  std::string_view name(node->name(), node->name_size());
  std::size_t colon = name.find(':');
  std::string wanted = colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  for (const dom::Node* n = node; n && dom::is_element(n); n = n->parent()) {
    for (const dom::Attribute* a = n->first_attribute(); a; a = a->next_attribute()) {
      if (std::string_view(a->name(), a->name_size()) == wanted) return {a->value(), a->value_size()};
    }
  }
  return {};
}

dom::Node* child(const dom::Node* parent, std::string_view name) {
  for (dom::Node* n = parent->first_node(); n; n = n->next_sibling()) {
    if (dom::is_element(n) && local_name(n) == name) return n;
  }
  return nullptr;
}

dom::Node* next_sibling(const dom::Node* node, std::string_view name) {
  for (dom::Node* n = node->next_sibling(); n; n = n->next_sibling()) {
    if (dom::is_element(n) && local_name(n) == name) return n;
  }
  return nullptr;
}

std::string text(const dom::Node* node) {
  std::string out;
  for (const dom::Node* n = node->first_node(); n; n = n->next_sibling()) {
    if (!dom::is_element(n)) out.append(n->value(), n->value_size());
  }
  return out;
}

bool has_child_elements(const dom::Node* node) {
  for (const dom::Node* n = node->first_node(); n; n = n->next_sibling()) {
    if (dom::is_element(n)) return true;
  }
  return false;
}

// The handle forms: the same functions, the node under its public type.
std::string_view local_name(const Node* node) { return local_name(dom::node(node)); }
std::string_view namespace_of(const Node* node) { return namespace_of(dom::node(node)); }
Node* child(const Node* parent, std::string_view name) { return dom::handle(child(dom::node(parent), name)); }
Node* next_sibling(const Node* node, std::string_view name) { return dom::handle(next_sibling(dom::node(node), name)); }
std::string text(const Node* node) { return text(dom::node(node)); }
bool has_child_elements(const Node* node) { return has_child_elements(dom::node(node)); }

Node* first_element(const Node* parent) {
  for (dom::Node* n = dom::node(parent)->first_node(); n; n = n->next_sibling())
    if (dom::is_element(n)) return dom::handle(n);
  return nullptr;
}

Node* next_element(const Node* node) {
  for (dom::Node* n = dom::node(node)->next_sibling(); n; n = n->next_sibling())
    if (dom::is_element(n)) return dom::handle(n);
  return nullptr;
}

std::optional<std::string_view> attribute(const Node* node, std::string_view local) {
  for (const dom::Attribute* a = dom::node(node)->first_attribute(); a; a = a->next_attribute()) {
    std::string_view name(a->name(), a->name_size());
    if (auto colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    if (name == local) return std::string_view(a->value(), a->value_size());
  }
  return std::nullopt;
}

}  // namespace syncmldm::xml
