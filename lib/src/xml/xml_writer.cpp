#include "xml/xml_writer.hpp"

#include <algorithm>
#include <cstring>

#include "util/text_scan.hpp"

namespace syncmldm::detail {

namespace {

// Byte classes for the escaping loop.
enum : std::uint8_t { kPlain = 0, kEscape = 1, kBad = 2, kHigh = 3 };

struct ByteClasses {
  std::uint8_t c[256];
  constexpr ByteClasses() : c{} {
    for (int i = 0; i < 256; ++i) c[i] = i >= 0x80 ? kHigh : i < 0x20 ? kBad : kPlain;
    c['\t'] = kPlain;
    c['\n'] = kPlain;
    c['\r'] = kEscape;
    c['<'] = kEscape;
    c['>'] = kEscape;
    c['&'] = kEscape;
    c['"'] = kEscape;  // only escaped in attributes; see put_attribute_value()
  }
};
constexpr ByteClasses kClasses;

// Length of the valid UTF-8 sequence at s[i] (a byte >= 0x80), or 0.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t n;
  std::uint32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) n = 2, cp = b0 & 0x1F;
  else if (b0 >= 0xE0 && b0 <= 0xEF) n = 3, cp = b0 & 0x0F;
  else if (b0 >= 0xF0 && b0 <= 0xF4) n = 4, cp = b0 & 0x07;
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  if (cp == 0xFFFE || cp == 0xFFFF) return 0;
  return n;
}

// Copies n bytes to p and returns the end. Names, line breaks and the values of a dense message
// are a few bytes: two overlapping loads of 8 (or 4) bytes, which read only the source's own
// bytes, instead of a call to memcpy.
[[gnu::always_inline]] inline char* copy_short(char* p, const char* s, std::size_t n) {
  if (n >= 8 && n <= 16) {
    std::uint64_t a, b;
    std::memcpy(&a, s, 8);
    std::memcpy(&b, s + n - 8, 8);
    std::memcpy(p, &a, 8);
    std::memcpy(p + n - 8, &b, 8);
  } else if (n >= 4 && n < 8) {
    std::uint32_t a, b;
    std::memcpy(&a, s, 4);
    std::memcpy(&b, s + n - 4, 4);
    std::memcpy(p, &a, 4);
    std::memcpy(p + n - 4, &b, 4);
  } else if (n < 4) {
    if (n) {
      p[0] = s[0];
      p[n / 2] = s[n / 2];
      p[n - 1] = s[n - 1];
    }
  } else {
    std::memcpy(p, s, n);
  }
  return p + n;
}

// The bytes put_attribute_value() replaces, one table per context (a lookup a byte: a namespace name is
// copied after a few instructions per byte).
struct Escapes {
  bool text[256] = {};
  bool attribute[256] = {};
  constexpr Escapes() {
    for (unsigned char c : std::string_view("<>&\r")) text[c] = attribute[c] = true;
    // In attributes only: value normalisation would turn TAB and LF into spaces.
    for (unsigned char c : std::string_view("\"\n\t")) attribute[c] = true;
  }
};
constexpr Escapes kEscapes;

// A line break and the deepest indentation (40 levels of at most 16 spaces), appended in one go.
struct LineBreak {
  char text[1 + 40 * 16];
  constexpr LineBreak() : text{} {
    text[0] = '\n';
    for (std::size_t i = 1; i < sizeof text; ++i) text[i] = ' ';
  }
};
constexpr LineBreak kLineBreak;

}  // namespace

std::size_t find_invalid_xml_text(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    i = skip_printable_ascii(s.data(), i, s.size());
    if (i == s.size()) break;
    std::uint8_t k = kClasses.c[static_cast<unsigned char>(s[i])];
    if (k == kBad) return i;
    if (k == kHigh) {
      std::size_t n = utf8_sequence(s, i);
      if (!n) return i;
      i += n;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

void XmlWriter::declaration() { put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"); }

std::size_t XmlWriter::line_size(std::size_t level) const {
  if (indent_ < 0) return 0;
  // Deep documents would grow with the square of their depth: indentation stops at 40 levels.
  return 1 + (level < 40 ? level : 40) * static_cast<std::size_t>(indent_);
}

// Writes the line_size(level) bytes of a line break at p (room made by the caller).
[[gnu::always_inline]] inline char* XmlWriter::line_break(char* p, std::size_t size) const {
  if (size <= sizeof kLineBreak.text) {
    copy_short(p, kLineBreak.text, size);
  } else if (size > 0) {
    p[0] = '\n';
    std::memset(p + 1, ' ', size - 1);
  }
  return p + size;
}

void XmlWriter::newline(std::size_t level) {
  std::size_t size = line_size(level);
  line_break(room(size), size);
  len_ += size;
}

void XmlWriter::close_start_tag(Frame& f) {
  if (f.state == State::open) put('>');
}

void XmlWriter::start(std::string_view name) {
  // Room for everything at once: the parent's '>', a line break, '<' and the name.
  std::size_t line = stack_.empty() ? line_size(0) : stack_.back().child_line;
  char* const begin = room(line + name.size() + 2);
  char* p = begin;
  bool inline_ = indent_ < 0;
  if (!stack_.empty()) {
    Frame& parent = stack_.back();
    if (parent.state == State::open) *p++ = '>';
    if (parent.state == State::text) parent.inline_ = true;  // text then elements: mixed content
    if (parent.state == State::open) parent.state = State::elements;
    if (!parent.inline_ && !parent.last_text) p = line_break(p, line);
    parent.last_text = false;
    inline_ = inline_ || parent.inline_;
  }
  *p++ = '<';
  p = copy_short(p, name.data(), name.size());
  len_ += static_cast<std::size_t>(p - begin);
  stack_.push_back(Frame{name, State::open, inline_, false, static_cast<std::uint32_t>(line_size(stack_.size() + 1))});
}

void XmlWriter::attribute(std::string_view name, std::string_view value) {
  put(' ');
  put(name);
  put("=\"");
  put_attribute_value(value, true);
  put('"');
}

void XmlWriter::put_attribute_value(std::string_view s, bool attribute) {
  const bool* escaped = attribute ? kEscapes.attribute : kEscapes.text;
  const char* d = s.data();
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!escaped[static_cast<unsigned char>(d[i])]) continue;
    const char* rep;
    switch (d[i]) {
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '&': rep = "&amp;"; break;
      case '\r': rep = "&#13;"; break;
      case '"': rep = "&quot;"; break;
      case '\n': rep = "&#10;"; break;
      default: rep = "&#9;"; break;
    }
    put(d + run, i - run);
    put(rep);
    run = i + 1;
  }
  put(d + run, s.size() - run);
}

std::size_t XmlWriter::text(std::string_view s) {
  Frame& f = stack_.back();
  std::size_t mark = len_;
  close_start_tag(f);
  // One pass: escape and check at once (text is most of a document's bytes).
  const char* d = s.data();
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size();) {
    i = skip_plain_text(d, i, s.size());
    if (i == s.size()) break;
    std::uint8_t k = kClasses.c[static_cast<unsigned char>(d[i])];
    if (k == kPlain || (k == kEscape && d[i] == '"')) {
      ++i;
      continue;
    }
    if (k == kHigh) {
      std::size_t n = utf8_sequence(s, i);
      if (!n) {
        len_ = mark;
        return i;
      }
      i += n;
      continue;
    }
    if (k == kBad) {
      len_ = mark;
      return i;
    }
    put(d + run, i - run);
    switch (d[i]) {
      case '<': put("&lt;"); break;
      case '>': put("&gt;"); break;
      case '&': put("&amp;"); break;
      default: put("&#13;"); break;
    }
    run = ++i;
  }
  put(d + run, s.size() - run);
  if (f.state == State::elements) f.inline_ = true;  // mixed content
  if (f.state == State::open) f.state = State::text;
  f.last_text = true;
  return std::string_view::npos;
}

std::size_t XmlWriter::cdata(std::string_view s) {
  std::size_t bad = find_invalid_xml_text(s);
  if (bad != std::string_view::npos) return bad;
  Frame& f = stack_.back();
  close_start_tag(f);
  if (f.state == State::elements) f.inline_ = true;
  if (f.state == State::open) f.state = State::text;
  f.last_text = true;
  put("<![CDATA[");
  for (;;) {
    std::size_t at = s.find("]]>");
    if (at == std::string_view::npos) break;
    put(s.substr(0, at + 2));
    put("]]><![CDATA[");
    s.remove_prefix(at + 2);
  }
  put(s);
  put("]]>");
  return std::string_view::npos;
}

void XmlWriter::end() {
  Frame f = stack_.back();
  stack_.pop_back();
  if (f.state == State::open) {
    put("/>");
  } else {
    std::size_t line = f.state == State::elements && !f.inline_ && !f.last_text
                           ? (stack_.empty() ? line_size(0) : stack_.back().child_line)
                           : 0;
    char* const begin = room(line + f.name.size() + 3);
    char* p = line_break(begin, line);
    *p++ = '<';
    *p++ = '/';
    p = copy_short(p, f.name.data(), f.name.size());
    *p++ = '>';
    len_ += static_cast<std::size_t>(p - begin);
  }
  if (!stack_.empty()) stack_.back().last_text = false;
}

std::size_t XmlWriter::leaf_checked(std::string_view name, std::string_view s) {
  start(name);
  std::size_t bad = text(s);
  if (bad == std::string_view::npos) end();
  return bad;
}

namespace {

// Whether skip_plain_text() would pass all of s; a string of at most 16 bytes with readable
// memory after it is one load.
[[gnu::always_inline]] inline bool all_plain(std::string_view s, const char* readable_end) {
#if defined(__SSE2__)
  if (s.size() <= 16 && readable_end && readable_end - s.data() >= 16) return plain16(s);
#endif
  return skip_plain_text(s.data(), 0, s.size()) == s.size();
}

}  // namespace

std::size_t XmlWriter::leaf(std::string_view name, std::string_view s, const char* readable_end) {
  // Escapes, non-ASCII or control characters to check: the general way.
  if (stack_.empty() || !all_plain(s, readable_end)) return leaf_checked(name, s);
  // What start() does for the parent, then the whole element (text() and end() change nothing
  // else: the element is popped again, and an element holding text gets no line break).
  std::size_t line = stack_.back().child_line;
  // 16 bytes more: the line break and the string are copied 16 bytes at a time when short.
  char* const begin = room(line + 2 * name.size() + s.size() + 6 + 16);
  char* p = begin;
  Frame& parent = stack_.back();
  if (parent.state == State::open) {
    *p++ = '>';
    parent.state = State::elements;
  } else if (parent.state == State::text) {
    parent.inline_ = true;  // text then elements: mixed content
  }
  if (!parent.inline_ && !parent.last_text) {
    if (line <= 16) {
      std::memcpy(p, kLineBreak.text, 16);
      p += line;
    } else {
      p = line_break(p, line);
    }
  }
  parent.last_text = false;
  *p++ = '<';
  p = copy_short(p, name.data(), name.size());
  *p++ = '>';
  if (s.size() <= 16 && readable_end && readable_end - s.data() >= 16) {
    std::memcpy(p, s.data(), 16);
    p += s.size();
  } else {
    p = copy_short(p, s.data(), s.size());
  }
  *p++ = '<';
  *p++ = '/';
  p = copy_short(p, name.data(), name.size());
  *p++ = '>';
  len_ += static_cast<std::size_t>(p - begin);
  return std::string_view::npos;
}

std::size_t XmlWriter::leaf_static_general(std::string_view name, std::string_view s, const char* readable_end) {
  // Names of up to 29 bytes (their end tag fits in 32), strings of up to 32 bytes that memory up
  // to readable_end lets be read 32 at a time, an indentation line of up to 16: else leaf().
  if (stack_.empty() || name.size() > sizeof(TagText::close) - 3 || s.size() > 32 || !readable_end ||
      readable_end - s.data() < 32 || stack_.back().child_line > 16 || !all_plain(s, readable_end)) {
    return leaf(name, s, readable_end);
  }
  if (tag_texts_.empty()) tag_texts_.resize(kTagTexts);
  TagText& tag = tag_text(name);
  if (tag.name != name.data() || tag.size != name.size()) {
    tag.name = name.data();
    tag.size = name.size();
    tag.open[0] = '<';
    std::memcpy(tag.open + 1, name.data(), name.size());
    tag.open[name.size() + 1] = '>';
    tag.close[0] = '<';
    tag.close[1] = '/';
    std::memcpy(tag.close + 2, name.data(), name.size());
    tag.close[name.size() + 2] = '>';
  }
  Frame& parent = stack_.back();
  const std::size_t line = parent.child_line;
  // '>', the line break, the two tags and the string, each copied whole.
  char* const begin = room(1 + 16 + 32 + 32 + 32);
  char* p = begin;
  if (parent.state == State::open) {
    *p++ = '>';
    parent.state = State::elements;
  } else if (parent.state == State::text) {
    parent.inline_ = true;  // text then elements: mixed content
  }
  if (!parent.inline_ && !parent.last_text) {
    std::memcpy(p, kLineBreak.text, 16);
    p += line;
  }
  parent.last_text = false;
  p = put_ready_leaf(p, tag, name.size(), s);
  len_ += static_cast<std::size_t>(p - begin);
  return std::string_view::npos;
}

void XmlWriter::finish() {
  put('\n');
  out_.resize(len_);
}

void XmlWriter::grow(std::size_t n) {
  // The string's size runs ahead of what is written by at most a step: growing it zero-fills,
  // and a whole large reserve filled at once would touch memory that may never be needed.
  // Small steps while the output is small: a short message touches only the pages it needs.
  std::size_t step = len_ < (std::size_t{64} << 10) ? 4096 : (std::size_t{64} << 10);
  std::size_t want = len_ + n + step;
  if (want > out_.capacity()) out_.reserve((std::max)(want, 2 * out_.capacity()));
  out_.resize(want);
}

XmlWriter::Mark XmlWriter::mark() const {
  const Frame& f = stack_.back();
  return Mark{len_, stack_.size(), static_cast<std::uint8_t>(f.state), f.inline_, f.last_text};
}

void XmlWriter::rewind(const Mark& m) {
  len_ = m.size;
  stack_.resize(m.depth);
  Frame& f = stack_.back();
  f.state = static_cast<State>(m.state);
  f.inline_ = m.inline_;
  f.last_text = m.last_text;
}

}  // namespace syncmldm::detail
