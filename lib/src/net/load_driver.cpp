// The load driver: one event loop (epoll + libcurl's multi socket interface) playing many
// simulated devices. Each session in flight is a fiber running session::run_client on its
// device's tree; its Channel's transport hands the request to the multi handle and yields until
// the reply is in, so the session code is the one dm-send plays.
#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "net/curl_tls.hpp"
#include "net/load_fiber.hpp"
#include "syncmldm/net/load.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::load {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::microseconds;

constexpr int kRoundTripPhases = 8;

double cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::uint64_t micros(Clock::duration d) {
  auto us = std::chrono::duration_cast<microseconds>(d).count();
  return us < 0 ? 0 : static_cast<std::uint64_t>(us);
}

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

// One device of this shard between its sessions: its own tree only once the server changed it.
struct Device {
  std::shared_ptr<tree::Tree> tree;
  std::optional<std::string> nonce;  // carries on from session to session, as a device's does
  std::uint32_t sessions = 0;
  bool busy = false;
  std::vector<Clock::time_point> deferred;  // starts that came due while it was in a session (rare: no deque, which allocates when made)
  CURLSH* share = nullptr;  // with keep_connections: its connection (and TLS session) between sessions
  CURL* easy = nullptr;     // and its handle, set up once
};

// The reply of one transfer as the callbacks fill it.
struct Transfer {
  net::HttpResponse response;
  std::size_t limit = 0;
  bool too_large = false;
  CURLcode code = CURLE_OK;
  char error_text[CURL_ERROR_SIZE] = {0};
};

class Driver;

// One session in flight.
struct Flight {
  Driver* driver = nullptr;
  std::uint64_t id = 0;
  std::uint64_t local = 0;  // device index in this shard
  std::uint64_t n = 0;      // device number in the run
  Clock::time_point scheduled, started;
  std::unique_ptr<detail::Fiber> fiber;
  CURL* easy = nullptr;
  CURLSH* share = nullptr;  // its connection cache: the session keeps its own connection
  Transfer tx;
  bool in_transfer = false;
  Clock::time_point sent, done;  // the round trip as the device sees it
  bool cancelled = false;
  int requests = 0;
  std::string error;        // kind, when the session failed
  std::string outcome;
  std::string message;      // of the error
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* tx = static_cast<Transfer*>(user);
  std::size_t n = size * count;
  if (tx->response.body.size() + n > tx->limit) {
    tx->too_large = true;
    return 0;
  }
  tx->response.body.append(data, n);
  return n;
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

class Driver {
 public:
  explicit Driver(const LoadOptions& o) : opt_(o), sched_(o.schedule), stacks_(o.stack_size) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    devices_.resize(sched_.local_devices());
    multi_ = curl_multi_init();
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    if (!multi_ || epoll_ < 0) {
      cleanup();
      throw Error(ErrorKind::transport, "cannot set up the event loop (libcurl multi handle, epoll)");
    }
    curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &Driver::on_socket);
    curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &Driver::on_timer);
    curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
    headers_ = {"Accept: " + std::string(net::kXmlMediaType) + ", " + std::string(net::kWbxmlMediaType), "Expect:"};
    for (const auto& h : opt_.http.headers) headers_.push_back(h);
    agent_ = opt_.http.user_agent.empty() ? net::default_user_agent() : opt_.http.user_agent;
    // std::map keeps its nodes in place: the per-request histograms are looked up once.
    round_trip_ = &result_.phases["round_trip"];
    for (int k = 1; k <= kRoundTripPhases; ++k) round_trip_k_[k] = &result_.phases["round_trip_" + std::to_string(k)];
  }
  ~Driver() { cleanup(); }

  Result go() {
    const std::uint64_t locals = devices_.size();
    const std::uint64_t total = sched_.check_ins ? locals * sched_.check_ins : std::numeric_limits<std::uint64_t>::max();
    const bool paced = sched_.local_rate() > 0;
    result_.asked_rate = sched_.local_rate();
    t0_ = Clock::now();
    double cpu0 = cpu_seconds();
    auto next_tick = t0_ + std::chrono::seconds(1);
    std::uint64_t k = 0;
    bool arrivals_done = locals == 0;
    std::uint64_t finished_at_tick = 0;
    for (;;) {
      Clock::time_point now = Clock::now();
      if (opt_.should_stop && opt_.should_stop()) {
        result_.stopped = "interrupted";
        break;
      }
      if (sched_.max_errors && result_.failed() >= sched_.max_errors) {
        result_.stopped = "max-errors";
        break;
      }
      // Start what is due while there is room.
      std::optional<Clock::time_point> next_arrival;
      while (static_cast<int>(flights_.size()) < sched_.concurrency) {
        if (!ready_.empty()) {
          auto [local, when] = ready_.front();
          ready_.pop_front();
          start(local, when);
          continue;
        }
        if (arrivals_done) break;
        if (k >= total) {
          arrivals_done = true;
          break;
        }
        microseconds offset = sched_.start_time(k);
        // Paced: the schedule says when the time is up; unpaced: the clock does.
        if (sched_.duration.count() > 0 && (paced ? offset >= sched_.duration : now - t0_ >= sched_.duration)) {
          arrivals_done = true;
          break;
        }
        Clock::time_point when = paced ? t0_ + offset : now;
        if (when > now) {
          next_arrival = when;
          break;
        }
        std::uint64_t local = k % locals;
        ++k;
        Device& d = devices_[local];
        if (d.busy) {
          d.deferred.push_back(when);
          continue;
        }
        start(local, when);
      }
      if (arrivals_done && flights_.empty() && ready_.empty()) break;

      // Wait for the network, curl's timer, the next start, a waking device or the next tick.
      Clock::time_point wake = next_tick;
      if (next_arrival && static_cast<int>(flights_.size()) < sched_.concurrency) wake = std::min(wake, *next_arrival);
      if (!sleepers_.empty()) wake = std::min(wake, sleepers_.begin()->first);
      if (curl_deadline_) wake = std::min(wake, *curl_deadline_);
      // Rounded up: a start due in 0.4 ms waits for it instead of spinning (it counts as start delay).
      long wait_ms = static_cast<long>(std::chrono::ceil<std::chrono::milliseconds>(wake - Clock::now()).count());
      if (wait_ms < 0) wait_ms = 0;
      if (!ready_.empty() && static_cast<int>(flights_.size()) < sched_.concurrency) wait_ms = 0;
      epoll_event events[256];
      int got = ::epoll_wait(epoll_, events, 256, static_cast<int>(std::min<long>(wait_ms, 1000)));
      int running = 0;
      for (int i = 0; i < got; ++i) {
        int flags = 0;
        if (events[i].events & (EPOLLIN | EPOLLHUP)) flags |= CURL_CSELECT_IN;
        if (events[i].events & EPOLLOUT) flags |= CURL_CSELECT_OUT;
        if (events[i].events & EPOLLERR) flags |= CURL_CSELECT_ERR;
        curl_multi_socket_action(multi_, events[i].data.fd, flags, &running);
      }
      if (curl_deadline_ && Clock::now() >= *curl_deadline_) {
        curl_deadline_.reset();
        curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
      }
      collect_done();
      wake_sleepers();
      resume_ready();

      now = Clock::now();
      if (now >= next_tick) {
        if (opt_.on_progress) {
          Progress p;
          p.elapsed_s = std::chrono::duration<double>(now - t0_).count();
          p.started = result_.sessions;
          p.finished = finished_;
          p.in_flight = flights_.size();
          p.errors = result_.failed();
          p.rate = static_cast<double>(finished_ - finished_at_tick);
          auto it = result_.phases.find("session");
          if (it != result_.phases.end()) {
            p.p50 = it->second.percentile(50);
            p.p99 = it->second.percentile(99);
          }
          opt_.on_progress(p);
        }
        finished_at_tick = finished_;
        next_tick = now + std::chrono::seconds(1);
      }
    }
    cancel_all();
    std::erase_if(result_.phases, [](const auto& p) { return p.second.count() == 0; });
    result_.elapsed_s = std::chrono::duration<double>(Clock::now() - t0_).count();
    result_.cpu_s = cpu_seconds() - cpu0;
    // Starts per second over the span of the starts: the figure to set beside the asked rate (the
    // elapsed time also holds the last sessions' own length).
    double span = std::chrono::duration<double>(last_start_ - t0_).count();
    result_.achieved_rate = result_.sessions > 1 && span > 0 ? static_cast<double>(result_.sessions - 1) / span
                            : result_.elapsed_s > 0       ? static_cast<double>(result_.sessions) / result_.elapsed_s
                                                          : 0;
    return std::move(result_);
  }

  // The Channel's transport inside a fiber: post, yield until the reply is in.
  net::HttpResponse transfer(Flight& f, const std::string& url, std::string_view type, std::string_view body,
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

 private:
  const LoadOptions& opt_;
  const Schedule& sched_;
  detail::StackPool stacks_;
  std::vector<Device> devices_;
  std::map<std::uint64_t, std::unique_ptr<Flight>> flights_;
  std::deque<std::pair<std::uint64_t, Clock::time_point>> ready_;  // deferred starts now due
  std::multimap<Clock::time_point, Flight*> sleepers_;             // think time
  std::vector<Flight*> runnable_;
  CURLM* multi_ = nullptr;
  int epoll_ = -1;
  std::optional<Clock::time_point> curl_deadline_;
  std::vector<std::string> headers_;
  std::string agent_;
  Clock::time_point t0_;
  Clock::time_point last_start_;
  Histogram* round_trip_ = nullptr;
  Histogram* round_trip_k_[kRoundTripPhases + 1] = {};
  std::uint64_t next_id_ = 0;
  std::uint64_t finished_ = 0;
  Result result_;

  void cleanup() {
    for (auto& d : devices_) {
      if (d.easy) curl_easy_cleanup(d.easy), d.easy = nullptr;
      if (d.share) curl_share_cleanup(d.share), d.share = nullptr;
    }
    if (multi_) curl_multi_cleanup(multi_);
    multi_ = nullptr;
    if (epoll_ >= 0) ::close(epoll_);
    epoll_ = -1;
  }

  static int on_socket(CURL*, curl_socket_t s, int what, void* user, void* known) {
    auto* self = static_cast<Driver*>(user);
    if (what == CURL_POLL_REMOVE) {
      ::epoll_ctl(self->epoll_, EPOLL_CTL_DEL, s, nullptr);
      return 0;
    }
    epoll_event ev{};
    ev.data.fd = s;
    if (what & CURL_POLL_IN) ev.events |= EPOLLIN;
    if (what & CURL_POLL_OUT) ev.events |= EPOLLOUT;
    // curl keeps a pointer per socket for us: set once the socket is in the epoll set. A socket
    // closed without a REMOVE has left the set by itself, so either call may still fail once.
    int op = known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (::epoll_ctl(self->epoll_, op, s, &ev) != 0)
      ::epoll_ctl(self->epoll_, op == EPOLL_CTL_ADD ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, s, &ev);
    if (!known) curl_multi_assign(self->multi_, s, self);
    return 0;
  }

  static int on_timer(CURLM*, long ms, void* user) {
    auto* self = static_cast<Driver*>(user);
    if (ms < 0) self->curl_deadline_.reset();
    else self->curl_deadline_ = Clock::now() + std::chrono::milliseconds(ms);
    return 0;
  }

  // The easy handle of a session, with everything that stays the same from request to request.
  void open(Flight& f) {
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
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &f.tx);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &f.tx);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    set_tls_options(c, tls);
  }

  void close(Flight& f) {
    // The connection goes with the session's own cache: a device's next session connects anew.
    if (f.easy && !opt_.keep_connections) curl_easy_cleanup(f.easy);
    if (f.share && !opt_.keep_connections) curl_share_cleanup(f.share);
    f.easy = nullptr;
    f.share = nullptr;
  }

  void note_times(Flight& f) {
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
    f.tx.response.elapsed = microseconds(total);
  }

  void start(std::uint64_t local, Clock::time_point scheduled) {
    Device& d = devices_[local];
    auto f = std::make_unique<Flight>();
    f->driver = this;
    f->id = ++next_id_;
    f->local = local;
    f->n = sched_.shard_index + local * sched_.shard_count;
    f->scheduled = scheduled;
    f->started = Clock::now();
    last_start_ = f->started;
    Flight* raw = f.get();
    f->fiber = std::make_unique<detail::Fiber>(stacks_, [this, raw] { play(*raw); });
    d.busy = true;
    if (d.sessions == 0) ++result_.devices;
    ++result_.sessions;
    result_.phases["start_delay"].record(micros(raw->started - scheduled));
    flights_.emplace(raw->id, std::move(f));
    result_.max_in_flight = std::max<std::uint64_t>(result_.max_in_flight, flights_.size());
    run(*raw);
  }

  // The session itself, on the fiber's stack. Nothing may escape it.
  void play(Flight& f) {
    Device& d = devices_[f.local];
    try {
      DeviceIdentity id = opt_.identities.make(f.n);
      if (d.sessions == 0 && opt_.on_device) opt_.on_device(f.n, id);
      tree::Tree t = (d.tree ? *d.tree : *opt_.state).clone();
      const tree::Node* dev_id = t.find("./DevInfo/DevId");
      if (!dev_id || dev_id->value != id.dev_id) tree::set_leaf(t, "./DevInfo/DevId", id.dev_id, opt_.client.now);
      session::Credentials cred = opt_.credentials;
      cred.user = id.user;
      cred.password = id.password;
      if (d.nonce) cred.nonce = d.nonce;
      session::Channel channel(
          [this, &f](const std::string& url, std::string_view type, std::string_view body,
                     const std::vector<std::string>& extra) { return transfer(f, url, type, body, extra); },
          std::move(cred), opt_.wbxml, opt_.codec);
      session::ClientOptions co = opt_.client;
      co.session_id = std::to_string(d.sessions % 9999 + 1);
      co.server_id = id.provider_id;
      ++d.sessions;
      try {
        session::SessionSummary s = session::run_client(channel, t, co);
        f.outcome = std::string(session::session_end_name(s.end));
        for (const auto& [code, n] : s.statuses_sent) result_.statuses_sent[code] += static_cast<std::uint64_t>(n);
        for (const auto& [code, n] : s.statuses_received) result_.syncml_statuses[code] += static_cast<std::uint64_t>(n);
        if (s.end == session::SessionEnd::refused) ++result_.syncml_statuses["header-" + std::to_string(s.refused_code)];
        if (changes_tree(s)) {
          if (!d.tree) ++result_.trees_copied;
          d.tree = std::make_shared<tree::Tree>(std::move(t));
        }
      } catch (const Error& e) {
        f.outcome = "error";
        f.message = e.what();
        if (f.error.empty())
          f.error = e.kind() == ErrorKind::auth ? "auth" : e.kind() == ErrorKind::input ? "bad-reply" : "other";
      }
      d.nonce = channel.credentials().nonce;
    } catch (const std::exception& e) {
      f.outcome = "error";
      f.message = e.what();
      if (f.error.empty()) f.error = "other";
    }
    close(f);
  }

  // Whether the server may have changed the tree (anything but reading it).
  static bool changes_tree(const session::SessionSummary& s) {
    for (const auto& [name, n] : s.commands_received)
      if (n > 0 && name != "Get" && name != "Alert") return true;
    return false;
  }

  void run(Flight& f) {
    f.fiber->resume();
    if (f.fiber->done()) finish(f);
  }

  void finish(Flight& f) {
    Device& d = devices_[f.local];
    ++finished_;
    if (f.cancelled) {
      ++result_.interrupted;
    } else {
      ++result_.outcomes[f.outcome];
      if (f.outcome == "error") {
        ++result_.errors[f.error];
        result_.error_examples.emplace(f.error, f.message);
      }
      result_.phases["session"].record(micros(Clock::now() - f.scheduled));
    }
    d.busy = false;
    if (!d.deferred.empty() && !f.cancelled) {
      ready_.emplace_back(f.local, d.deferred.front());
      d.deferred.erase(d.deferred.begin());
    }
    flights_.erase(f.id);
  }

  void collect_done() {
    int left = 0;
    while (CURLMsg* m = curl_multi_info_read(multi_, &left)) {
      if (m->msg != CURLMSG_DONE) continue;
      Flight* f = nullptr;
      curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &f);
      CURLcode code = m->data.result;
      curl_multi_remove_handle(multi_, m->easy_handle);  // m is invalid from here
      if (!f) continue;
      f->tx.code = code;
      f->in_transfer = false;
      f->done = Clock::now();
      runnable_.push_back(f);
    }
  }

  void wake_sleepers() {
    auto now = Clock::now();
    while (!sleepers_.empty() && sleepers_.begin()->first <= now) {
      runnable_.push_back(sleepers_.begin()->second);
      sleepers_.erase(sleepers_.begin());
    }
  }

  void resume_ready() {
    std::vector<Flight*> now;
    now.swap(runnable_);
    for (Flight* f : now) run(*f);
  }

  void cancel_all() {
    sleepers_.clear();
    runnable_.clear();
    std::vector<Flight*> all;
    for (auto& [id, f] : flights_) all.push_back(f.get());
    for (Flight* f : all) {
      f->cancelled = true;
      run(*f);
    }
  }
};

}  // namespace

Result run(const LoadOptions& options) {
  const Schedule& s = options.schedule;
  if (!options.state) throw Error(ErrorKind::usage, "no state template for the devices");
  if (s.shard_count == 0 || s.shard_index >= s.shard_count)
    throw Error(ErrorKind::usage, "shard " + std::to_string(s.shard_index) + "/" + std::to_string(s.shard_count) +
                                      ": the index must be below the count");
  if (s.concurrency < 1) throw Error(ErrorKind::usage, "the concurrency must be at least 1");
  if (s.check_ins == 0 && s.duration.count() <= 0)
    throw Error(ErrorKind::usage, "sessions without a limit per device need a duration");
  if (!options.identities.accounts.empty() && options.identities.accounts.size() < s.devices)
    throw Error(ErrorKind::usage, std::to_string(options.identities.accounts.size()) + " accounts for " +
                                      std::to_string(s.devices) + " devices: every device needs its own line");
  Driver driver(options);
  return driver.go();
}

}  // namespace syncmldm::load
