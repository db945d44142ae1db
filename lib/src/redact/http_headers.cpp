// Which header values are secret, and which part of each: Authorization and
// Proxy-Authorization after the scheme word, every cookie value (a session cookie is a
// credential), the mac of x-syncml-hmac (and its user name with Options::ids).
#include "redact/http_headers.hpp"

#include "redact/judge.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::redact::detail {
namespace {

bool space(char c) { return c == ' ' || c == '\t'; }

// Marks value[from, to) of a parameter list "a=1, b=2" for the parameter `key`.
std::size_t mark_param(std::string& value, std::string_view key, char separator) {
  std::string lowered = ascii_lower(value);
  std::size_t count = 0;
  for (std::size_t at = 0; (at = lowered.find(key, at)) != std::string::npos; at += key.size()) {
    if (at > 0 && !space(lowered[at - 1]) && lowered[at - 1] != separator) continue;
    std::size_t v = at + key.size();
    while (v < value.size() && space(value[v])) ++v;
    if (v >= value.size() || value[v] != '=') continue;
    ++v;
    std::size_t e = value.find(separator, v);
    if (e == std::string::npos) e = value.size();
    if (v < e && value[v] == '"') {
      ++v;
      if (e > v && value[e - 1] == '"') --e;
    }
    if (mark(value, v, e - v)) ++count;
  }
  return count;
}

// Every cookie value of a Cookie header ("a=1; b=2"), or the first of a Set-Cookie.
std::size_t mark_cookies(std::string& value, bool first_only) {
  std::size_t count = 0, p = 0;
  while (p < value.size()) {
    std::size_t semi = value.find(';', p);
    if (semi == std::string::npos) semi = value.size();
    std::size_t eq = value.find('=', p);
    if (eq != std::string::npos && eq < semi && mark(value, eq + 1, semi - eq - 1)) ++count;
    if (first_only) break;
    p = semi + 1;
  }
  return count;
}

}  // namespace

std::size_t redact_header_value(std::string_view name, std::string& value, const Options& options) {
  if (iequals(name, "Authorization") || iequals(name, "Proxy-Authorization")) {
    // Keep the scheme ("Basic", "Bearer") so the copy still says what was used.
    std::size_t start = 0;
    while (start < value.size() && space(value[start])) ++start;
    std::size_t sp = value.find(' ', start);
    std::size_t from = sp == std::string::npos ? start : sp + 1;
    return mark(value, from, value.size() - from) ? 1 : 0;
  }
  if (iequals(name, "Cookie")) return mark_cookies(value, false);
  if (iequals(name, "Set-Cookie")) return mark_cookies(value, true);
  if (iequals(name, "x-syncml-hmac")) {
    std::size_t n = mark_param(value, "mac", ',');
    if (options.ids) n += mark_param(value, "username", ',');
    return n;
  }
  return 0;
}

std::size_t redact_header_line(std::string& out, std::size_t pos, std::string_view line, const Options& options) {
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return 0;
  std::string_view name = line.substr(0, colon);
  while (!name.empty() && space(name.back())) name.remove_suffix(1);
  std::string value(line.substr(colon + 1));
  std::size_t n = redact_header_value(name, value, options);
  if (n != 0) out.replace(pos + colon + 1, value.size(), value);
  return n;
}

}  // namespace syncmldm::redact::detail
