// Which RespURI a client follows. The server names the URL of its next reply, and the client then
// sends its credentials there: a RespURI must not lead them to plain HTTP or to a host the user
// did not name. URLs are read by libcurl's own parser, the one that then connects, so that the
// host checked here is the host connected to.
#include <curl/curl.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/error.hpp"
#include "syncmldm/net/session.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::session {

namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using Url = std::unique_ptr<CURLU, UrlDeleter>;

std::string part(CURLU* u, CURLUPart which) {
  char* text = nullptr;
  if (curl_url_get(u, which, &text, 0) != CURLUE_OK || !text) return {};
  std::string out(text);
  curl_free(text);
  return out;
}

// "[::1]" and "::1" are one host.
std::string host_key(std::string host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  return ascii_lower(host);
}

// The URL as shown in messages: without user name and password.
std::string shown(CURLU* u) {
  Url copy(curl_url_dup(u));
  if (!copy) return "?";
  curl_url_set(copy.get(), CURLUPART_USER, nullptr, 0);
  curl_url_set(copy.get(), CURLUPART_PASSWORD, nullptr, 0);
  return part(copy.get(), CURLUPART_URL);
}

}  // namespace

std::string follow_resp_uri(const std::string& current, const std::string& written,
                            const std::vector<std::string>& allowed_hosts) {
  // Layout around the text is not part of it.
  constexpr std::string_view kSpace = " \t\r\n";
  std::size_t first = written.find_first_not_of(kSpace);
  std::string resp_uri = first == std::string::npos ? std::string() : written.substr(first, written.find_last_not_of(kSpace) - first + 1);
  Url url(curl_url());
  if (!url) throw Error(ErrorKind::transport, "libcurl could not parse a URL");
  // The URL in use is read as libcurl reads it when it connects (a missing scheme guessed).
  if (curl_url_set(url.get(), CURLUPART_URL, current.c_str(), CURLU_GUESS_SCHEME) != CURLUE_OK)
    throw Error(ErrorKind::transport, "the server URL " + current + " cannot be parsed");
  std::string from = shown(url.get());
  std::string from_scheme = ascii_lower(part(url.get(), CURLUPART_SCHEME));
  std::string from_host = host_key(part(url.get(), CURLUPART_HOST));
  // A relative RespURI is resolved against the URL in use.
  if (curl_url_set(url.get(), CURLUPART_URL, resp_uri.c_str(), 0) != CURLUE_OK) {
    throw Error(ErrorKind::transport,
                "the server's RespURI \"" + resp_uri.substr(0, 200) + "\" is not a URL (from " + from + ")");
  }
  std::string to = shown(url.get());
  std::string to_scheme = ascii_lower(part(url.get(), CURLUPART_SCHEME));
  std::string to_host = host_key(part(url.get(), CURLUPART_HOST));
  // Same scheme, or up to HTTPS; never down to plain HTTP or to another protocol.
  if (to_scheme != from_scheme && to_scheme != "https") {
    throw Error(ErrorKind::transport, "refusing the server's RespURI " + to + ": it would take the session from " +
                                          from + " to " + (to_scheme == "http" ? "plain HTTP" : to_scheme) +
                                          ", which is never followed");
  }
  if (to_host != from_host) {
    bool allowed = false;
    for (const auto& h : allowed_hosts) allowed = allowed || host_key(h) == to_host;
    if (!allowed || to_scheme != "https") {
      throw Error(ErrorKind::transport,
                  "refusing the server's RespURI " + to + ": it would take the session from " + from +
                      " to another host (followed only over HTTPS to a host named with --allow-respuri-host)");
    }
  }
  return part(url.get(), CURLUPART_URL);
}

}  // namespace syncmldm::session
