// dm-send --trace: for each exchange "> URL", the request head, the body as XML, an empty line,
// "< STATUS (N ms)", the response head and body, an empty line (lib/src/net/trace.cpp writes it).
#include <fmt/format.h>

#include "syncmldm/util/error.hpp"
#include "trace/readers.hpp"

namespace syncmldm::trace::detail {

namespace {

bool is_url_line(std::string_view text, std::size_t pos) {
  std::string_view rest = text.substr(pos);
  return rest.starts_with("> http://") || rest.starts_with("> https://");
}

// "< 200 (12 ms)" at pos: the status and time.
bool reply_line(std::string_view text, std::size_t pos, long& status, double& ms) {
  std::string_view rest = text.substr(pos, 64);
  if (!rest.starts_with("< ")) return false;
  std::size_t i = 2;
  long s = 0;
  while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') s = s * 10 + (rest[i++] - '0');
  if (i == 2 || rest.substr(i, 2) != " (") return false;
  i += 2;
  long m = 0;
  std::size_t digits = i;
  while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') m = m * 10 + (rest[i++] - '0');
  if (i == digits || rest.substr(i, 4) != " ms)") return false;
  status = s;
  ms = static_cast<double>(m);
  return true;
}

// Skips head lines up to and including the empty line; returns the Content-Type seen.
void skip_head(std::string_view text, std::size_t& pos) {
  while (pos < text.size()) {
    if (line_at(text, pos).empty()) return;
  }
}

bool is_binary_placeholder(std::string_view body) {
  return body.starts_with("[") && body.ends_with(" bytes of binary data]");
}

}  // namespace

void read_dmsend(std::string_view text, const std::string& name, const RecordSink& sink, const NoteSink& notes) {
  std::size_t pos = text.find_first_not_of(" \t\r\n");
  if (pos == std::string_view::npos || !is_url_line(text, pos)) {
    throw Error(ErrorKind::input, "not a dm-send trace (no '> URL' line)", Location{name, 0});
  }
  auto emit = [&](std::string_view body, Side side, std::size_t at, const std::string& url, std::optional<double> ms) {
    std::string place = fmt::format("{}: offset {}", name, at);
    if (body.empty()) return;
    if (is_binary_placeholder(body)) {
      notes({place, "binary body the trace does not show; skipped"});
      return;
    }
    Record r;
    r.body = std::string(body);
    r.side = side;
    r.place = std::move(place);
    r.url = url;
    r.ms = ms;
    sink(std::move(r));
  };
  while (pos < text.size()) {
    std::size_t at = pos;
    if (!is_url_line(text, pos)) {
      throw Error(ErrorKind::input, "dm-send trace: '> URL' line expected", Location{name, at});
    }
    std::string url(line_at(text, pos).substr(2));
    skip_head(text, pos);
    // The request body runs to the reply line "< STATUS (N ms)" after an empty line.
    std::size_t body_at = pos, reply_at = std::string_view::npos;
    long status = 0;
    double ms = 0;
    for (std::size_t s = text.find("\n\n< ", pos > 0 ? pos - 1 : 0); s != std::string_view::npos;
         s = text.find("\n\n< ", s + 1)) {
      if (reply_line(text, s + 2, status, ms)) {
        reply_at = s;
        break;
      }
    }
    if (reply_at == std::string_view::npos) {
      throw Error(ErrorKind::input, "dm-send trace: the exchange has no reply line ('< STATUS (N ms)')", Location{name, at});
    }
    std::size_t reply_start = reply_at + 2;
    std::string_view request_body = text.substr(body_at, reply_at >= body_at ? reply_at - body_at : 0);
    pos = reply_start;
    line_at(text, pos);
    std::size_t response_head = pos;
    skip_head(text, pos);
    while (text.substr(pos).starts_with("HTTP/")) skip_head(text, pos);  // 100 Continue, retries
    (void)response_head;
    std::size_t response_at = pos;
    std::size_t end = text.size();
    for (std::size_t s = text.find("\n\n> ", pos > 0 ? pos - 1 : 0); s != std::string_view::npos; s = text.find("\n\n> ", s + 1)) {
      if (is_url_line(text, s + 2)) {
        end = s;
        break;
      }
    }
    std::string_view response_body = text.substr(response_at, end - response_at);
    while (!response_body.empty() && response_body.back() == '\n') response_body.remove_suffix(1);
    emit(request_body, Side::client, body_at, url, std::nullopt);
    emit(response_body, Side::server, response_at, url, ms);
    pos = end < text.size() ? end + 2 : end;
  }
}

}  // namespace syncmldm::trace::detail
