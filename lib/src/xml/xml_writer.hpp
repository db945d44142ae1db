#pragma once
// Internal: writes indented XML into one growing buffer, straight from a token stream (no DOM).
// Layout rules that keep XML -> WBXML -> XML lossless:
// - an element holding only elements is indented, one child per line;
// - an element holding text is written inline, and everything inside it too;
// - once text appears among elements (mixed content) nothing more is added around it.
// The encoder drops whitespace-only text between elements, so indentation never becomes content.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace syncmldm::detail {

// Index of the first byte that is not valid UTF-8 or not an XML 1.0 character (controls other
// than TAB, LF, CR); npos when the text is clean.
std::size_t find_invalid_xml_text(std::string_view text);

#if defined(__SSE2__)
// Whether a string of at most 16 bytes, with 16 readable, holds nothing to escape or check
// (what skip_plain_text stops at: controls, non-ASCII, '<', '>', '&').
[[gnu::always_inline]] inline bool plain16(std::string_view s) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data()));
  __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));  // and bytes >= 0x80 (signed compare)
  __m128i lt = _mm_cmpeq_epi8(v, _mm_set1_epi8('<')), gt = _mm_cmpeq_epi8(v, _mm_set1_epi8('>'));
  __m128i amp = _mm_cmpeq_epi8(v, _mm_set1_epi8('&'));
  auto bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low, lt), _mm_or_si128(gt, amp))));
  return (bits & ((1u << s.size()) - 1)) == 0;
}
#endif

class XmlWriter {
 public:
  // indent < 0: compact (no line breaks at all). Appends to `out`, which holds the XML once
  // finish() was called (before that its size runs ahead of what was written).
  XmlWriter(std::string& out, int indent) : out_(out), len_(out.size()), indent_(indent) {}

  void declaration();
  void start(std::string_view name);
  // Only right after start(). Escapes the value.
  void attribute(std::string_view name, std::string_view value);
  // Escaped character data. Returns npos, or the index of a byte that XML cannot carry (then
  // nothing is written).
  std::size_t text(std::string_view utf8);
  // A CDATA section (split where the content holds "]]>"). Same return as text().
  std::size_t cdata(std::string_view utf8);
  void end();
  // start(name), text(utf8), end() in one go (an element holding one string: most elements of a
  // dense message). Same return as text(); the same bytes as the three calls. Memory up to
  // `readable_end` may be read (a short string inside a larger buffer is then one 16-byte test).
  std::size_t leaf(std::string_view name, std::string_view utf8, const char* readable_end = nullptr);
  // leaf() for a name whose bytes stay where they are, unchanged, while the writer lives (the
  // names of the WBXML code page tables): its start and end tags are kept ready, padded, and
  // copied a fixed number of bytes at a time. The same bytes and return as leaf().
  [[gnu::always_inline]] std::size_t leaf_static(std::string_view name, std::string_view utf8,
                                                 const char* readable_end) {
#if defined(__SSE2__)
    // Inline for the usual case: a short plain string, a name whose tags are ready, a parent
    // holding elements already and an indentation line of up to 16 bytes.
    if (utf8.size() <= 16 && readable_end && readable_end - utf8.data() >= 32 && !stack_.empty() && !tag_texts_.empty()) {
      Frame& parent = stack_.back();
      TagText& tag = tag_text(name);
      if (tag.name == name.data() && tag.size == name.size() && parent.state == State::elements &&
          !parent.inline_ && !parent.last_text && parent.child_line <= 16 && plain16(utf8)) {
        static constexpr char kLine[17] = "\n               ";  // a line break and 15 spaces
        char* const begin = room(16 + 32 + 32 + 32);
        char* p = begin;
        std::memcpy(p, kLine, 16);
        p += parent.child_line;
        p = put_ready_leaf(p, tag, name.size(), utf8);
        len_ += static_cast<std::size_t>(p - begin);
        return std::string_view::npos;
      }
    }
#endif
    return leaf_static_general(name, utf8, readable_end);
  }
  std::size_t leaf_static_general(std::string_view name, std::string_view utf8, const char* readable_end);
  // True while the current element's start tag is still open (no content written yet).
  bool start_tag_open() const { return !stack_.empty() && stack_.back().state == State::open; }
  std::size_t depth() const { return stack_.size(); }
  void finish();  // final newline; `out` then holds exactly what was written

  // What was written so far, and forgetting it (after handing it on in pieces).
  std::string_view written() const { return {out_.data(), len_}; }
  std::size_t size() const { return len_; }
  void clear() { len_ = 0; }

  // A point to go back to (used when a nested document turns out not to decode).
  struct Mark {
    std::size_t size;
    std::size_t depth;
    std::uint8_t state;
    bool inline_;
    bool last_text;
  };
  Mark mark() const;
  void rewind(const Mark& m);

 private:
  enum class State : std::uint8_t { open, text, elements };
  struct Frame {
    std::string_view name;
    State state;
    bool inline_;    // no line breaks inside
    bool last_text;  // the last thing written inside was text
    std::uint32_t child_line = 0;  // line_size() of its children's level, worked out once
  };
  void newline(std::size_t level);
  std::size_t line_size(std::size_t level) const;  // bytes of a line break at that level (0: compact)
  char* line_break(char* p, std::size_t size) const;
  void close_start_tag(Frame& f);
  // Writes a value with the references that keep it byte for byte through a reader: markup
  // characters, CR, and in attributes quotes, LF and TAB (value normalisation would change them).
  void put_attribute_value(std::string_view s, bool attribute);
  [[gnu::noinline]] std::size_t leaf_checked(std::string_view name, std::string_view utf8);

  // Appending without std::string's per-call checks: room() makes space for n bytes at len_.
  char* room(std::size_t n) {
    if (out_.size() - len_ < n) grow(n);
    return out_.data() + len_;
  }
  void grow(std::size_t n);
  void put(const char* s, std::size_t n) {
    if (n) std::memcpy(room(n), s, n);
    len_ += n;
  }
  void put(std::string_view s) { put(s.data(), s.size()); }
  void put(char c) {
    *room(1) = c;
    ++len_;
  }
  void put_fill(std::size_t n, char c) {
    std::memset(room(n), c, n);
    len_ += n;
  }

  // "<name>" and "</name>" of a name given to leaf_static, each in 32 bytes (the rest unused),
  // found by the address of the name's bytes.
  struct TagText {
    const char* name = nullptr;
    std::size_t size = 0;
    char open[32];
    char close[32];
  };
  static constexpr std::size_t kTagTexts = 128;
  // "<name>TEXT</name>" at p from ready tags, each piece one 32-byte copy (room for them made,
  // 32 bytes of `text` readable); returns the end of what was written.
  [[gnu::always_inline]] static char* put_ready_leaf(char* p, const TagText& tag, std::size_t name_size,
                                                     std::string_view text) {
    std::memcpy(p, tag.open, 32);
    p += name_size + 2;
    std::memcpy(p, text.data(), 32);
    p += text.size();
    std::memcpy(p, tag.close, 32);
    return p + name_size + 3;
  }
  // The slot of a name (a hash of its address; tag_texts_ made).
  TagText& tag_text(std::string_view name) {
    auto at = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(name.data()));
    return tag_texts_[(at * 0x9E3779B97F4A7C15u) >> 57];  // the top 7 bits: 0-127
  }

  std::string& out_;
  std::size_t len_;  // bytes written; out_.size() may be larger
  int indent_;
  std::vector<Frame> stack_;
  std::vector<TagText> tag_texts_;  // kTagTexts of them, made on the first leaf_static()
};

}  // namespace syncmldm::detail
