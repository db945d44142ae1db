// The JSON cursor: strings found with memchr, values skipped without being built.
#include "trace/json_cursor.hpp"

#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "syncmldm/util/error.hpp"
#include "util/utf8_append.hpp"

namespace syncmldm::trace::json_scan {

namespace {

// Deeper nesting in a skipped value is refused: a HAR has five levels, a hostile file millions.
constexpr std::size_t kMaxSkipDepth = 512;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void Cursor::fail(std::string_view what) const {
  throw Error(ErrorKind::input, std::string(what), Location{source_, base_ + p_});
}

void Cursor::ws() {
  while (p_ < t_.size() && (t_[p_] == ' ' || t_[p_] == '\n' || t_[p_] == '\r' || t_[p_] == '\t')) ++p_;
}

char Cursor::peek() {
  ws();
  return p_ < t_.size() ? t_[p_] : '\0';
}

void Cursor::expect(char c) {
  if (peek() != c) {
    if (p_ >= t_.size()) fail(fmt::format("JSON ends where '{}' was expected", c));
    fail(fmt::format("JSON: '{}' expected", c));
  }
  ++p_;
}

void Cursor::begin_object() {
  expect('{');
  first_ = true;
}

void Cursor::begin_array() {
  expect('[');
  first_ = true;
}

bool Cursor::member(std::string& key) {
  if (peek() == '}') {
    ++p_;
    first_ = false;
    return false;
  }
  if (!first_) expect(',');
  key = string();
  expect(':');
  first_ = false;
  return true;
}

bool Cursor::element() {
  if (peek() == ']') {
    ++p_;
    first_ = false;
    return false;
  }
  if (!first_) expect(',');
  first_ = false;
  return true;
}

std::size_t Cursor::string_end(std::size_t from) const {
  // The next quote not escaped: an odd run of backslashes before it escapes it.
  for (std::size_t at = from;;) {
    const void* hit = at < t_.size() ? std::memchr(t_.data() + at, '"', t_.size() - at) : nullptr;
    if (!hit) return std::string_view::npos;
    std::size_t q = static_cast<const char*>(hit) - t_.data();
    std::size_t slashes = 0;
    while (q - slashes > from && t_[q - slashes - 1] == '\\') ++slashes;
    if (slashes % 2 == 0) return q;
    at = q + 1;
  }
}

std::string Cursor::string() {
  if (peek() != '"') fail("JSON: a string was expected");
  std::size_t start = ++p_;
  std::size_t end = string_end(start);
  if (end == std::string_view::npos) fail("JSON string without its closing quote");
  std::string_view raw = t_.substr(start, end - start);
  std::string out;
  if (raw.find('\\') == std::string_view::npos) {
    out.assign(raw);
  } else {
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '\\') {
        // The run up to the next escape in one piece: bodies escape little ('"' and '\n').
        std::size_t next = raw.find('\\', i);
        if (next == std::string_view::npos) next = raw.size();
        out.append(raw.substr(i, next - i));
        i = next - 1;
        continue;
      }
      p_ = start + i;
      if (++i >= raw.size()) fail("JSON: bad escape");
      switch (raw[i]) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          auto quad = [&](std::size_t at) -> int {
            if (at + 4 > raw.size()) return -1;
            int v = 0;
            for (std::size_t k = 0; k < 4; ++k) {
              int d = hex_digit(raw[at + k]);
              if (d < 0) return -1;
              v = v * 16 + d;
            }
            return v;
          };
          int v = quad(i + 1);
          if (v < 0) fail("JSON: bad \\u escape");
          i += 4;
          std::uint32_t cp = static_cast<std::uint32_t>(v);
          if (cp >= 0xD800 && cp < 0xDC00 && i + 2 < raw.size() && raw[i + 1] == '\\' && raw[i + 2] == 'u') {
            int lo = quad(i + 3);
            if (lo >= 0xDC00 && lo < 0xE000) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + static_cast<std::uint32_t>(lo - 0xDC00);
              i += 6;
            }
          }
          if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;  // a lone surrogate
          syncmldm::detail::append_utf8(out, cp);
          break;
        }
        default: fail("JSON: bad escape");
      }
    }
  }
  p_ = end + 1;
  return out;
}

double Cursor::number(double fallback) {
  char c = peek();
  if (c == 'n' && t_.substr(p_, 4) == "null") {
    p_ += 4;
    return fallback;
  }
  std::size_t start = p_;
  while (p_ < t_.size() && std::strchr("+-.0123456789eE", t_[p_]) && t_[p_] != '\0') ++p_;
  if (p_ == start || p_ - start > 64) fail("JSON: a number was expected");
  std::string digits(t_.substr(start, p_ - start));
  char* end = nullptr;
  double v = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size()) {
    p_ = start;
    fail("JSON: bad number");
  }
  return v;
}

void Cursor::skip() {
  std::vector<char> closers;
  for (;;) {
    char c = peek();
    switch (c) {
      case '"': {
        std::size_t end = string_end(p_ + 1);
        if (end == std::string_view::npos) fail("JSON string without its closing quote");
        p_ = end + 1;
        break;
      }
      case '{':
      case '[':
        if (closers.size() >= kMaxSkipDepth) fail("JSON nested too deeply");
        closers.push_back(c == '{' ? '}' : ']');
        ++p_;
        if (peek() == closers.back()) {
          ++p_;
          closers.pop_back();
          break;
        }
        if (c == '{') {
          if (peek() != '"') fail("JSON: a member name was expected");
          std::size_t end = string_end(p_ + 1);
          if (end == std::string_view::npos) fail("JSON string without its closing quote");
          p_ = end + 1;
          expect(':');
        }
        continue;
      case 't':
      case 'f':
      case 'n': {
        std::string_view word = c == 't' ? "true" : c == 'f' ? "false" : "null";
        if (t_.substr(p_, word.size()) != word) fail("JSON: unexpected character");
        p_ += word.size();
        break;
      }
      case '\0': fail("JSON ends inside a value");
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          while (p_ < t_.size() && std::strchr("+-.0123456789eE", t_[p_]) && t_[p_] != '\0') ++p_;
          break;
        }
        fail("JSON: unexpected character");
    }
    // After a value: the next member or element, or the end of containers.
    for (;;) {
      if (closers.empty()) {
        first_ = false;
        return;
      }
      char n = peek();
      if (n == closers.back()) {
        ++p_;
        closers.pop_back();
        continue;
      }
      if (n != ',') fail(n == '\0' ? "JSON ends inside a value" : "JSON: ',' expected");
      ++p_;
      if (closers.back() == '}') {
        if (peek() != '"') fail("JSON: a member name was expected");
        std::size_t end = string_end(p_ + 1);
        if (end == std::string_view::npos) fail("JSON string without its closing quote");
        p_ = end + 1;
        expect(':');
      }
      break;
    }
  }
}

}  // namespace syncmldm::trace::json_scan
