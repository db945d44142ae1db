// HTTP messages one after another: each head's secret header values and each body (by
// Content-Length, chunked, or up to the next message) redacted in place.
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "redact/http_headers.hpp"
#include "redact/judge.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::redact {
namespace {

constexpr std::array<std::string_view, 9> kMethods = {"GET ", "POST ", "PUT ", "HEAD ", "DELETE ",
                                                      "OPTIONS ", "PATCH ", "CONNECT ", "TRACE "};

// A request or status line starts at `pos`.
bool is_start_line(std::string_view in, std::size_t pos) {
  std::string_view rest = in.substr(pos, 16);
  if (rest.starts_with("HTTP/")) return true;
  for (std::string_view m : kMethods)
    if (rest.starts_with(m)) return true;
  return false;
}

// The start of the next message's start line at or after `from` (at a line start), or npos.
std::size_t next_message(std::string_view in, std::size_t from) {
  for (std::size_t p = from; p < in.size();) {
    if ((p == 0 || in[p - 1] == '\n') && is_start_line(in, p)) return p;
    std::size_t nl = in.find('\n', p);
    if (nl == std::string_view::npos) break;
    p = nl + 1;
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result http(std::string_view in, const Options& options, std::string_view source) {
  Result result;
  result.bytes = std::string(in);
  std::size_t pos = next_message(in, 0);
  if (pos == std::string_view::npos) throw Error(ErrorKind::input, "no HTTP request or response found", Location{std::string(source)});
  while (pos != std::string_view::npos && pos < in.size()) {
    // The head: lines up to an empty one.
    std::size_t line = in.find('\n', pos);
    if (line == std::string_view::npos) break;
    std::size_t p = line + 1;
    std::optional<std::uint64_t> length;
    bool chunked = false;
    while (p < in.size()) {
      std::size_t nl = in.find('\n', p);
      std::size_t end = nl == std::string_view::npos ? in.size() : nl;
      std::string_view header = in.substr(p, end - p);
      if (trim(header).empty()) {
        p = nl == std::string_view::npos ? in.size() : nl + 1;
        break;
      }
      result.redacted += detail::redact_header_line(result.bytes, p, header, options);
      auto colon = header.find(':');
      if (colon != std::string_view::npos) {
        std::string_view name = trim(header.substr(0, colon)), value = trim(header.substr(colon + 1));
        if (iequals(name, "Content-Length")) {
          std::uint64_t n = 0;
          auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
          if (ec == std::errc() && ptr == value.data() + value.size()) length = n;
        } else if (iequals(name, "Transfer-Encoding") && ascii_lower(value).find("chunked") != std::string::npos) {
          chunked = true;
        }
      }
      p = nl == std::string_view::npos ? in.size() : nl + 1;
    }
    const std::size_t body_start = p;
    std::string_view where = source;
    if (chunked) {
      // Chunks: size line, data, CRLF; the data joined is the body, redacted, then put back.
      std::vector<std::pair<std::size_t, std::size_t>> pieces;
      std::string joined;
      std::size_t c = body_start;
      while (c < in.size()) {
        std::size_t nl = in.find('\n', c);
        if (nl == std::string_view::npos) break;
        std::string_view size_line = trim(in.substr(c, nl - c));
        size_line = size_line.substr(0, size_line.find(';'));
        std::uint64_t n = 0;
        auto [ptr, ec] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), n, 16);
        if (ec != std::errc()) break;
        c = nl + 1;
        if (n == 0) {
          std::size_t blank = in.find('\n', c);  // trailer: the empty line that ends it
          c = blank == std::string_view::npos ? in.size() : blank + 1;
          break;
        }
        if (n > in.size() - c) n = in.size() - c;
        pieces.emplace_back(c, static_cast<std::size_t>(n));
        joined.append(in.substr(c, static_cast<std::size_t>(n)));
        c += static_cast<std::size_t>(n);
        if (c < in.size() && in[c] == '\r') ++c;
        if (c < in.size() && in[c] == '\n') ++c;
      }
      Result b = body(joined, options, where);
      result.redacted += b.redacted;
      for (auto& note : b.notes) result.notes.push_back(std::move(note));
      std::size_t k = 0;
      for (auto [at, n] : pieces) {
        result.bytes.replace(at, n, b.bytes, k, n);
        k += n;
      }
      pos = next_message(in, c);
      continue;
    }
    std::size_t body_end;
    if (length) {
      body_end = *length > in.size() - body_start ? in.size() : body_start + static_cast<std::size_t>(*length);
      if (*length > in.size() - body_start)
        result.notes.push_back("offset " + std::to_string(body_start) + ": the body is shorter than its Content-Length");
    } else {
      std::size_t next = next_message(in, body_start);
      body_end = next == std::string_view::npos ? in.size() : next;
    }
    std::string_view content = in.substr(body_start, body_end - body_start);
    if (!trim(content).empty()) {
      Result b = body(content, options, where);
      result.redacted += b.redacted;
      for (auto& note : b.notes) result.notes.push_back("offset " + std::to_string(body_start) + ": " + note);
      result.bytes.replace(body_start, content.size(), b.bytes);
    }
    pos = next_message(in, body_end);
  }
  return result;
}

}  // namespace syncmldm::redact
