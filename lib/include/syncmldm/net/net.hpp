#pragma once
// HTTP transport for OMA DM over libcurl (library target syncmldm_net).
//
// One HttpClient keeps one connection (HTTP keep-alive) for the messages of a session. It posts
// a body with the SyncML media type, verifies TLS by default, honours HTTP 429 Retry-After,
// bounds the response size, and reports what crossed the wire so that a tool can trace it.
// Proxies come from the environment as curl reads them (http_proxy, https_proxy, no_proxy).
// Failures throw syncmldm::Error{ErrorKind::transport}; the library never prints.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::net {

inline constexpr std::string_view kXmlMediaType = "application/vnd.syncml.dm+xml";
inline constexpr std::string_view kWbxmlMediaType = "application/vnd.syncml.dm+wbxml";

struct TlsOptions {
  std::string cacert;             // PEM bundle of trusted roots
  std::string capath;             // folder of hashed PEM roots
  std::string cert;               // client certificate (PEM)
  std::string key;                // its private key (PEM); the certificate file when empty
  std::string key_password;       // secret; wiped when the client is destroyed
  std::string pinned_public_key;  // file or "sha256//BASE64;sha256//..."
  bool insecure = false;          // skip verification of the server certificate and name
  // "HOST:PORT:ADDRESS[,ADDRESS...]" entries (libcurl's CURLOPT_RESOLVE; util/resolve_entry.hpp): HOST at PORT is
  // reached at these literal IP addresses, while the TLS name check still uses HOST. Kept
  // with the TLS settings because both decide which server a request reaches and trusts.
  std::vector<std::string> resolve;
};

struct HttpOptions {
  std::string user_agent;              // empty: the default below
  std::vector<std::string> headers;    // extra "Name: value" lines (-H)
  TlsOptions tls;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds max_time{60'000};   // per request, 0 = no limit
  int retries_on_429 = 3;                        // how often HTTP 429 is retried
  std::chrono::seconds max_retry_after{120};     // longer Retry-After values give up
  std::size_t max_response_bytes = 16u << 20;    // larger bodies are refused
  // Fill HttpResponse::raw_request_headers (libcurl's debug channel; costs time on every post,
  // so a caller that does not trace turns it off).
  bool record_request_head = true;
  std::string accept;  // the Accept header; empty: both SyncML media types
};

// The User-Agent sent unless HttpOptions::user_agent says otherwise.
std::string default_user_agent();

struct HttpResponse {
  long status = 0;
  std::string content_type;  // the Content-Type header value, "" when absent
  std::vector<std::pair<std::string, std::string>> headers;  // as received, final response only
  std::string body;
  std::string raw_request_headers;   // request head exactly as sent (contains secrets: mask before showing)
  std::string raw_response_headers;  // response head (status line and headers) as received
  std::chrono::microseconds elapsed{0};
  int retries = 0;  // 429 retries that were needed

  // Value of a header (case-insensitive name), or nullopt.
  std::optional<std::string> header(std::string_view name) const;
};

class HttpClient {
 public:
  // Throws Error{usage} for a header or User-Agent with CR or LF.
  explicit HttpClient(HttpOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // POSTs `body` to `url` with Content-Type `content_type`, Accept for both SyncML media types,
  // the User-Agent, the extra headers of the options and `extra_headers` ("Name: value").
  // Any HTTP status is returned (the caller decides what is an error), except 429, which is
  // retried as the options say. Throws Error{transport} on connection, TLS, timeout, size limit.
  HttpResponse post(const std::string& url, std::string_view content_type, std::string_view body,
                    const std::vector<std::string>& extra_headers = {});
  // GETs `url` with the same headers and rules as post (the enrolment discovery probe).
  HttpResponse get(const std::string& url, const std::vector<std::string>& extra_headers = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The media type part of a Content-Type value, lower case, without parameters:
// "Application/vnd.syncml.dm+XML; charset=utf-8" -> "application/vnd.syncml.dm+xml".
std::string media_type(std::string_view content_type);

// Seconds to wait from a Retry-After value (delta-seconds or an HTTP date); nullopt if unusable.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                       std::chrono::system_clock::time_point now =
                                                           std::chrono::system_clock::now());

// The head of the POST that HttpClient::post sends (request line, Host, User-Agent, Accept,
// Content-Type, Content-Length, then `headers`), ended by an empty line: what dm-send --offline
// prints. `user_agent` empty: default_user_agent(). Secrets are not masked here.
std::string request_head(const std::string& url, std::string_view content_type, std::size_t content_length,
                         const std::vector<std::string>& headers, std::string_view user_agent = {});

// Replaces secrets in a trace text: the values of Authorization, Proxy-Authorization and
// x-syncml-hmac headers, and the Data of <Cred> elements, become "***".
std::string mask_secrets(std::string_view text);

}  // namespace syncmldm::net
SYNCMLDM_API_END
