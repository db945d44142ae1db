// bootstrap-mac: the SEC and MAC parameters of a bootstrap message's Content-Type against the
// HMAC-SHA1 of its WBXML body under the key the user gives.
#include "validate/validate_bootstrap.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "syncmldm/auth/bootstrap.hpp"

namespace syncmldm::validate::detail {

namespace {

// Line and column of the Content-Type header in an HTTP message given as it is; 0 when the
// message came inside hex or Base64, or the header is not found.
std::size_t content_type_line(std::string_view raw) {
  std::size_t line = 1, start = 0;
  while (start < raw.size()) {
    std::size_t end = raw.find('\n', start);
    std::string_view l = raw.substr(start, end == std::string_view::npos ? raw.npos : end - start);
    if (l.empty() || l == "\r") return 0;  // end of the headers
    constexpr std::string_view kName = "content-type:";
    if (l.size() >= kName.size() &&
        std::equal(kName.begin(), kName.end(), l.begin(),
                   [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
      return line;
    if (end == std::string_view::npos) return 0;
    start = end + 1;
    ++line;
  }
  return 0;
}

}  // namespace

void check_bootstrap_mac(const input::Payload* payload, std::string_view raw, const Options& options,
                         FileReport& report) {
  if (!options.bootstrap_key) return;
  if (std::find(options.disabled.begin(), options.disabled.end(), "bootstrap-mac") != options.disabled.end()) return;
  Diagnostic d;
  d.file = report.path;
  d.rule = "bootstrap-mac";
  d.offset = 0;
  auto add = [&](std::string message) {
    d.message = std::move(message);
    report.diagnostics.insert(report.diagnostics.begin(), d);
  };
  if (!payload || payload->container != input::Format::http)
    return add("--bootstrap-key-file needs an HTTP capture: the SEC and MAC parameters travel in its Content-Type");
  if (std::size_t line = raw.starts_with(payload->start_line) ? content_type_line(raw) : 0; line > 0) {
    d.line = line;
    d.column = 1;
  }
  auto params = auth::parse_bootstrap_params(payload->content_type);
  if (params.mac.empty()) return add(fmt::format("the Content-Type carries no MAC parameter: '{}'", payload->content_type));
  if (params.sec.empty()) return add("the Content-Type carries a MAC but no SEC parameter");
  if (!auth::parse_bootstrap_sec(params.sec))
    return add(fmt::format("SEC={} is not NETWORKID, USERPIN or USERPIN_NETWORKID", params.sec));
  if (payload->payload != input::Format::wbxml) return add("a bootstrap message is WBXML; this body is XML");
  if (!auth::bootstrap_mac_matches(*options.bootstrap_key, payload->bytes, params.mac))
    return add(fmt::format("MAC={} does not match the body ({} bytes) under the key given (SEC={})", params.mac,
                           payload->bytes.size(), params.sec));
}

}  // namespace syncmldm::validate::detail
