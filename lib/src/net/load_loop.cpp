// The load driver's event loop: session starts as the schedule makes them due, libcurl's sockets
// on epoll, curl's timer, think times, the progress tick, and the end of the run.
#include <sys/epoll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <limits>
#include <mutex>

#include "net/load_driver.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::load::detail {

namespace {

double cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

std::uint64_t micros(Clock::duration d) {
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(d).count();
  return us < 0 ? 0 : static_cast<std::uint64_t>(us);
}

Driver::Driver(const LoadOptions& o) : opt_(o), sched_(o.schedule), stacks_(o.stack_size) {
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

Driver::~Driver() { cleanup(); }

Result Driver::go() {
  const std::uint64_t locals = devices_.size();
  const std::uint64_t total = sched_.check_ins ? locals * sched_.check_ins : std::numeric_limits<std::uint64_t>::max();
  const bool paced = sched_.local_rate() > 0;
  result_.asked_rate = sched_.local_rate();
  t0_ = Clock::now();
  double cpu0 = cpu_seconds();
  auto next_tick = t0_ + std::chrono::seconds(1);
  std::uint64_t k = 0;
  // Devices whose enrolment failed play nothing: with none left there is nothing to start.
  bool arrivals_done = locals == 0 ||
                       (!opt_.setups.empty() && std::all_of(opt_.setups.begin(), opt_.setups.end(),
                                                            [](const DeviceSetup& s) { return s.skip; }));
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
      std::chrono::microseconds offset = sched_.start_time(k);
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
      if (!opt_.setups.empty() && opt_.setups[local].skip) continue;  // not enrolled: no sessions
      Device& d = devices_[local];
      if (d.busy) {
        if (!paced) {  // unpaced, the device's next session waits for its last one to end
          --k;
          break;
        }
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
      progress(now, finished_at_tick);
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

void Driver::progress(Clock::time_point now, std::uint64_t finished_at_tick) {
  if (!opt_.on_progress) return;
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

void Driver::cleanup() {
  for (auto& d : devices_) {
    if (d.easy) curl_easy_cleanup(d.easy), d.easy = nullptr;
    if (d.share) curl_share_cleanup(d.share), d.share = nullptr;
  }
  if (multi_) curl_multi_cleanup(multi_);
  multi_ = nullptr;
  if (epoll_ >= 0) ::close(epoll_);
  epoll_ = -1;
}

int Driver::on_socket(CURL*, curl_socket_t s, int what, void* user, void* known) {
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

int Driver::on_timer(CURLM*, long ms, void* user) {
  auto* self = static_cast<Driver*>(user);
  if (ms < 0) self->curl_deadline_.reset();
  else self->curl_deadline_ = Clock::now() + std::chrono::milliseconds(ms);
  return 0;
}

void Driver::collect_done() {
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

void Driver::wake_sleepers() {
  auto now = Clock::now();
  while (!sleepers_.empty() && sleepers_.begin()->first <= now) {
    runnable_.push_back(sleepers_.begin()->second);
    sleepers_.erase(sleepers_.begin());
  }
}

void Driver::resume_ready() {
  std::vector<Flight*> now;
  now.swap(runnable_);
  for (Flight* f : now) run(*f);
}

void Driver::cancel_all() {
  sleepers_.clear();
  runnable_.clear();
  std::vector<Flight*> all;
  for (auto& [id, f] : flights_) all.push_back(f.get());
  for (Flight* f : all) {
    f->cancelled = true;
    run(*f);
  }
}

}  // namespace syncmldm::load::detail
