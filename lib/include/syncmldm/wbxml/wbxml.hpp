#pragma once
// Generic WBXML 1.0-1.3 reading (a pull parser over a byte buffer) and the small writing helpers
// the encoder uses. SyncML specifics (which Data holds what) live in codec.hpp; token tables in
// wbxml_tables.hpp.
//
// Every read is checked against the bytes present: lengths, string-table offsets and nesting
// are validated before use, and every failure throws Error{ErrorKind::input} whose location is
// the byte offset of the offending token ("file: offset N: what").

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/error.hpp"
#include "syncmldm/wbxml/wbxml_tables.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::wbxml {

// Global tokens (valid on every code page).
namespace tok {
inline constexpr std::uint8_t kSwitchPage = 0x00;
inline constexpr std::uint8_t kEnd = 0x01;
inline constexpr std::uint8_t kEntity = 0x02;
inline constexpr std::uint8_t kStrI = 0x03;
inline constexpr std::uint8_t kLiteral = 0x04;
inline constexpr std::uint8_t kExtI0 = 0x40;
inline constexpr std::uint8_t kPi = 0x43;
inline constexpr std::uint8_t kLiteralC = 0x44;
inline constexpr std::uint8_t kExtT0 = 0x80;
inline constexpr std::uint8_t kStrT = 0x83;
inline constexpr std::uint8_t kLiteralA = 0x84;
inline constexpr std::uint8_t kExt0 = 0xC0;
inline constexpr std::uint8_t kOpaque = 0xC3;
inline constexpr std::uint8_t kLiteralAC = 0xC4;
// Flags on a tag byte.
inline constexpr std::uint8_t kHasAttributes = 0x80;
inline constexpr std::uint8_t kHasContent = 0x40;
}  // namespace tok

inline constexpr std::uint32_t kCharsetUtf8 = 106;

// Appends `value` as a WBXML multi-byte integer (big-endian base 128) to any string-like
// buffer (the encoder's own buffers use their own allocator).
template <class Buffer>
void append_mb_u_int32(Buffer& out, std::uint32_t value) {
  char bytes[5];
  std::size_t first = sizeof bytes - 1;
  bytes[first] = static_cast<char>(value & 0x7F);
  for (value >>= 7; value != 0; value >>= 7) bytes[--first] = static_cast<char>(0x80 | (value & 0x7F));
  out.append(bytes + first, sizeof bytes - first);
}
inline void put_mb_u_int32(std::string& out, std::uint32_t value) { append_mb_u_int32(out, value); }

// The document header.
struct Header {
  std::uint8_t version = 0;          // raw byte: 0x00 = 1.0 ... 0x03 = 1.3
  std::uint32_t public_id = 0;       // the numeric id; 0 when the string form was used
  bool public_id_is_string = false;  // true: the FPI came from the string table
  std::uint32_t public_id_index = 0; // its string-table offset (string form)
  std::string_view fpi;              // the FPI (string form only)
  std::uint32_t charset = 0;         // IANA MIBenum; 0 when absent (1.0) or unknown
  std::uint64_t string_table_offset = 0;  // where the table bytes start in the input
  std::string_view string_table;
  std::uint64_t body_offset = 0;
  const Language* language = nullptr;  // resolved language (forced, by id, or guessed)
  bool language_guessed = false;       // public id 1 (unknown): guessed from the root tag
};

// "1.2" for 0x02.
std::string version_name(std::uint8_t version);

// String-table references are the one way a small document expands without bound: a reference
// of two bytes may stand for a string of a megabyte, again and again. The bytes they stand for
// (text, attribute values, literal names), all references of a document together, may be at
// most kMaxTableExpansion times the document plus 1 KiB; more is an input error.
inline constexpr std::uint64_t kMaxTableExpansion = 64;
inline constexpr std::uint64_t table_expansion_limit(std::uint64_t document_bytes) {
  return kMaxTableExpansion * (document_bytes + 1024);
}

// What the string-table references of a document (and of the documents nested in it) may still
// expand to.
struct TableBudget {
  std::uint64_t limit = 0;
  std::uint64_t used = 0;
  bool exceeded = false;  // a reference was refused
};

struct ReadOptions {
  // Decode as this language whatever the public id says (nullptr: from the header).
  const Language* language = nullptr;
  // Deeper element nesting is refused (the output would grow with the square of the depth).
  std::size_t max_depth = 1000;
  // Shared budget of string-table expansion: a document nested in OPAQUE draws on its outer
  // document's, so that many small nested documents cannot each take the constant part.
  // nullptr: the reader's own, table_expansion_limit(bytes.size()).
  TableBudget* budget = nullptr;
};

enum class EventType {
  start,        // element start: name/page/token; attributes (if any) follow as attribute events
  attribute,    // name = attribute name, data = value (concatenated value tokens)
  text,         // STR_I (token 0x03) or STR_T (0x83, value = table offset): data
  entity,       // ENTITY: value = code point (checked <= 0x10FFFF)
  opaque,       // OPAQUE: data = the bytes
  extension,    // EXT_I_n / EXT_T_n / EXT_n: token, data or value
  pi,           // processing instruction: name = target, data = value
  end,          // element end; synthetic = true for an element without content
  switch_page,  // SWITCH_PAGE: value = page; attribute = true in attribute state
};

struct Event {
  EventType type = EventType::end;
  std::uint64_t offset = 0;   // byte offset of the token in the input
  std::uint8_t token = 0;     // the raw token byte
  std::uint8_t page = 0;      // code page in force (tag page for elements)
  std::string_view name;      // element/attribute/PI name; "" for an unknown token
  bool literal = false;       // the name came from the string table (LITERAL*)
  bool has_attributes = false;
  bool has_content = false;
  bool synthetic = false;     // end of an element without content (no END token)
  bool attribute = false;     // switch_page in attribute state
  std::string_view data;
  std::uint32_t value = 0;
};

// Pull parser. Views in events point into the input (or, for attribute values built from
// several tokens, into the reader) and stay valid until the next call of next().
class Reader {
 public:
  // Parses the header at once (throws on a bad header).
  Reader(std::string_view bytes, std::string source_name, const ReadOptions& options = {});
  Reader(const Reader&) = delete;  // budget_ may point into the reader itself
  Reader& operator=(const Reader&) = delete;

  const Header& header() const { return header_; }
  // Whether the root element has ended, and the offset of the next byte to read.
  bool root_done() const { return root_done_ && !pending_empty_end_; }
  std::uint64_t position() const { return pos_; }
  // Reads the next event; false after the root element has ended and the input is used up.
  bool next(Event& event) {
    // Inline for a tag of the code pages (every global token has 0-4 in its low six bits), the
    // most frequent token: the same checks and event as next_token() gives for it.
    if (!in_attributes_ && !pending_empty_end_ && pos_ < in_.size()) {
      auto t = static_cast<std::uint8_t>(in_[pos_]);
      if ((t & 0x3F) >= 0x05 && !root_done_ && depth_ < options_.max_depth) [[likely]] {
        start_tag(event, t);
        return true;
      }
      if (t == tok::kEnd && depth_ > 0) {  // the next most frequent: END of an open element
        event.type = EventType::end;
        event.offset = pos_;
        event.token = t;
        event.page = tag_page_;
        event.name = {};
        event.literal = event.has_attributes = event.has_content = event.synthetic = event.attribute = false;
        event.data = {};
        event.value = 0;
        ++pos_;
        if (--depth_ == 0) root_done_ = true;
        return true;
      }
    }
    return next_token(event);
  }
  // Right after a start event of an element with content and no attributes: when its whole
  // content is one inline string (STR_I "..." END, the usual leaf of a SyncML message), consumes
  // the string and the END and returns true with `text` and the string token's offset; else
  // consumes nothing. The same checks as reading the two events one by one.
  bool leaf_text(std::string_view& text, std::uint64_t& offset) {
    const char* d = in_.data();
    const std::size_t n = in_.size();
    if (in_attributes_ || pending_empty_end_ || pos_ + 2 >= n || static_cast<std::uint8_t>(d[pos_]) != tok::kStrI) {
      return false;
    }
    // Its NUL: most of these strings are a few bytes, too short for a call to memchr to pay, so
    // the first eight are tested at once (the lowest zero byte of a word, little-endian).
    std::size_t nul;
    std::uint64_t w;
    if (std::endian::native == std::endian::little && pos_ + 9 <= n &&
        (std::memcpy(&w, d + pos_ + 1, 8), ((w - 0x0101010101010101u) & ~w & 0x8080808080808080u) != 0)) {
      nul = pos_ + 1 + static_cast<std::size_t>(std::countr_zero((w - 0x0101010101010101u) & ~w & 0x8080808080808080u) / 8);
    } else {
      nul = find_nul(pos_ + 1);
    }
    if (nul + 1 >= n || static_cast<std::uint8_t>(d[nul + 1]) != tok::kEnd) return false;
    // As next() would: the STR_I (inside the element), then its END.
    offset = pos_;
    text = std::string_view(d + pos_ + 1, nul - pos_ - 1);
    pos_ = nul + 2;
    if (--depth_ == 0) root_done_ = true;
    return true;
  }
  // A whole element of the code pages inside the root whose content is one inline string (a tag
  // with content and no attributes, STR_I "..." END: most elements of a dense message): consumes
  // it and returns true with its name (never empty), its text and the string token's offset;
  // else consumes nothing. The same checks and result as next() for its start, then leaf_text(),
  // without an event for the start.
  [[gnu::always_inline]] bool leaf_element(std::string_view& name, std::string_view& text, std::uint64_t& offset) {
    const char* d = in_.data();
    const std::size_t n = in_.size();
    // The tag, STR_I, a NUL and END at least (the bytes first: they rule out most tokens).
    if (n - pos_ < 4) return false;
    auto t = static_cast<std::uint8_t>(d[pos_]);
    if ((t & (tok::kHasContent | tok::kHasAttributes)) != tok::kHasContent || (t & 0x3F) < 0x05 ||
        static_cast<std::uint8_t>(d[pos_ + 1]) != tok::kStrI) {
      return false;
    }
    // Read as a tag (not an attribute), inside the root and below the depth limit.
    if (in_attributes_ || pending_empty_end_ || depth_ == 0 || depth_ >= options_.max_depth || !tag_table_) {
      return false;
    }
    std::string_view tag = tag_table_->tags[t & 0x3F];
    if (tag.empty()) return false;
    const std::size_t from = pos_ + 2;
    std::size_t nul = nul_in_16(d, from, n);
    if (nul == n) nul = find_nul(from);
    if (nul + 1 >= n || static_cast<std::uint8_t>(d[nul + 1]) != tok::kEnd) return false;
    name = tag;
    offset = pos_ + 1;
    text = std::string_view(d + from, nul - from);
    pos_ = nul + 2;  // depth_ is as before: the element opened and closed
    return true;
  }
  // The code page of tags in force.
  std::uint8_t tag_page() const { return tag_page_; }
  // Open elements with content.
  std::size_t depth() const { return depth_; }
  const std::string& source_name() const { return source_; }
  // An input error at `offset` in this document.
  Error error(std::uint64_t offset, std::string message) const;
  // The string-table budget this reader draws on (to hand to the readers of nested documents).
  TableBudget& budget() { return *budget_; }

 private:
  // One byte of input (inline: it is read for every token).
  std::uint8_t byte(std::uint64_t at_token) {
    if (pos_ >= in_.size()) [[unlikely]] truncated(at_token);
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  [[noreturn]] void truncated(std::uint64_t at_token) const;
  bool next_token(Event& event);
  // A tag of the code pages at pos_ (its byte `t`), as next_token() reads it.
  void start_tag(Event& e, std::uint8_t t) {
    e.type = EventType::start;
    e.offset = pos_;
    e.token = t;
    e.page = tag_page_;
    e.name = tag_table_ ? tag_table_->tags[t & 0x3F] : std::string_view{};
    e.literal = e.synthetic = e.attribute = false;
    e.has_attributes = (t & tok::kHasAttributes) != 0;
    e.has_content = (t & tok::kHasContent) != 0;
    e.data = {};
    e.value = 0;
    root_seen_ = true;
    if (e.has_content) ++depth_;
    in_attributes_ = e.has_attributes;
    pending_empty_end_ = !e.has_content;
    pending_start_offset_ = pos_;
    ++pos_;
  }
  // Index of the first NUL at or after `from`, or the input's size.
  std::size_t find_nul(std::size_t from) const;
  // The same among the 16 bytes from `from` when all are there (a word at a time: the lowest
  // zero byte of a little-endian word), else n: most strings of a message are short, too short
  // for a call to memchr to pay.
  static std::size_t nul_in_16(const char* d, std::size_t from, std::size_t n) {
    if constexpr (std::endian::native == std::endian::little) {
      constexpr std::uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
      if (n - from >= 16) {
        std::uint64_t a, b;
        std::memcpy(&a, d + from, 8);
        std::memcpy(&b, d + from + 8, 8);
        if (std::uint64_t z = (a - kOnes) & ~a & kHigh) return from + static_cast<std::size_t>(std::countr_zero(z) / 8);
        if (std::uint64_t z = (b - kOnes) & ~b & kHigh) return from + 8 + static_cast<std::size_t>(std::countr_zero(z) / 8);
      }
    }
    return n;
  }
  std::uint32_t mb(std::uint64_t at_token, const char* what);
  std::string_view inline_string(std::uint64_t at_token);
  std::string_view table_string(std::uint32_t index, std::uint64_t at_token);
  void read_header();
  bool read_attribute(Event& event);

  std::string_view in_;
  std::string source_;
  ReadOptions options_;
  Header header_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  std::uint8_t tag_page_ = 0;
  const CodePage* tag_table_ = nullptr;  // the language's page tag_page_ (nullptr: it has none)
  std::uint8_t attr_page_ = 0;
  bool in_attributes_ = false;
  bool pending_empty_end_ = false;  // element without content whose attributes ended
  bool root_seen_ = false;
  bool root_done_ = false;
  std::uint64_t pending_start_offset_ = 0;
  std::string value_;  // attribute value assembled from several tokens
  TableBudget own_budget_;
  TableBudget* budget_ = &own_budget_;
};

// Reads a multi-byte integer at `pos` (advanced past it). Throws on more than 5 bytes, a value
// beyond 32 bits, or the end of input.
std::uint32_t read_mb_u_int32(std::string_view bytes, std::size_t& pos, const std::string& source_name);

// Quick check used by input sniffing: a plausible WBXML header (version 0-3, a public id, a
// charset for 1.1+, a string table that fits in the input).
bool looks_like_wbxml(std::string_view bytes);

// The token stream as text, one line per token: byte offset, code page, token bytes, meaning.
// Appends to `out` as it goes, so that on an error (thrown) `out` holds everything before it.
void dump(std::string_view bytes, const std::string& source_name, std::string& out, const ReadOptions& options = {});

}  // namespace syncmldm::wbxml
SYNCMLDM_API_END
