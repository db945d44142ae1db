// HttpClient over one libcurl easy handle (kept between posts for connection reuse).
#include <curl/curl.h>

#include <chrono>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

#include "net/capped_body.hpp"
#include "net/curl_tls.hpp"
#include "syncmldm/auth/auth.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/net/net.hpp"
#include "syncmldm/version.hpp"
#include "syncmldm/util/resolve_entry.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::net {

namespace {

[[noreturn]] void fail(std::string message) { throw Error(ErrorKind::transport, std::move(message)); }

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) fail("libcurl could not be initialised");
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// What the callbacks fill while one request runs.
struct Exchange {
  HttpResponse response;
  std::size_t limit = 0;
  bool too_large = false;
  std::size_t declared_length_over = 0;
  std::optional<std::string> content_length;    // the first Content-Length value of this head
  std::optional<std::string> conflicting_length; // a different one after it
};

// Whether a Content-Length field value differs from the one seen before (RFC 9110 8.6: a list
// of one value repeated is that value). libcurl takes the last one; another reader of the same
// bytes may take the first: different values leave the body unknown, so the reply is refused.
bool conflicts(std::optional<std::string>& seen, std::string_view value) {
  for (std::size_t start = 0; start <= value.size();) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string_view one = trim(value.substr(start, comma - start));
    while (one.size() > 1 && one.front() == '0') one.remove_prefix(1);
    if (!seen) seen = std::string(one);
    else if (*seen != one) return true;
    start = comma + 1;
  }
  return false;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  std::size_t n = size * count;
  std::string_view line(data, n);
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response head (after 100 Continue or a proxy CONNECT): keep only the last one.
    ex->response.headers.clear();
    ex->response.raw_response_headers.clear();
    ex->content_length.reset();
  }
  if (ex->response.raw_response_headers.size() < 64 * 1024) ex->response.raw_response_headers.append(line);
  auto colon = line.find(':');
  if (colon != std::string_view::npos && ex->response.headers.size() < 200) {
    std::string name(trim(line.substr(0, colon)));
    std::string value(trim(line.substr(colon + 1)));
    if (iequals(name, "Content-Length")) {
      if (conflicts(ex->content_length, value)) {
        ex->conflicting_length = value;
        return 0;  // makes libcurl stop
      }
      // Refuse early instead of reading a body we would throw away.
      char* end = nullptr;
      unsigned long long len = std::strtoull(value.c_str(), &end, 10);
      if (end != value.c_str() && len > ex->limit) {
        ex->too_large = true;
        ex->declared_length_over = static_cast<std::size_t>(len > SIZE_MAX ? SIZE_MAX : len);
        return 0;
      }
    }
    ex->response.headers.emplace_back(std::move(name), std::move(value));
  }
  return n;
}

int on_debug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  if (type == CURLINFO_HEADER_OUT) ex->response.raw_request_headers.assign(data, size);
  return 0;
}

// The option of dm-send that fixes a TLS failure, as a hint after the message ("" when none).
// `bare_https`: HTTPS without a client certificate, where a server that wants one may also just
// drop the connection once the handshake is over (TLS 1.3), before its alert is read.
std::string tls_hint(CURLcode code, std::string_view what, bool bare_https) {
  auto says = [&](std::string_view word) { return what.find(word) != std::string_view::npos; };
  switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:
      if (says("name")) return " (the certificate is for another host name: use one it names; -k/--insecure skips the check)";
      return " (--cacert FILE trusts the CA that issued the server's certificate; -k/--insecure skips the check)";
    case CURLE_SSL_CACERT_BADFILE: return " (the file given to --cacert or --capath cannot be read as PEM certificates)";
    case CURLE_SSL_CERTPROBLEM:
      if (says("key")) return " (--key must be the private key of --cert; --key-password-file gives its passphrase)";
      return " (the client certificate given to --cert cannot be used: PEM expected)";
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CIPHER: return "";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_RECV_ERROR:  // TLS 1.3 refuses a missing client certificate after the handshake
    case CURLE_SEND_ERROR:
      if (says("wrong version number") || says("packet length too long"))
        return " (the server does not speak TLS on this port: an http:// URL?)";
      if (says("certificate required") || says("handshake failure") || says("bad certificate") || says("unknown ca"))
        return " (the server may ask for a client certificate: --cert FILE and --key FILE)";
      if (bare_https) return " (if the server asks for a client certificate: --cert FILE and --key FILE)";
      return "";
    default: return "";
  }
}

std::string describe_curl_error(CURLcode code, const char* detail, const std::string& url, bool bare_https) {
  std::string what = detail && *detail ? detail : curl_easy_strerror(code);
  what += tls_hint(code, what, bare_https);
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return "timed out talking to " + url + ": " + what;
    case CURLE_COULDNT_CONNECT: return "cannot connect to " + url + ": " + what;
    case CURLE_COULDNT_RESOLVE_HOST: return "cannot resolve the host of " + url + ": " + what;
    case CURLE_PEER_FAILED_VERIFICATION: return "TLS verification of " + url + " failed: " + what;
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH: return "the server key of " + url + " does not match --pinnedpubkey: " + what;
    case CURLE_GOT_NOTHING: return "the server closed the connection without a reply: " + url;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR: return "connection to " + url + " broken: " + what;
    default: return "request to " + url + " failed: " + what;
  }
}

}  // namespace

std::string default_user_agent() { return std::string("syncml-dm-tools dm-send/") + std::string(kVersion); }

std::optional<std::string> HttpResponse::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (iequals(n, name)) return v;
  return std::nullopt;
}

struct HttpClient::Impl {
  HttpOptions options;
  CURL* curl = nullptr;
  bool next_is_get = false;  // get(): the next request is a GET without a body
};

HttpClient::HttpClient(HttpOptions options) : impl_(std::make_unique<Impl>()) {
  global_init();
  // A CR or LF would end a header and start others (or the body) of the caller's input.
  for (const auto& h : options.headers)
    if (h.find_first_of("\r\n") != std::string::npos)
      throw Error(ErrorKind::usage, "an HTTP header must not contain CR or LF");
  if (options.user_agent.find_first_of("\r\n") != std::string::npos)
    throw Error(ErrorKind::usage, "the User-Agent must not contain CR or LF");
  for (const auto& entry : options.tls.resolve) check_resolve_entry(entry);
  impl_->options = std::move(options);
  impl_->curl = curl_easy_init();
  if (!impl_->curl) fail("libcurl could not create a handle");
}

HttpClient::~HttpClient() {
  if (impl_) {
    if (impl_->curl) curl_easy_cleanup(impl_->curl);
    auth::wipe(impl_->options.tls.key_password);
  }
}

HttpResponse HttpClient::post(const std::string& url, std::string_view content_type, std::string_view body,
                              const std::vector<std::string>& extra_headers) {
  const HttpOptions& opt = impl_->options;
  CURL* c = impl_->curl;
  int retries = 0;
  for (;;) {
    Exchange ex;
    ex.limit = opt.max_response_bytes;
    curl_easy_reset(c);  // keeps the connection cache, clears the options of the last post

    curl_slist* headers = nullptr;
    auto add = [&](const std::string& h) {
      curl_slist* next = curl_slist_append(headers, h.c_str());
      if (!next) {
        curl_slist_free_all(headers);
        fail("out of memory building headers");
      }
      headers = next;
    };
    const bool get = impl_->next_is_get;
    if (!get) add("Content-Type: " + std::string(content_type));
    add(opt.accept.empty() ? std::string("Accept: ") + std::string(kXmlMediaType) + ", " + std::string(kWbxmlMediaType)
                           : "Accept: " + opt.accept);
    add("Expect:");  // no 100-continue round trip
    for (const auto& h : opt.headers) add(h);
    for (const auto& h : extra_headers) add(h);

    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    if (get) {
      curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(c, CURLOPT_POST, 1L);
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    std::string agent = opt.user_agent.empty() ? default_user_agent() : opt.user_agent;
    curl_easy_setopt(c, CURLOPT_USERAGENT, agent.c_str());
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // redirects are not part of DM
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(opt.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(opt.max_time.count()));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, detail::append_capped_body<Exchange>);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &ex);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &ex);
    if (opt.record_request_head) {
      curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, on_debug);
      curl_easy_setopt(c, CURLOPT_DEBUGDATA, &ex);
      curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);  // needed for the debug callback; it prints nothing itself
    }
    if (curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "") != CURLE_OK) {
      // Compression support is optional.
    }
    const TlsOptions& tls = opt.tls;
    set_tls_options(c, tls);
    char error_text[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_text);

    auto start = std::chrono::steady_clock::now();
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    ex.response.elapsed =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    if (ex.too_large) {
      if (ex.declared_length_over)
        fail("the response from " + url + " announces " + std::to_string(ex.declared_length_over) +
             " bytes, more than the limit of " + std::to_string(opt.max_response_bytes) + " bytes");
      fail("the response from " + url + " is larger than the limit of " + std::to_string(opt.max_response_bytes) +
           " bytes");
    }
    if (ex.conflicting_length)
      fail("the response from " + url + " has conflicting Content-Length values (" + *ex.content_length + " and " +
           *ex.conflicting_length + ")");
    if (rc != CURLE_OK) fail(describe_curl_error(rc, error_text, url, url.starts_with("https:") && opt.tls.cert.empty()));

    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &ex.response.status);
    if (auto ct = ex.response.header("Content-Type")) ex.response.content_type = *ct;
    ex.response.retries = retries;
    if (ex.response.status == 429 && retries < opt.retries_on_429) {
      auto wait = std::chrono::seconds(1);
      if (auto ra = ex.response.header("Retry-After")) {
        auto parsed = parse_retry_after(*ra);
        if (parsed) wait = *parsed;
      }
      if (wait > opt.max_retry_after)
        fail("the server at " + url + " asks to retry after " + std::to_string(wait.count()) +
             " s, longer than the limit of " + std::to_string(opt.max_retry_after.count()) + " s");
      std::this_thread::sleep_for(wait);
      ++retries;
      continue;
    }
    return std::move(ex.response);
  }
}

HttpResponse HttpClient::get(const std::string& url, const std::vector<std::string>& extra_headers) {
  impl_->next_is_get = true;
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{impl_->next_is_get};
  return post(url, {}, {}, extra_headers);
}

std::string media_type(std::string_view content_type) {
  auto semi = content_type.find(';');
  std::string_view base = trim(content_type.substr(0, semi));
  return ascii_lower(base);
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  bool digits = true;
  for (char ch : value) digits = digits && ch >= '0' && ch <= '9';
  if (digits) {
    if (value.size() > 9) return std::chrono::seconds(999'999'999);
    return std::chrono::seconds(std::stol(std::string(value)));
  }
  std::string text(value);
  time_t when = curl_getdate(text.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  auto delta = std::chrono::system_clock::from_time_t(when) - now;
  if (delta < std::chrono::seconds(0)) return std::chrono::seconds(0);
  return std::chrono::duration_cast<std::chrono::seconds>(delta);
}

}  // namespace syncmldm::net
