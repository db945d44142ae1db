#pragma once
// The load driver's parts (load_loop.cpp, load_session.cpp, load_transfer.cpp): one event loop
// (epoll + libcurl's multi socket interface) playing many simulated devices. Each session in
// flight is a fiber running session::run_client on its device's tree; its Channel's transport
// hands the request to the multi handle and yields until the reply is in, so the session code is
// the one dm-send plays.
#include <curl/curl.h>

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "net/load_fiber.hpp"
#include "syncmldm/net/load.hpp"

namespace syncmldm::load::detail {

using Clock = std::chrono::steady_clock;

inline constexpr int kRoundTripPhases = 8;

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

// One session in flight.
struct Flight {
  std::uint64_t id = 0;
  std::uint64_t local = 0;  // device index in this shard
  std::uint64_t n = 0;      // device number in the run
  Clock::time_point scheduled, started;
  std::unique_ptr<Fiber> fiber;
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

class Driver {
 public:
  explicit Driver(const LoadOptions& o);  // load_loop.cpp
  ~Driver();
  Driver(const Driver&) = delete;
  Driver& operator=(const Driver&) = delete;

  Result go();  // the event loop until the schedule is played or the run stopped

  // The Channel's transport inside a fiber: post, yield until the reply is in (load_transfer.cpp).
  net::HttpResponse transfer(Flight& f, const std::string& url, std::string_view type, std::string_view body,
                             const std::vector<std::string>& extra);

 private:
  const LoadOptions& opt_;
  const Schedule& sched_;
  StackPool stacks_;
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

  // ---- the loop (load_loop.cpp)
  void cleanup();
  static int on_socket(CURL*, curl_socket_t s, int what, void* user, void* known);
  static int on_timer(CURLM*, long ms, void* user);
  void progress(Clock::time_point now, std::uint64_t finished_at_tick);
  void collect_done();
  void wake_sleepers();
  void resume_ready();
  void cancel_all();

  // ---- a device's session (load_session.cpp)
  void start(std::uint64_t local, Clock::time_point scheduled);
  void play(Flight& f);
  void run(Flight& f);
  void finish(Flight& f);

  // ---- its HTTP side (load_transfer.cpp)
  void open(Flight& f);
  void close(Flight& f);
  void note_times(Flight& f);
  void set_client_certificate(Flight& f);

  const DeviceSetup* setup(const Flight& f) const { return opt_.setups.empty() ? nullptr : &opt_.setups[f.local]; }
};

std::uint64_t micros(Clock::duration d);

}  // namespace syncmldm::load::detail
