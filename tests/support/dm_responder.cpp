// dm-responder: a minimal, fast DM server for load tests and the load benchmark. Loopback only.
// Each session is the benchmark's: package 2 with two Gets, package 4 with a Replace, then a
// message without commands (six messages with the client's). HTTP/1.1 keep-alive, HTTPS with
// --cert/--key (client certificates required with --client-ca), a thread per connection.
// --fail-every N fails every N-th session at its second request (--fail-how 500, close: half a
// reply and the connection closed, stall);
// --record FILE writes the counts (sessions, distinct DevIds, failures) when the responder ends.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "syncmldm/message/message.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/xml/xml.hpp"

namespace {

struct Config {
  int port = 0;
  std::string cert, key, client_ca, record;
  long fail_every = 0;
  std::string fail_how = "500";
  double lifetime = 600;
};

Config g_config;
SSL_CTX* g_tls = nullptr;
std::mutex g_mutex;
std::set<std::string> g_devids;
std::map<std::string, int> g_open;  // DevId + SessionID -> packages answered
std::atomic<long> g_sessions{0}, g_completed{0}, g_failed{0}, g_messages{0}, g_connections{0};
std::atomic<int> g_stop{0};

extern "C" void on_signal(int) { g_stop = 1; }

// A connection, plain or TLS.
struct Conn {
  int fd;
  SSL* ssl = nullptr;
  long read(char* buf, int n) { return ssl ? SSL_read(ssl, buf, n) : ::recv(fd, buf, static_cast<size_t>(n), 0); }
  bool write(const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
      long w = ssl ? SSL_write(ssl, s.data() + done, static_cast<int>(s.size() - done))
                   : ::send(fd, s.data() + done, s.size() - done, MSG_NOSIGNAL);
      if (w <= 0) return false;
      done += static_cast<std::size_t>(w);
    }
    return true;
  }
};

std::string header_status(const std::string& msg_ref, const std::string& cmd_id) {
  return "<Status><CmdID>" + cmd_id + "</CmdID><MsgRef>" + msg_ref +
         "</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>";
}

// The server's message for `package` (2, 4, 6) of a session.
std::string reply(const syncmldm::message::Message& in, int package) {
  const auto& h = in.header;
  std::string msg_ref = h.msg_id.value_or("1");
  std::string dev = h.source && h.source->loc_uri ? *h.source->loc_uri : "";
  std::string out = "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>" +
                    h.session_id.value_or("1") + "</SessionID><MsgID>" + msg_ref + "</MsgID><Target><LocURI>" + dev +
                    "</LocURI></Target><Source><LocURI>dm-responder</LocURI></Source></SyncHdr><SyncBody>";
  out += header_status(msg_ref, "1");
  int id = 2;
  for (const auto& c : in.commands) {
    if (c.kind == syncmldm::message::Kind::status || c.kind == syncmldm::message::Kind::results) continue;
    out += "<Status><CmdID>" + std::to_string(id++) + "</CmdID><MsgRef>" + msg_ref + "</MsgRef><CmdRef>" +
           c.cmd_id.value_or("") + "</CmdRef><Cmd>" + std::string(syncmldm::message::kind_name(c.kind)) +
           "</Cmd><Data>200</Data></Status>";
  }
  if (package == 2)
    for (const char* uri : {"./DevInfo/Mod", "./DevInfo/Lang"})
      out += "<Get><CmdID>" + std::to_string(id++) + "</CmdID><Item><Target><LocURI>" + uri + "</LocURI></Target></Item></Get>";
  if (package == 4)
    out += "<Replace><CmdID>" + std::to_string(id++) +
           "</CmdID><Item><Target><LocURI>./DevDetail/SwV</LocURI></Target><Data>2.0</Data></Item></Replace>";
  return out + "<Final/></SyncBody></SyncML>";
}

enum class Answer { reply, fail };

// What to answer: the next package of the session, or the failure this session gets.
Answer decide(const syncmldm::message::Message& in, int& package) {
  std::string dev = in.header.source && in.header.source->loc_uri ? *in.header.source->loc_uri : "";
  std::string key = dev + '\n' + in.header.session_id.value_or("");
  bool first = false;
  for (const auto& c : in.commands)
    if (c.kind == syncmldm::message::Kind::alert && (c.data == std::optional<std::string>("1201") ||
                                                     c.data == std::optional<std::string>("1200")))
      first = true;
  std::lock_guard<std::mutex> lock(g_mutex);
  if (first) {
    g_devids.insert(dev);
    long n = ++g_sessions;
    // A session to fail is marked with a negative count.
    g_open[key] = (g_config.fail_every > 0 && n % g_config.fail_every == 0) ? -1 : 0;
  }
  auto it = g_open.find(key);
  if (it == g_open.end()) {
    g_open[key] = 0;
    it = g_open.find(key);
  }
  if (it->second < 0) {
    if (it->second == -1) {
      it->second = -2;  // the first request goes through, the second fails
      package = 2;
      return Answer::reply;
    }
    g_open.erase(it);
    ++g_failed;
    return Answer::fail;
  }
  package = 2 + 2 * it->second++;
  if (package == 6) {
    g_open.erase(it);
    ++g_completed;
  }
  return Answer::reply;
}

// Reads one HTTP request; false at the end of the connection.
bool read_request(Conn& c, std::string& buffer, std::string& body) {
  for (;;) {
    std::size_t end = buffer.find("\r\n\r\n");
    if (end != std::string::npos) {
      std::size_t length = 0;
      std::string head = buffer.substr(0, end);
      for (std::size_t at = 0; (at = head.find('\n', at)) != std::string::npos;) {
        ++at;
        if (strncasecmp(head.c_str() + at, "content-length:", 15) == 0) length = std::strtoul(head.c_str() + at + 15, nullptr, 10);
      }
      if (length > (16u << 20)) return false;
      if (buffer.size() >= end + 4 + length) {
        body = buffer.substr(end + 4, length);
        buffer.erase(0, end + 4 + length);
        return true;
      }
    }
    char chunk[16384];
    long n = c.read(chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    if (buffer.size() > (17u << 20)) return false;
  }
}

void serve(int fd) {
  ++g_connections;
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  Conn c{fd};
  if (g_tls) {
    c.ssl = SSL_new(g_tls);
    SSL_set_fd(c.ssl, fd);
    if (SSL_accept(c.ssl) <= 0) {
      SSL_free(c.ssl);
      ::close(fd);
      return;
    }
  }
  std::string buffer, body;
  while (read_request(c, buffer, body)) {
    ++g_messages;
    std::string out;
    try {
      auto doc = syncmldm::xml::Document::parse(body, "request");
      auto in = syncmldm::message::read(doc);
      int package = 0;
      if (decide(in, package) == Answer::fail) {
        if (g_config.fail_how == "close") {
          // Half a reply, then the connection closes (a request that got nothing would be retried).
          c.write("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.syncml.dm+xml\r\nContent-Length: 400\r\n\r\n<SyncML>");
          break;
        }
        if (g_config.fail_how == "stall") {
          while (!g_stop) ::sleep(1);
          break;
        }
        c.write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nfailed");
        continue;
      }
      std::string xml = reply(in, package);
      out = "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.syncml.dm+xml\r\nContent-Length: " +
            std::to_string(xml.size()) + "\r\n\r\n" + xml;
    } catch (const std::exception&) {
      out = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
    }
    if (!c.write(out)) break;
  }
  if (c.ssl) {
    SSL_shutdown(c.ssl);
    SSL_free(c.ssl);
  }
  ::close(fd);
}

void* connection_thread(void* arg) {
  serve(static_cast<int>(reinterpret_cast<std::intptr_t>(arg)));
  return nullptr;
}

void write_record() {
  if (g_config.record.empty()) return;
  std::lock_guard<std::mutex> lock(g_mutex);
  std::string j = "{\"sessions\": " + std::to_string(g_sessions.load()) + ", \"completed\": " + std::to_string(g_completed.load()) +
                  ", \"failed\": " + std::to_string(g_failed.load()) + ", \"messages\": " + std::to_string(g_messages.load()) +
                  ", \"connections\": " + std::to_string(g_connections.load()) + ", \"devids\": " + std::to_string(g_devids.size()) +
                  "}\n";
  syncmldm::write_file_atomically(g_config.record, j);
}

int usage() {
  std::fputs("usage: dm-responder [--port N] [--cert PEM --key PEM [--client-ca PEM]] [--fail-every N] "
             "[--fail-how 500|close|stall] [--record FILE] [--lifetime SECONDS]\n",
             stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return usage();
    std::string v = argv[++i];
    if (a == "--port") g_config.port = std::atoi(v.c_str());
    else if (a == "--cert") g_config.cert = v;
    else if (a == "--key") g_config.key = v;
    else if (a == "--client-ca") g_config.client_ca = v;
    else if (a == "--fail-every") g_config.fail_every = std::atol(v.c_str());
    else if (a == "--fail-how") g_config.fail_how = v;
    else if (a == "--record") g_config.record = v;
    else if (a == "--lifetime") g_config.lifetime = std::atof(v.c_str());
    else return usage();
  }
  if (!g_config.cert.empty()) {
    g_tls = SSL_CTX_new(TLS_server_method());
    if (SSL_CTX_use_certificate_chain_file(g_tls, g_config.cert.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(g_tls, g_config.key.c_str(), SSL_FILETYPE_PEM) != 1) {
      std::fputs("dm-responder: cannot load --cert/--key\n", stderr);
      return 3;
    }
    if (!g_config.client_ca.empty()) {
      SSL_CTX_load_verify_locations(g_tls, g_config.client_ca.c_str(), nullptr);
      SSL_CTX_set_verify(g_tls, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    }
  }
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  ::sigaction(SIGTERM, &sa, nullptr);
  ::sigaction(SIGINT, &sa, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(g_config.port));
  if (::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(s, 4096) != 0) {
    std::perror("dm-responder: bind");
    return 3;
  }
  socklen_t len = sizeof addr;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
  std::printf("%s://127.0.0.1:%d/dm\n", g_tls ? "https" : "http", ntohs(addr.sin_port));
  std::fflush(stdout);
  ::alarm(static_cast<unsigned>(g_config.lifetime));
  ::sigaction(SIGALRM, &sa, nullptr);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  while (!g_stop) {
    int fd = ::accept4(s, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;  // EINTR at a signal: the loop checks g_stop
    pthread_t t;
    if (pthread_create(&t, &attr, connection_thread, reinterpret_cast<void*>(static_cast<std::intptr_t>(fd))) != 0) ::close(fd);
  }
  write_record();
  return 0;
}
