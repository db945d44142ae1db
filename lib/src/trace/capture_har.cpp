// HAR 1.2: log.entries, one at a time; of each entry the request's postData, the response's
// content, their media types and the entry's time.
#include "syncmldm/util/base64.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"
#include "trace/json_cursor.hpp"
#include "trace/json_split.hpp"
#include "trace/readers.hpp"

namespace syncmldm::trace::detail {

namespace {

struct HarBody {
  bool present = false;
  std::string mime_type, text, encoding;
};

struct HarMessage {
  std::string url, content_type;
  long status = 0;
  HarBody body;
};

// headers: [{"name": ..., "value": ...}]: the Content-Type, if any.
std::string content_type_header(json_scan::Cursor& c) {
  std::string found, key;
  if (c.peek() != '[') {
    c.skip();
    return found;
  }
  c.begin_array();
  while (c.element()) {
    if (c.peek() != '{') {
      c.skip();
      continue;
    }
    std::string name, value;
    c.begin_object();
    while (c.member(key)) {
      if (key == "name" && c.peek() == '"') name = c.string();
      else if (key == "value" && c.peek() == '"') value = c.string();
      else c.skip();
    }
    if (iequals(name, "Content-Type")) found = value;
  }
  return found;
}

HarBody body(json_scan::Cursor& c) {
  HarBody b;
  std::string key;
  if (c.peek() != '{') {
    c.skip();
    return b;
  }
  c.begin_object();
  while (c.member(key)) {
    if (key == "text" && c.peek() == '"') {
      b.text = c.string();
      b.present = true;
    } else if (key == "mimeType" && c.peek() == '"') {
      b.mime_type = c.string();
    } else if ((key == "encoding" || key == "_encoding") && c.peek() == '"') {
      b.encoding = c.string();
    } else {
      c.skip();
    }
  }
  return b;
}

HarMessage message(json_scan::Cursor& c, bool request) {
  HarMessage m;
  std::string key;
  if (c.peek() != '{') c.fail(request ? "HAR: request is not an object" : "HAR: response is not an object");
  c.begin_object();
  while (c.member(key)) {
    if (key == "url" && c.peek() == '"') m.url = c.string();
    else if (key == "status" && c.peek() != '"') m.status = static_cast<long>(c.number());
    else if (key == "headers") m.content_type = content_type_header(c);
    else if (key == (request ? "postData" : "content")) m.body = body(c);
    else c.skip();
  }
  return m;
}

}  // namespace

std::optional<std::string> body_bytes(std::string text, std::string_view encoding, const std::string& place,
                                      const NoteSink& notes) {
  if (!iequals(encoding, "base64")) return text;
  auto bytes = base64::decode(text);
  if (!bytes) {
    notes({place, "the body's Base64 does not decode; skipped"});
    return std::nullopt;
  }
  return bytes;
}

void read_har(Source& source, std::string_view head, const ReadOptions& options, const RecordSink& sink,
              const NoteSink& notes) {
  json_scan::SplitOptions so{{"log", "entries"}, "HAR", "entry", options.max_message_bytes};
  const std::string& file = source.name();
  json_scan::split(source, head, so, [&](std::string_view text, std::uint64_t at, std::size_t index) {
    json_scan::Cursor c(text, file, at);
    HarMessage request, response;
    std::optional<double> time;
    std::string key;
    c.begin_object();
    while (c.member(key)) {
      if (key == "request") request = message(c, true);
      else if (key == "response") response = message(c, false);
      else if (key == "time" && c.peek() != '"') time = c.number(-1);
      else c.skip();
    }
    if (time && *time < 0) time.reset();
    auto emit = [&](HarMessage& m, Side side, std::string_view what) {
      if (!m.body.present || m.body.text.empty()) return;
      std::string place = file;  // "FILE: entry N request", made for every body
      place += ": entry ";
      place += std::to_string(index);
      place += ' ';
      place += what;
      auto bytes = body_bytes(std::move(m.body.text), m.body.encoding, place, notes);
      if (!bytes) return;
      Record r;
      r.body = std::move(*bytes);
      r.content_type = !m.body.mime_type.empty() ? m.body.mime_type : m.content_type;
      r.side = side;
      r.place = std::move(place);
      r.url = request.url;
      if (side == Side::server) r.ms = time;
      sink(std::move(r));
    };
    emit(request, Side::client, "request");
    emit(response, Side::server, "response");
  });
}

}  // namespace syncmldm::trace::detail
