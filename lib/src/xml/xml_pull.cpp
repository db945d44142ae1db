#include "xml/xml_pull.hpp"

#include <algorithm>
#include <cstring>

#include "util/utf8_append.hpp"

namespace syncmldm::xml::detail {

namespace {

bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
// RapidXML's node_name_pred and attribute_name_pred.
bool ends_name(char c) { return is_ws(c) || c == '/' || c == '>' || c == '?'; }
bool in_attribute_name(char c) {
  return !is_ws(c) && c != '/' && c != '<' && c != '>' && c != '=' && c != '?' && c != '!';
}

const char* find(const char* from, const char* end, std::string_view what) {
  if (from >= end) return nullptr;
  std::string_view hay(from, static_cast<std::size_t>(end - from));
  std::size_t at = hay.find(what);
  return at == std::string_view::npos ? nullptr : from + at;
}

[[noreturn]] void unsupported() { throw PullUnsupported{}; }


}  // namespace

void expand_references(std::string_view raw, std::string& out) {
  std::size_t i = 0;
  while (i < raw.size()) {
    std::size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(i));
      return;
    }
    out.append(raw.substr(i, amp - i));
    std::size_t semi = raw.find(';', amp);
    if (semi == std::string_view::npos) unsupported();  // the prescan lets none through
    std::string_view body = raw.substr(amp + 1, semi - amp - 1);
    if (body == "amp") out.push_back('&');
    else if (body == "lt") out.push_back('<');
    else if (body == "gt") out.push_back('>');
    else if (body == "quot") out.push_back('"');
    else if (body == "apos") out.push_back('\'');
    else if (body.size() > 1 && body[0] == '#') {
      bool hex = body[1] == 'x';
      unsigned long code = 0;
      for (char c : body.substr(hex ? 2 : 1)) {
        int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0 || code > 0x10FFFF) unsupported();
        code = code * (hex ? 16 : 10) + static_cast<unsigned long>(d);
      }
      if (code == 0 || code > 0x10FFFF) unsupported();
      syncmldm::detail::append_utf8(out, static_cast<std::uint32_t>(code));
    } else {
      unsupported();
    }
    i = semi + 1;
  }
}

PullReader::PullReader(std::string_view text)
    : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()) {
  if (text.starts_with("\xEF\xBB\xBF")) p_ += 3;
}

void PullReader::skip_ws() {
  while (p_ < end_ && is_ws(*p_)) ++p_;
}

bool PullReader::skip_markup() {
  // p_ is at '<'. The rules are RapidXML's parse_node for what it does not turn into nodes.
  if (at(1) == '?') {
    const char* close = find(p_ + 2, end_, "?>");
    if (!close) unsupported();
    p_ = close + 2;
    return true;
  }
  if (at(1) != '!') return false;
  if (at(2) == '-' && at(3) == '-') {
    const char* close = find(p_ + 4, end_, "-->");
    if (!close) unsupported();
    p_ = close + 3;
    return true;
  }
  if (at(2) == '[' && std::string_view(p_, std::min<std::size_t>(9, static_cast<std::size_t>(end_ - p_))) == "<![CDATA[")
    return false;  // text, for the caller
  if (std::string_view(p_, std::min<std::size_t>(9, static_cast<std::size_t>(end_ - p_))) == "<!DOCTYPE" && is_ws(at(9))) {
    const char* s = p_ + 10;
    while (s < end_ && *s != '>') {
      if (*s == '[') {
        int depth = 1;
        for (++s; depth > 0; ++s) {
          if (s >= end_) unsupported();
          if (*s == '[') ++depth;
          else if (*s == ']') --depth;
        }
      } else {
        ++s;
      }
    }
    if (s >= end_) unsupported();
    p_ = s + 1;
    return true;
  }
  const void* close = std::memchr(p_ + 2, '>', static_cast<std::size_t>(end_ - (p_ + 2)));
  if (!close) unsupported();
  p_ = static_cast<const char*>(close) + 1;
  return true;
}

PullReader::Event PullReader::start_tag() {
  offset_ = static_cast<std::uint64_t>(p_ - begin_);
  const char* s = p_ + 1;
  while (s < end_ && !ends_name(*s)) ++s;
  if (s == p_ + 1) unsupported();
  name_ = std::string_view(p_ + 1, static_cast<std::size_t>(s - p_ - 1));
  auto ws = [&] {
    while (s < end_ && is_ws(*s)) ++s;
  };
  ws();
  attrs_.clear();
  while (s < end_ && in_attribute_name(*s)) {
    const char* n0 = s++;
    while (s < end_ && in_attribute_name(*s)) ++s;
    std::string_view attr_name(n0, static_cast<std::size_t>(s - n0));
    ws();
    if (s >= end_ || *s != '=') unsupported();
    ++s;
    ws();
    if (s >= end_ || (*s != '"' && *s != '\'')) unsupported();
    const void* close = std::memchr(s + 1, *s, static_cast<std::size_t>(end_ - (s + 1)));
    if (!close) unsupported();
    const char* q = static_cast<const char*>(close);
    attrs_.push_back({attr_name, std::string_view(s + 1, static_cast<std::size_t>(q - s - 1))});
    s = q + 1;
    ws();
  }
  if (s < end_ && *s == '>') {
    p_ = s + 1;
  } else if (s + 1 < end_ && s[0] == '/' && s[1] == '>') {
    p_ = s + 2;
    pending_end_ = true;
  } else {
    unsupported();
  }
  open_.push_back(name_);
  return Event::start;
}

PullReader::Event PullReader::end_tag() {
  const char* s = p_ + 2;
  const char* n0 = s;
  while (s < end_ && !ends_name(*s)) ++s;
  if (open_.empty() || std::string_view(n0, static_cast<std::size_t>(s - n0)) != open_.back()) unsupported();
  while (s < end_ && is_ws(*s)) ++s;
  if (s >= end_ || *s != '>') unsupported();
  p_ = s + 1;
  name_ = open_.back();
  open_.pop_back();
  if (open_.empty()) root_done_ = true;
  return Event::end;
}

PullReader::Event PullReader::next() {
  if (pending_end_) {
    pending_end_ = false;
    name_ = open_.back();
    open_.pop_back();
    if (open_.empty()) root_done_ = true;
    return Event::end;
  }
  for (;;) {
    if (open_.empty()) {
      // Outside the root element only markup that RapidXML skips may appear.
      skip_ws();
      if (p_ >= end_) {
        if (!root_done_) unsupported();
        return Event::eof;
      }
      if (*p_ != '<') unsupported();
      if (skip_markup()) continue;
      if (at(1) == '!' || at(1) == '/' || root_done_) unsupported();
      return start_tag();
    }
    const char* contents = p_;
    skip_ws();
    if (p_ >= end_) unsupported();
    if (*p_ == '<') {
      if (at(1) == '/') return end_tag();
      if (at(1) == '!' && at(2) == '[') {
        if (skip_markup()) continue;  // not CDATA: skipped like RapidXML does
        const char* close = find(p_ + 9, end_, "]]>");
        if (!close) unsupported();
        text_ = std::string_view(p_ + 9, static_cast<std::size_t>(close - p_ - 9));
        text_in_input_ = true;
        p_ = close + 3;
        return Event::text;
      }
      if (skip_markup()) continue;
      return start_tag();
    }
    // Character data runs from the end of the last markup (leading whitespace included).
    const void* lt = std::memchr(p_, '<', static_cast<std::size_t>(end_ - p_));
    if (!lt) unsupported();
    std::string_view raw(contents, static_cast<std::size_t>(static_cast<const char*>(lt) - contents));
    p_ = static_cast<const char*>(lt);
    text_in_input_ = raw.find('&') == std::string_view::npos;
    if (text_in_input_) {
      text_ = raw;
    } else {
      decoded_.clear();
      expand_references(raw, decoded_);
      text_ = decoded_;
    }
    return Event::text;
  }
}

void PullReader::skip_element() {
  std::size_t outer = open_.size() - 1;
  while (open_.size() > outer) next();
}

void ForwardLocator::locate(std::uint64_t offset, std::uint32_t& line, std::uint32_t& column) {
  const char* data = text_.data();
  if (offset < scanned_) {  // not expected: start over
    scanned_ = line_start_ = 0;
    line_ = column_ = 1;
  }
  const char* p = data + scanned_;
  const char* e = data + offset;
  while (p < e) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(e - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    ++line_;
    line_start_ = static_cast<std::uint64_t>(p - data);
    column_ = 1;
  }
  for (std::uint64_t i = std::max(scanned_, line_start_); i < offset; ++i)
    if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) ++column_;
  scanned_ = offset;
  line = line_;
  column = column_;
}

}  // namespace syncmldm::xml::detail
