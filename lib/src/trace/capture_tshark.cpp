// tshark's JSON (-T json -x) of a capture's HTTP: one element per packet with its http layer(s);
// of each, whether it is a request or a response, the Content-Type, the body as hex
// (http.file_data_raw: the reassembled, de-chunked body), the URI and the response time.
#include <fmt/format.h>

#include "syncmldm/util/error.hpp"
#include "trace/json_cursor.hpp"
#include "trace/json_split.hpp"
#include "trace/readers.hpp"

namespace syncmldm::trace {

std::vector<std::string> tshark_arguments(const std::string& pcap_path, const std::string& keylog, int port) {
  std::vector<std::string> args{"-r", pcap_path, "-Y", "http.request or http.response", "-T", "json", "-x",
                                "-j", "frame http", "--no-duplicate-keys", "-n"};
  if (!keylog.empty()) {
    args.insert(args.end(), {"-o", "tls.keylog_file:" + keylog});
  }
  if (port > 0) {
    std::string p = std::to_string(port);
    if (keylog.empty()) {
      args.insert(args.end(), {"-d", "tcp.port==" + p + ",http"});
    } else {
      args.insert(args.end(), {"-d", "tcp.port==" + p + ",tls", "-o", "http.tls.port:443," + p});
    }
  }
  return args;
}

}  // namespace syncmldm::trace

namespace syncmldm::trace::detail {

namespace {

constexpr std::size_t kMaxWalkDepth = 16;

struct HttpLayer {
  bool request = false, response = false;
  std::string content_type, hex, uri;
  std::optional<double> time_s;
};

// The first string of a value that is a string or an array whose first element is one.
std::string first_string(json_scan::Cursor& c) {
  if (c.peek() == '"') return c.string();
  if (c.peek() != '[') {
    c.skip();
    return {};
  }
  std::string out;
  bool first = true;
  c.begin_array();
  while (c.element()) {
    if (first && c.peek() == '"') out = c.string();
    else c.skip();
    first = false;
  }
  return out;
}

void walk_http(json_scan::Cursor& c, HttpLayer& h, std::size_t depth) {
  if (c.peek() != '{' || depth > kMaxWalkDepth) {
    c.skip();
    return;
  }
  std::string key;
  c.begin_object();
  while (c.member(key)) {
    if (key == "http.request") {
      h.request = true;
      c.skip();
    } else if (key == "http.response.code" || key == "http.response") {
      h.response = true;
      c.skip();
    } else if (key == "http.content_type") {
      h.content_type = first_string(c);
    } else if (key == "http.file_data_raw") {
      // ["hex", offset, length, bitmask, type]: the first element is the bytes.
      h.hex = first_string(c);
    } else if (key == "http.request.full_uri" || key == "http.response_for.uri") {
      h.uri = first_string(c);
    } else if (key == "http.time") {
      std::string t = first_string(c);
      char* end = nullptr;
      double v = std::strtod(t.c_str(), &end);
      if (!t.empty() && end == t.c_str() + t.size()) h.time_s = v;
    } else if (c.peek() == '{') {
      walk_http(c, h, depth + 1);
    } else {
      c.skip();
    }
  }
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2) return std::nullopt;
  std::string out(hex.size() / 2, '\0');
  auto v = [](char ch) -> int {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < out.size(); ++i) {
    int hi = v(hex[2 * i]), lo = v(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<char>(hi * 16 + lo);
  }
  return out;
}

}  // namespace

void read_tshark(Source& source, std::string_view head, const ReadOptions& options, const RecordSink& sink,
                 const NoteSink& notes) {
  json_scan::SplitOptions so{{}, "tshark output", "packet", options.max_message_bytes};
  const std::string& file = source.name();
  std::size_t http_seen = 0;
  json_scan::split(source, head, so, [&](std::string_view text, std::uint64_t at, std::size_t index) {
    json_scan::Cursor c(text, file, at);
    std::vector<HttpLayer> layers;
    std::string frame_number;
    std::string key;
    c.begin_object();
    while (c.member(key)) {
      if (key != "_source" || c.peek() != '{') {
        c.skip();
        continue;
      }
      c.begin_object();
      while (c.member(key)) {
        if (key != "layers" || c.peek() != '{') {
          c.skip();
          continue;
        }
        c.begin_object();
        while (c.member(key)) {
          if (key == "frame" && c.peek() == '{') {
            c.begin_object();
            while (c.member(key)) {
              if (key == "frame.number") frame_number = first_string(c);
              else c.skip();
            }
          } else if (key == "http" && c.peek() == '{') {
            walk_http(c, layers.emplace_back(), 0);
          } else if (key == "http" && c.peek() == '[') {
            c.begin_array();
            while (c.element()) walk_http(c, layers.emplace_back(), 0);
          } else {
            c.skip();
          }
        }
      }
    }
    std::string where = frame_number.empty() ? fmt::format("element {}", index) : "frame " + frame_number;
    for (auto& h : layers) {
      if (!h.request && !h.response) continue;
      ++http_seen;
      std::string place = fmt::format("{}: {} {}", file, where, h.request ? "request" : "response");
      if (h.hex.empty()) continue;  // no body (a GET, a 204)
      auto bytes = from_hex(h.hex);
      if (!bytes) {
        notes({place, "tshark gave a body that is not hex; skipped"});
        continue;
      }
      Record r;
      r.body = std::move(*bytes);
      r.content_type = std::move(h.content_type);
      r.side = h.request ? Side::client : Side::server;
      r.place = std::move(place);
      r.url = std::move(h.uri);
      if (h.time_s) r.ms = *h.time_s * 1000.0;
      sink(std::move(r));
    }
  });
  if (http_seen == 0) {
    throw Error(ErrorKind::input, "the capture holds no HTTP request or response (for HTTPS: --tls-keylog; "
                                  "another port than 80: --port)", Location{file});
  }
}

}  // namespace syncmldm::trace::detail
