// HAR 1.2 out: the document's frame once, then an entry per exchange as it comes.
#include <ctime>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "syncmldm/trace/har.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::trace {

namespace {

using ordered = nlohmann::ordered_json;

bool valid_text(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return false;
      ++i;
      continue;
    }
    std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

std::string iso_time(std::chrono::system_clock::time_point t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  ::gmtime_r(&secs, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
}

ordered headers_json(const HarMessage& m) {
  ordered out = ordered::array();
  for (const auto& [name, value] : m.headers) out.push_back({{"name", name}, {"value", value}});
  return out;
}

std::string version_of(std::string_view start_line, bool request) {
  if (request) {
    std::size_t sp = start_line.rfind(' ');
    return sp == std::string_view::npos ? "HTTP/1.1" : std::string(start_line.substr(sp + 1));
  }
  return std::string(start_line.substr(0, start_line.find(' ')));
}

ordered body_json(const HarMessage& m, bool request) {
  ordered out = ordered::object();
  if (!request) out["size"] = m.body.size();
  out["mimeType"] = m.content_type;
  if (valid_text(m.body)) {
    out["text"] = m.body;
  } else {
    out["text"] = base64::encode(m.body);
    out["encoding"] = "base64";
  }
  return out;
}

std::size_t head_size(const HarMessage& m) {
  std::size_t n = m.start_line.size() + 2 + 2;
  for (const auto& [name, value] : m.headers) n += name.size() + 2 + value.size() + 2;
  return n;
}

}  // namespace

HarMessage parse_head(std::string_view head) {
  // The last head: after the last empty line that is followed by another start line.
  std::size_t start = 0;
  for (std::size_t at = head.find("\r\n\r\nHTTP/"); at != std::string_view::npos; at = head.find("\r\n\r\nHTTP/", at + 1)) {
    start = at + 4;
  }
  head.remove_prefix(start);
  HarMessage m;
  std::size_t pos = 0;
  bool first = true;
  while (pos < head.size()) {
    std::size_t eol = head.find('\n', pos);
    if (eol == std::string_view::npos) eol = head.size();
    std::string_view line = head.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    if (first) {
      m.start_line = line;
      first = false;
      continue;
    }
    if (line.empty()) break;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    m.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
    if (iequals(line.substr(0, colon), "Content-Type")) m.content_type = value;
  }
  return m;
}

HarWriter::HarWriter(Sink sink, std::string creator, std::string version) : sink_(std::move(sink)) {
  ordered c{{"name", std::move(creator)}, {"version", std::move(version)}};
  sink_(fmt::format("{{\"log\": {{\"version\": \"1.2\", \"creator\": {}, \"entries\": [", c.dump()));
}

void HarWriter::add(const HarEntry& e) {
  double ms = static_cast<double>(e.elapsed.count()) / 1000.0;
  const HarMessage& q = e.request;
  const HarMessage& r = e.response;
  std::string method = q.start_line.substr(0, q.start_line.find(' '));
  std::string status_text;
  long status = 0;
  {
    std::size_t sp = r.start_line.find(' ');
    if (sp != std::string::npos) {
      status = std::strtol(r.start_line.c_str() + sp + 1, nullptr, 10);
      std::size_t sp2 = r.start_line.find(' ', sp + 1);
      if (sp2 != std::string::npos) status_text = r.start_line.substr(sp2 + 1);
    }
  }
  ordered entry{
      {"startedDateTime", iso_time(e.started)},
      {"time", ms},
      {"request",
       {{"method", method.empty() ? "POST" : method},
        {"url", e.url},
        {"httpVersion", version_of(q.start_line, true)},
        {"cookies", ordered::array()},
        {"headers", headers_json(q)},
        {"queryString", ordered::array()},
        {"postData", body_json(q, true)},
        {"headersSize", head_size(q)},
        {"bodySize", q.body.size()}}},
      {"response",
       {{"status", status},
        {"statusText", status_text},
        {"httpVersion", version_of(r.start_line, false)},
        {"cookies", ordered::array()},
        {"headers", headers_json(r)},
        {"content", body_json(r, false)},
        {"redirectURL", ""},
        {"headersSize", r.start_line.empty() ? -1 : static_cast<long>(head_size(r))},
        {"bodySize", r.body.size()}}},
      {"cache", ordered::object()},
      {"timings", {{"send", 0}, {"wait", ms}, {"receive", 0}}},
  };
  sink_((entries_++ ? ",\n    " : "\n    ") + entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void HarWriter::finish() {
  if (finished_) return;
  finished_ = true;
  sink_(entries_ ? "\n  ]}}\n" : "]}}\n");
}

}  // namespace syncmldm::trace
