// HTTP messages one after another (tcpflow output, server debug logs): each framed by its
// Content-Length or chunked coding; without either, a request has no body and a response's
// runs to the next start line.
#include <fmt/format.h>

#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"
#include "trace/readers.hpp"

namespace syncmldm::trace::detail {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "HTTP/1.1 200 OK" or "METHOD target HTTP/x.y" at `pos`.
bool is_start_line(std::string_view text, std::size_t pos) {
  std::size_t eol = text.find('\n', pos);
  std::string_view line = text.substr(pos, (eol == std::string_view::npos ? text.size() : eol) - pos);
  if (line.starts_with("HTTP/1.") || line.starts_with("HTTP/2")) return true;
  std::size_t sp = line.find(' ');
  if (sp == 0 || sp == std::string_view::npos || sp > 16) return false;
  for (std::size_t i = 0; i < sp; ++i) {
    if (line[i] < 'A' || line[i] > 'Z') return false;
  }
  std::size_t sp2 = line.rfind(' ');
  return sp2 > sp && line.substr(sp2 + 1).starts_with("HTTP/");
}

// The offset of the next start line at or after `from` (a line start), or text.size().
std::size_t next_start(std::string_view text, std::size_t from) {
  for (std::size_t pos = from; pos < text.size();) {
    if (is_start_line(text, pos)) return pos;
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return text.size();
}

}  // namespace

void read_http_stream(std::string_view text, const std::string& name, const RecordSink& sink, const NoteSink& notes) {
  auto fail = [&](std::size_t at, std::string what) {
    throw Error(ErrorKind::input, std::move(what), Location{name, at});
  };
  std::size_t pos = 0;
  std::string last_url;
  std::size_t count = 0;
  while (pos < text.size()) {
    std::size_t blank = text.find_first_not_of(" \t\r\n", pos);
    if (blank == std::string_view::npos) break;
    pos = blank;
    std::size_t start = pos;
    if (!is_start_line(text, pos)) {
      if (count == 0) fail(pos, "not an HTTP request or response");
      std::size_t next = next_start(text, pos);
      notes({fmt::format("{}: offset {}", name, pos), fmt::format("{} bytes that are not HTTP; skipped", next - pos)});
      pos = next;
      continue;
    }
    ++count;
    std::string_view start_line = line_at(text, pos);
    bool request = !start_line.starts_with("HTTP/");
    std::string content_type, host, encoding;
    bool chunked = false;
    std::optional<std::uint64_t> length;
    for (;;) {
      std::size_t at = pos;
      if (pos >= text.size()) fail(at, "HTTP headers are not ended by an empty line");
      std::string_view line = line_at(text, pos);
      if (line.empty()) break;
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) fail(at, "malformed HTTP header line (no ':')");
      std::string_view key = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
      if (iequals(key, "Content-Type")) content_type = value;
      else if (iequals(key, "Host")) host = value;
      else if (iequals(key, "Content-Encoding") && !iequals(value, "identity")) encoding = value;
      else if (iequals(key, "Transfer-Encoding")) chunked = iequals(value, "chunked");
      else if (iequals(key, "Content-Length")) {
        std::uint64_t n = 0;
        if (value.empty() || value.size() > 15) fail(at, "bad Content-Length");
        for (char ch : value) {
          if (ch < '0' || ch > '9') fail(at, "bad Content-Length");
          n = n * 10 + static_cast<unsigned>(ch - '0');
        }
        length = n;
      }
    }
    std::size_t body_at = pos;
    std::string body;
    if (chunked) {
      for (;;) {
        std::size_t at = pos;
        if (pos >= text.size()) fail(at, "truncated chunked body (no final 0-size chunk)");
        std::string_view size_line = trim(line_at(text, pos));
        size_line = size_line.substr(0, size_line.find(';'));
        if (size_line.empty() || size_line.size() > 8) fail(at, "bad chunk size line");
        std::uint64_t size = 0;
        for (char ch : size_line) {
          int v = (ch >= '0' && ch <= '9') ? ch - '0' : (ch >= 'a' && ch <= 'f') ? ch - 'a' + 10 : (ch >= 'A' && ch <= 'F') ? ch - 'A' + 10 : -1;
          if (v < 0) fail(at, "bad chunk size line");
          size = size * 16 + static_cast<unsigned>(v);
        }
        if (size == 0) {
          // Trailers, then the empty line.
          while (pos < text.size() && !line_at(text, pos).empty()) {
          }
          break;
        }
        if (size > text.size() - pos) {
          fail(at, fmt::format("chunk of {} bytes is longer than the {} bytes left", size, text.size() - pos));
        }
        body.append(text.substr(pos, size));
        pos += size;
        if (pos < text.size() && text[pos] == '\r') ++pos;
        if (pos < text.size() && text[pos] == '\n') ++pos;
      }
    } else if (length) {
      if (*length > text.size() - body_at) {
        fail(body_at, fmt::format("body is shorter than its Content-Length ({} of {} bytes)", text.size() - body_at, *length));
      }
      body = text.substr(body_at, *length);
      pos = body_at + *length;
    } else if (!request) {
      std::size_t end = next_start(text, body_at);
      body = text.substr(body_at, end - body_at);
      pos = end;
    }
    std::string place = fmt::format("{}: offset {}", name, start);
    if (request) {
      std::size_t sp = start_line.find(' '), sp2 = start_line.rfind(' ');
      std::string target(sp2 > sp ? start_line.substr(sp + 1, sp2 - sp - 1) : std::string_view{});
      last_url = target.starts_with("http") || host.empty() ? target : "http://" + host + target;
    }
    if (!encoding.empty()) {
      notes({place, fmt::format("body in Content-Encoding '{}'; skipped (decompress it first)", encoding)});
      continue;
    }
    if (body.empty()) continue;
    Record r;
    r.body = std::move(body);
    r.content_type = std::move(content_type);
    r.side = request ? Side::client : Side::server;
    r.place = std::move(place);
    r.url = last_url;
    sink(std::move(r));
  }
  if (count == 0) fail(0, "no HTTP request or response");
}

std::string_view line_at(std::string_view text, std::size_t& pos) {
  std::size_t eol = text.find('\n', pos);
  if (eol == std::string_view::npos) eol = text.size();
  std::string_view line = text.substr(pos, eol - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = eol < text.size() ? eol + 1 : text.size();
  return line;
}

}  // namespace syncmldm::trace::detail
