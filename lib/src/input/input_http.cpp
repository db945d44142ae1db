// HTTP request/response text -> its body (the message), honouring the framing headers.
#include <fmt/format.h>

#include "input/input_detail.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::input::detail {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The line at `pos` without its CR LF / LF; pos moves past it. npos-safe.
std::string_view next_line(std::string_view text, std::size_t& pos, bool& complete) {
  std::size_t eol = text.find('\n', pos);
  complete = eol != std::string_view::npos;
  if (!complete) eol = text.size();
  std::string_view line = text.substr(pos, eol - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = complete ? eol + 1 : text.size();
  return line;
}

}  // namespace

bool looks_like_http(std::string_view text) {
  std::size_t eol = text.find('\n');
  std::string_view line = text.substr(0, eol == std::string_view::npos ? std::min<std::size_t>(text.size(), 8192) : eol);
  if (line.starts_with("HTTP/1.") || line.starts_with("HTTP/2")) return true;
  // METHOD SP target SP HTTP/x.y
  std::size_t sp = line.find(' ');
  if (sp == 0 || sp == std::string_view::npos || sp > 16) return false;
  for (std::size_t i = 0; i < sp; ++i) {
    if (line[i] < 'A' || line[i] > 'Z') return false;
  }
  std::size_t sp2 = line.find(' ', sp + 1);
  return sp2 != std::string_view::npos && line.substr(sp2 + 1).starts_with("HTTP/");
}

HttpMessage parse_http(std::string_view text, const std::string& source) {
  auto fail = [&](std::size_t at, std::string message) {
    return Error(ErrorKind::input, std::move(message), Location{source, at});
  };
  auto content_length = [&](std::string_view digits, std::size_t at) {
    std::uint64_t n = 0;
    if (digits.empty() || digits.size() > 15) throw fail(at, "bad Content-Length");
    for (char c : digits) {
      if (c < '0' || c > '9') throw fail(at, "bad Content-Length");
      n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return n;
  };
  if (!looks_like_http(text)) throw fail(0, "not an HTTP request or response (no request or status line)");
  HttpMessage m;
  std::size_t pos = 0;
  bool complete = false;
  m.start_line = std::string(next_line(text, pos, complete));
  bool chunked = false;
  std::optional<std::uint64_t> length;
  for (;;) {
    std::size_t at = pos;
    if (pos >= text.size()) throw fail(at, "HTTP headers are not followed by an empty line and a body");
    std::string_view line = next_line(text, pos, complete);
    if (line.empty()) break;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) throw fail(at, "malformed HTTP header line (no ':')");
    std::string_view name = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "Content-Type")) {
      m.content_type = std::string(value);
    } else if (iequals(name, "Transfer-Encoding")) {
      if (iequals(value, "chunked")) chunked = true;
      else if (!iequals(value, "identity")) throw fail(at, fmt::format("unsupported Transfer-Encoding '{}'", value));
    } else if (iequals(name, "Content-Encoding")) {
      if (!iequals(value, "identity")) {
        throw fail(at, fmt::format("unsupported Content-Encoding '{}' (decompress the body first)", value));
      }
    } else if (iequals(name, "Content-Length")) {
      // RFC 9110 8.6 and RFC 9112 6.3: a list of one value repeated ("42, 42"), or the same
      // header twice, is that value; different values leave the framing unknown, and a reader
      // that picked one would see another body than the next reader (request smuggling).
      for (std::size_t start = 0; start <= value.size();) {
        std::size_t comma = value.find(',', start);
        if (comma == std::string_view::npos) comma = value.size();
        std::uint64_t n = content_length(trim(value.substr(start, comma - start)), at);
        if (length && *length != n) {
          throw fail(at, fmt::format("conflicting Content-Length values {} and {}", *length, n));
        }
        length = n;
        start = comma + 1;
      }
    }
  }
  std::size_t body_at = pos;
  if (chunked) {
    for (;;) {
      std::size_t at = pos;
      if (pos >= text.size()) throw fail(at, "truncated chunked body (no final 0-size chunk)");
      std::string_view line = next_line(text, pos, complete);
      std::size_t semi = line.find(';');
      std::string_view size_text = trim(line.substr(0, semi));
      if (size_text.empty() || size_text.size() > 8) throw fail(at, "bad chunk size line");
      std::uint64_t size = 0;
      for (char c : size_text) {
        int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (v < 0) throw fail(at, "bad chunk size line");
        size = size * 16 + static_cast<unsigned>(v);
      }
      if (size == 0) break;  // trailers, if any, are ignored
      if (size > text.size() - pos) {
        throw fail(at, fmt::format("chunk of {} bytes is longer than the {} bytes left", size, text.size() - pos));
      }
      m.body.append(text.substr(pos, size));
      pos += size;
      // The chunk's own line end.
      if (pos < text.size() && text[pos] == '\r') ++pos;
      if (pos < text.size() && text[pos] == '\n') ++pos;
    }
  } else if (length) {
    if (*length > text.size() - body_at) {
      throw fail(body_at, fmt::format("body is shorter than its Content-Length ({} of {} bytes)", text.size() - body_at,
                                      *length));
    }
    m.body = std::string(text.substr(body_at, *length));
  } else {
    m.body = std::string(text.substr(body_at));
  }
  if (m.body.empty()) throw fail(body_at, "HTTP message without a body");
  m.framed = chunked || length;
  m.by_length = !chunked && length;
  m.end = chunked ? pos : length ? body_at + *length : text.size();
  return m;
}

}  // namespace syncmldm::input::detail
