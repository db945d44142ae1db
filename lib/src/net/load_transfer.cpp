// The HTTP side of a load session: a session's easy handle (its own connection, or its device's
// with keep_connections), posting a request through the multi handle while the fiber waits, and
// the connect, TLS and round-trip times of each request.
#include <algorithm>

#include "net/capped_body.hpp"
#include "net/curl_tls.hpp"
#include "net/load_driver.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::load::detail {

namespace {

// The kind of error a failed transfer counts as.
std::string error_kind(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST: return "connect";
    case CURLE_OPERATION_TIMEDOUT: return "timeout";
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE: return "closed";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_INVALIDCERTSTATUS: return "tls";
    default: return "other";
  }
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* tx = static_cast<Transfer*>(user);
  std::size_t n = size * count;
  std::string_view line(data, n);
  if (line.rfind("HTTP/", 0) == 0) tx->response.content_type.clear();
  constexpr std::string_view kType = "content-type:";
  if (line.size() > kType.size() && iequals(line.substr(0, kType.size()), kType)) {
    line.remove_prefix(kType.size());
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' ')) line.remove_suffix(1);
    tx->response.content_type = std::string(line);
  }
  return n;
}

}  // namespace

net::HttpResponse Driver::transfer(Flight& f, const std::string& url, std::string_view type, std::string_view body,
                                   const std::vector<std::string>& extra) {
  if (f.cancelled) throw Error(ErrorKind::transport, "the run was stopped");
  if (f.requests > 0 && sched_.think_time.count() > 0) {
    sleepers_.emplace(Clock::now() + sched_.think_time, &f);
    f.fiber->yield();
    if (f.cancelled) throw Error(ErrorKind::transport, "the run was stopped");
  }
  if (!f.easy) open(f);
  CURL* c = f.easy;
  curl_slist* list = nullptr;
  std::string content_type = "Content-Type: " + std::string(type);
  list = curl_slist_append(list, content_type.c_str());
  for (const auto& h : headers_) list = curl_slist_append(list, h.c_str());
  if (const DeviceSetup* s = setup(f))
    for (const auto& h : s->headers) list = curl_slist_append(list, h.c_str());
  for (const auto& h : extra) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  f.tx = Transfer{};
  f.tx.limit = opt_.http.max_response_bytes;
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, f.tx.error_text);
  f.in_transfer = true;
  f.sent = Clock::now();
  curl_multi_add_handle(multi_, c);
  ++result_.messages_sent;
  result_.bytes_sent += body.size();
  f.fiber->yield();
  if (f.in_transfer) {  // cancelled while the transfer ran
    curl_multi_remove_handle(multi_, c);
    f.in_transfer = false;
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
  curl_slist_free_all(list);
  if (f.cancelled) throw Error(ErrorKind::transport, "the run was stopped");
  ++f.requests;
  note_times(f);
  Transfer& tx = f.tx;
  if (tx.too_large) {
    f.error = "too-large";
    throw Error(ErrorKind::transport, "the response from " + url + " is larger than the limit");
  }
  if (tx.code != CURLE_OK) {
    f.error = error_kind(tx.code);
    throw Error(ErrorKind::transport, "request to " + url + " failed: " +
                                          (tx.error_text[0] ? std::string(tx.error_text) : curl_easy_strerror(tx.code)));
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &tx.response.status);
  ++result_.http_statuses[std::to_string(tx.response.status)];
  ++result_.messages_received;
  result_.bytes_received += tx.response.body.size();
  if (tx.response.status < 200 || tx.response.status > 299) f.error = "http-" + std::to_string(tx.response.status);
  return std::move(tx.response);
}

// The easy handle of a session, with everything that stays the same from request to request.
void Driver::open(Flight& f) {
  Device& d = devices_[f.local];
  if (opt_.keep_connections && d.easy) {
    f.easy = d.easy;
    f.share = d.share;
    curl_easy_setopt(f.easy, CURLOPT_PRIVATE, &f);
    curl_easy_setopt(f.easy, CURLOPT_WRITEDATA, &f.tx);
    curl_easy_setopt(f.easy, CURLOPT_HEADERDATA, &f.tx);
    return;
  }
  f.easy = curl_easy_init();
  f.share = opt_.keep_connections && d.share ? d.share : curl_share_init();
  if (!f.easy || !f.share) throw Error(ErrorKind::transport, "libcurl could not create a handle");
  if (f.share != d.share) {
    curl_share_setopt(f.share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
    curl_share_setopt(f.share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    if (opt_.keep_connections) d.share = f.share;
  }
  if (opt_.keep_connections) d.easy = f.easy;
  CURL* c = f.easy;
  const net::TlsOptions& tls = opt_.http.tls;
  curl_easy_setopt(c, CURLOPT_SHARE, f.share);
  curl_easy_setopt(c, CURLOPT_PRIVATE, &f);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, agent_.c_str());
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(opt_.http.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(opt_.http.max_time.count()));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, net::detail::append_capped_body<Transfer>);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &f.tx);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &f.tx);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
  set_tls_options(c, tls);
  set_client_certificate(f);
}

// A device's own certificate: from its enrolment (in memory, handed to libcurl without a copy:
// the setups outlive the run) or from the file its number names.
void Driver::set_client_certificate(Flight& f) {
  const DeviceSetup* s = setup(f);
  if (s && !s->cert_pem.empty()) {
    curl_blob cert{const_cast<char*>(s->cert_pem.data()), s->cert_pem.size(), CURL_BLOB_NOCOPY};
    curl_blob key{const_cast<char*>(s->key_pem.data()), s->key_pem.size(), CURL_BLOB_NOCOPY};
    curl_easy_setopt(f.easy, CURLOPT_SSLCERT_BLOB, &cert);
    curl_easy_setopt(f.easy, CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(f.easy, CURLOPT_SSLKEY_BLOB, &key);
    curl_easy_setopt(f.easy, CURLOPT_SSLKEYTYPE, "PEM");
    return;
  }
  if (opt_.cert_file.empty()) return;
  std::string cert = opt_.cert_file.expand(f.n);
  std::string key = opt_.key_file.empty() ? cert : opt_.key_file.expand(f.n);
  curl_easy_setopt(f.easy, CURLOPT_SSLCERT, cert.c_str());  // libcurl keeps copies of strings
  curl_easy_setopt(f.easy, CURLOPT_SSLCERTTYPE, "PEM");
  curl_easy_setopt(f.easy, CURLOPT_SSLKEY, key.c_str());
  curl_easy_setopt(f.easy, CURLOPT_SSLKEYTYPE, "PEM");
}

void Driver::close(Flight& f) {
  // The connection goes with the session's own cache: a device's next session connects anew.
  if (f.easy && !opt_.keep_connections) curl_easy_cleanup(f.easy);
  if (f.share && !opt_.keep_connections) curl_share_cleanup(f.share);
  f.easy = nullptr;
  f.share = nullptr;
}

void Driver::note_times(Flight& f) {
  curl_off_t connect = 0, app = 0;
  long connects = 0;
  curl_easy_getinfo(f.easy, CURLINFO_NUM_CONNECTS, &connects);
  curl_easy_getinfo(f.easy, CURLINFO_CONNECT_TIME_T, &connect);
  curl_easy_getinfo(f.easy, CURLINFO_APPCONNECT_TIME_T, &app);
  if (connects > 0) {
    ++result_.connections;
    result_.phases["connect"].record(static_cast<std::uint64_t>(connect));
    if (app > 0) result_.phases["tls"].record(static_cast<std::uint64_t>(app - connect));
  }
  std::uint64_t total = micros(f.done - f.sent);
  if (f.tx.code == CURLE_OK) {
    round_trip_->record(total);
    round_trip_k_[std::clamp(f.requests, 1, kRoundTripPhases)]->record(total);
  }
  f.tx.response.elapsed = std::chrono::microseconds(total);
}

}  // namespace syncmldm::load::detail
