#pragma once
// A pull reader over XML text that xml_prescan has already passed: start tags, end tags and
// text, one at a time, without building a tree. It reads exactly what the DOM (xml_dom.cpp)
// reads, and gives up (throws PullUnsupported) on anything else: the caller then parses with
// xml::Document, whose errors and results are the reference. Used where a
// document is too large for a DOM to pay off (DDF files of 100,000 nodes).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace syncmldm::xml::detail {

// The reader met input it does not handle (malformed, or a construct it leaves to RapidXML).
struct PullUnsupported {};

class PullReader {
 public:
  enum class Event { start, end, text, eof };

  // `text` must outlive the reader; a UTF-8 byte order mark is skipped, offsets count it.
  explicit PullReader(std::string_view text);

  // The next event. Comments, processing instructions and DOCTYPE are skipped; whitespace-only
  // runs before markup are not text (as in RapidXML). An element written <a/> gives a start
  // and an end event. Throws PullUnsupported.
  Event next();

  // start/end: the qualified name; start: the byte offset of its '<'.
  std::string_view name() const { return name_; }
  std::uint64_t offset() const { return offset_; }
  // text: the characters with entity references replaced (CDATA as written).
  std::string_view text() const { return text_; }
  // text: true when text() points into the input (valid while it lives), false when it is in
  // the reader's own buffer (valid until the next event).
  bool text_in_input() const { return text_in_input_; }
  // start: the attributes as written (values with entity references: see expand_references).
  struct Attr {
    std::string_view name, raw_value;
  };
  const std::vector<Attr>& attributes() const { return attrs_; }
  // Skips the rest of the element whose start event was the last one.
  void skip_element();
  // Nesting depth of open elements.
  std::size_t depth() const { return open_.size(); }

 private:
  const char* begin_;
  const char* p_;
  const char* end_;
  bool pending_end_ = false;  // <a/>: the end event comes next
  bool root_done_ = false;
  std::vector<std::string_view> open_;
  std::vector<Attr> attrs_;
  std::string_view name_;
  std::uint64_t offset_ = 0;
  std::string_view text_;
  bool text_in_input_ = true;
  std::string decoded_;

  char at(std::size_t i) const { return p_ + i < end_ ? p_[i] : '\0'; }
  void skip_ws();
  bool skip_markup();  // comment, PI, DOCTYPE, other <!...>: true when one was skipped
  Event start_tag();
  Event end_tag();
};

// Replaces the five predefined entities and character references in `raw` (checked by the
// prescan) as RapidXML does; appends to `out`.
void expand_references(std::string_view raw, std::string& out);

// Line and column of byte offsets met in increasing order, as xml::Document::line_col counts
// them (column in UTF-8 characters), without a table of line starts.
class ForwardLocator {
 public:
  explicit ForwardLocator(std::string_view text) : text_(text) {}
  void locate(std::uint64_t offset, std::uint32_t& line, std::uint32_t& column);

 private:
  std::string_view text_;
  std::uint64_t scanned_ = 0;     // newlines counted up to here
  std::uint64_t line_start_ = 0;  // start of the line holding `scanned_`
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;      // column of `scanned_`: a long line is counted once, not per node
};

}  // namespace syncmldm::xml::detail
