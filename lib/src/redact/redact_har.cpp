// HAR: parsed with nlohmann::json, every entry's headers, cookies, query strings and bodies
// redacted, written again. Bodies in Base64 (content.encoding "base64") are decoded, redacted
// as bytes (WBXML included) and encoded again: the same length before and after.
#include <nlohmann/json.hpp>

#include "redact/http_headers.hpp"
#include "redact/judge.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::redact {
namespace {

using json = nlohmann::json;

// Query parameters whose value is a credential (access tokens in enrolment URLs...).
bool secret_param(std::string_view name) {
  std::string n = ascii_lower(name);
  for (std::string_view key : {"token", "password", "secret", "passwd", "sig", "code"})
    if (n.find(key) != std::string::npos) return true;
  return false;
}

struct HarRedactor {
  const Options& options;
  std::string_view source;
  Result result;

  void mark_string(json& j) {
    if (!j.is_string()) return;
    std::string s = j.get<std::string>();
    if (detail::mark(s, 0, s.size())) {
      ++result.redacted;
      j = std::move(s);
    }
  }

  void headers(json& list) {
    if (!list.is_array()) return;
    for (auto& h : list) {
      if (!h.is_object() || !h.contains("name") || !h.contains("value") || !h["name"].is_string() || !h["value"].is_string())
        continue;
      std::string value = h["value"].get<std::string>();
      std::size_t n = detail::redact_header_value(h["name"].get<std::string>(), value, options);
      if (n != 0) {
        result.redacted += n;
        h["value"] = std::move(value);
      }
    }
  }

  void cookies(json& list) {
    if (!list.is_array()) return;
    for (auto& c : list)
      if (c.is_object() && c.contains("value")) mark_string(c["value"]);
  }

  // The URL's query string and the queryString list: secret parameters.
  void query(json& request) {
    if (request.contains("queryString") && request["queryString"].is_array()) {
      for (auto& q : request["queryString"])
        if (q.is_object() && q.contains("name") && q["name"].is_string() && secret_param(q["name"].get<std::string>()) &&
            q.contains("value"))
          mark_string(q["value"]);
    }
    if (!request.contains("url") || !request["url"].is_string()) return;
    std::string url = request["url"].get<std::string>();
    std::size_t q = url.find('?');
    if (q == std::string::npos) return;
    bool changed = false;
    for (std::size_t p = q + 1; p < url.size();) {
      std::size_t amp = url.find('&', p);
      if (amp == std::string::npos) amp = url.size();
      std::size_t eq = url.find('=', p);
      if (eq != std::string::npos && eq < amp && secret_param(std::string_view(url).substr(p, eq - p)))
        changed |= detail::mark(url, eq + 1, amp - eq - 1);
      p = amp + 1;
    }
    if (changed) request["url"] = std::move(url);
  }

  // A body in `holder[text_key]`, Base64 when holder["encoding"] says so.
  void body(json& holder, std::string_view where) {
    if (!holder.is_object() || !holder.contains("text") || !holder["text"].is_string()) return;
    std::string text = holder["text"].get<std::string>();
    bool b64 = holder.contains("encoding") && holder["encoding"].is_string() &&
               iequals(holder["encoding"].get<std::string>(), "base64");
    std::string bytes = text;
    if (b64) {
      auto decoded = base64::decode(text);
      if (!decoded) throw Error(ErrorKind::input, std::string(where) + ": the Base64 body does not decode", Location{std::string(source)});
      bytes = std::move(*decoded);
    }
    Result r = redact::body(bytes, options, source);
    for (auto& n : r.notes) result.notes.push_back(std::string(where) + ": " + n);
    if (r.redacted == 0) return;
    result.redacted += r.redacted;
    holder["text"] = b64 ? base64::encode(r.bytes) : std::move(r.bytes);
  }

  void run(json& doc) {
    if (!doc.is_object() || !doc.contains("log") || !doc["log"].is_object() || !doc["log"].contains("entries") ||
        !doc["log"]["entries"].is_array())
      throw Error(ErrorKind::input, "JSON that is not a HAR document (no log.entries)", Location{std::string(source)});
    std::size_t index = 0;
    for (auto& entry : doc["log"]["entries"]) {
      std::string where = "entry " + std::to_string(index++);
      if (!entry.is_object()) continue;
      if (entry.contains("request") && entry["request"].is_object()) {
        json& rq = entry["request"];
        if (rq.contains("headers")) headers(rq["headers"]);
        if (rq.contains("cookies")) cookies(rq["cookies"]);
        query(rq);
        if (rq.contains("postData")) {
          body(rq["postData"], where + " request");
          if (rq["postData"].is_object() && rq["postData"].contains("params") && rq["postData"]["params"].is_array())
            for (auto& prm : rq["postData"]["params"])
              if (prm.is_object() && prm.contains("name") && prm["name"].is_string() &&
                  secret_param(prm["name"].get<std::string>()) && prm.contains("value"))
                mark_string(prm["value"]);
        }
      }
      if (entry.contains("response") && entry["response"].is_object()) {
        json& rs = entry["response"];
        if (rs.contains("headers")) headers(rs["headers"]);
        if (rs.contains("cookies")) cookies(rs["cookies"]);
        if (rs.contains("content")) body(rs["content"], where + " response");
      }
    }
  }
};

// Nesting deeper than any HAR has is refused before parsing: writing JSON again recurses.
constexpr std::size_t kMaxDepth = 256;

void check_depth(std::string_view text, std::string_view source) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxDepth) {
        Location where{std::string(source)};
        where.offset = i;
        throw Error(ErrorKind::input, "JSON nested more than " + std::to_string(kMaxDepth) + " levels deep", where);
      }
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
}

}  // namespace

Result har(std::string_view text, const Options& options, std::string_view source) {
  check_depth(text, source);
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    Location where{std::string(source)};
    where.offset = e.byte > 0 ? e.byte - 1 : 0;
    throw Error(ErrorKind::input, std::string("not JSON: ") + e.what(), where);
  }
  HarRedactor r{options, source, {}};
  r.run(doc);
  // Written as it came: indented when the input had line breaks near its start.
  bool indented = text.substr(0, 256).find('\n') != std::string_view::npos;
  r.result.bytes = doc.dump(indented ? 2 : -1, ' ', false, json::error_handler_t::replace);
  if (!text.empty() && text.back() == '\n') r.result.bytes.push_back('\n');
  return std::move(r.result);
}

}  // namespace syncmldm::redact
