// Fuzz target: HTTP response handling. A server thread on 127.0.0.1 answers every connection
// with the fuzz input as the raw response (status line, headers, body: chunked, truncated,
// oversized, anything), and dm-send's channel posts one message to it: libcurl's parsing, our
// header and size handling, decoding by Content-Type, the reply summary and trace masking.
// Loopback only; every socket wait is bounded so that a silent peer cannot hang the run.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "syncmldm/codec/codec.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/net/net.hpp"
#include "syncmldm/net/session.hpp"

namespace {

// Serves `response` to every connection until the process ends.
class CannedServer {
 public:
  CannedServer() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
        ::listen(listener_, 16) != 0 || ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
      __builtin_trap();  // no loopback: nothing to fuzz
    url_ = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/dm";
    std::thread([this] { serve(); }).detach();
  }

  const std::string& url() const { return url_; }

  void set_response(std::string_view bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    response_.assign(bytes);
  }

 private:
  void serve() {
    for (;;) {
      int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) continue;
      read_request(client);
      std::string response;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        response = response_;
      }
      std::size_t sent = 0;
      while (sent < response.size()) {
        ssize_t n = ::send(client, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
      }
      ::shutdown(client, SHUT_RDWR);
      ::close(client);
    }
  }

  // Reads the request head and as much body as Content-Length says, waiting at most 2 s.
  static void read_request(int client) {
    std::string request;
    char buffer[4096];
    std::size_t need = std::string::npos;
    while (request.size() < need) {
      pollfd p{client, POLLIN, 0};
      if (::poll(&p, 1, 2000) <= 0) return;
      ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      request.append(buffer, static_cast<std::size_t>(n));
      std::size_t head_end = request.find("\r\n\r\n");
      if (need == std::string::npos && head_end != std::string::npos) {
        std::size_t length = 0;
        std::size_t at = request.find("Content-Length: ");
        if (at != std::string::npos && at < head_end) length = std::stoul(request.substr(at + 16, 12));
        need = head_end + 4 + length;
      }
    }
  }

  int listener_ = -1;
  std::string url_;
  std::mutex mutex_;
  std::string response_;
};

// The Content-Length values of the last response head in `raw` (a 1xx head is followed by
// another), or {} when there is no complete head.
std::vector<std::string> content_lengths(std::string_view raw) {
  std::vector<std::string> values;
  std::size_t end = raw.find("\r\n\r\n");
  if (end == std::string_view::npos) return values;
  std::string_view head = raw.substr(0, end + 2);
  for (std::size_t at = 0; at < head.size();) {
    std::size_t eol = head.find("\r\n", at);
    std::string_view line = head.substr(at, eol - at);
    at = eol + 2;
    std::size_t colon = line.find(':');
    if (colon != 14) continue;
    std::string name(line.substr(0, 14));
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (name != "content-length") continue;
    std::string_view value = line.substr(15);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    bool digits = !value.empty() && value.size() < 16;
    for (char c : value) digits = digits && c >= '0' && c <= '9';
    if (!digits) return {};  // a list or a bad value: libcurl's or our own refusal, not judged here
    while (value.size() > 1 && value.front() == '0') value.remove_prefix(1);
    values.emplace_back(value);
  }
  return values;
}

constexpr std::string_view kRequest =
    "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>"
    "<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://127.0.0.1/dm</LocURI></Target>"
    "<Source><LocURI>IMEI:493005100592800</LocURI></Source></SyncHdr><SyncBody><Final/></SyncBody></SyncML>";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace session = syncmldm::session;
  namespace net = syncmldm::net;
  static CannedServer server;
  server.set_response(std::string_view(reinterpret_cast<const char*>(data), size));

  net::HttpOptions http;
  http.connect_timeout = std::chrono::milliseconds(2000);
  http.max_time = std::chrono::milliseconds(5000);
  http.retries_on_429 = 1;
  http.max_retry_after = std::chrono::seconds(0);  // a fuzzed Retry-After must not make the run sleep
  http.max_response_bytes = 1u << 20;
  session::Codec codec;
  codec.decode = [](std::string_view wbxml) { return syncmldm::codec::wbxml_to_xml(wbxml, "reply", {}); };
  session::Credentials credentials;
  credentials.scheme = syncmldm::auth::Scheme::hmac;
  credentials.user = "device";
  credentials.password = "secret";
  credentials.nonce = "MTIzNDU2Nzg5MA==";
  session::Channel channel(http, credentials, false, codec);
  channel.observer = [&](const session::Exchange& ex) {
    // What --trace shows of our request: the signature we sent must not survive the masking.
    // (The reply head is the server's: a server that echoes the mac back is not ours to hide.)
    std::string trace = net::mask_secrets(ex.response.raw_request_headers);
    (void)net::mask_secrets(ex.response.raw_response_headers);
    std::string_view sent = ex.response.raw_request_headers;
    std::size_t at = sent.find("x-syncml-hmac: ");
    if (at == std::string_view::npos) return;
    std::string_view value = sent.substr(at + 15, sent.find('\r', at) - at - 15);
    if (!value.empty() && trace.find(value) != std::string::npos) __builtin_trap();
  };
  try {
    session::Exchange ex = channel.send(server.url(), std::string(kRequest));
    // Two different Content-Length values leave the body unknown: such a reply must be refused.
    std::vector<std::string> lengths = content_lengths(ex.response.raw_response_headers);
    for (const auto& l : lengths)
      if (l != lengths.front()) __builtin_trap();
    if (ex.response.body.size() > http.max_response_bytes) __builtin_trap();  // the size bound did not hold
    if (ex.reply_is_syncml) (void)session::summarize(ex.reply_xml, "reply");
    if (auto after = ex.response.header("Retry-After")) (void)net::parse_retry_after(*after);
  } catch (const syncmldm::Error&) {
  }
  return 0;
}
