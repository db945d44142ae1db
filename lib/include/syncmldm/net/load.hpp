#pragma once
// Load generation against a DM server (dm-load): latency histograms that merge exactly, device
// identities made from templates, and a driver that plays many simulated devices' sessions over
// libcurl's multi interface in one event loop.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syncmldm/net/net.hpp"
#include "syncmldm/net/session.hpp"

namespace syncmldm::tree {
class Tree;
}

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::load {

// ------------------------------------------------------------------------------------------
// A latency histogram with a fixed relative error (HDR style, log-linear buckets): values below
// 2^kSubBucketBits have a bucket each; above, every power of two is cut into 2^(kSubBucketBits-1)
// equal buckets, so a bucket is at most 1/64 of its lowest value wide. Counts are exact, so two
// histograms add up to the one a single run over both sets of samples would have made; min, max
// and the sum are kept exactly beside the buckets.
class Histogram {
 public:
  static constexpr int kSubBucketBits = 7;

  void record(std::uint64_t value, std::uint64_t times = 1);
  void merge(const Histogram& other);

  std::uint64_t count() const { return count_; }
  std::uint64_t min() const { return count_ ? min_ : 0; }
  std::uint64_t max() const { return max_; }
  std::uint64_t sum() const { return sum_; }
  double mean() const { return count_ ? static_cast<double>(sum_) / static_cast<double>(count_) : 0.0; }

  // The value at or below which `percent` (0..100) of the samples lie: the highest value of the
  // bucket holding that rank, never above max() nor below min(). 0 when empty.
  std::uint64_t percentile(double percent) const;

  // The non-empty buckets as (lowest value of the bucket, count), ascending.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> buckets() const;
  // A histogram from buckets() and the exact min, max and sum. Throws Error{input} when a value
  // is not the lowest of a bucket, the counts do not fit min/max, or the list is not ascending.
  static Histogram from_buckets(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& buckets, std::uint64_t min,
                                std::uint64_t max, std::uint64_t sum);

  // The bucket of a value, and its lowest and highest value.
  static std::size_t bucket_of(std::uint64_t value);
  static std::uint64_t lowest_of(std::size_t bucket);
  static std::uint64_t highest_of(std::size_t bucket);

  bool operator==(const Histogram&) const = default;

 private:
  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  std::uint64_t min_ = 0;
  std::uint64_t max_ = 0;
  std::uint64_t sum_ = 0;
};

// ------------------------------------------------------------------------------------------
// Identities from templates: "{n}" is the device number, "{n:07}" the same zero-padded to 7
// digits, "{n:7}" space-padded; "{{" and "}}" are literal braces. Throws Error{usage} naming
// `what` and the offset of a malformed field.
class Template {
 public:
  Template() = default;
  static Template parse(std::string_view text, std::string_view what);
  std::string expand(std::uint64_t n) const;
  bool empty() const { return parts_.empty(); }
  bool varies() const;  // holds a {n} field

 private:
  struct Part {
    std::string literal;  // when not a field
    bool field = false;
    int width = 0;
    bool zero = false;
  };
  std::vector<Part> parts_;
};

// One account line per device: "USER PASSWORD" (one or more spaces or tabs between; the
// password is the rest of the line). Blank lines and lines starting with '#' are skipped.
// Throws Error{input} with the line number of a line without a password.
struct Account {
  std::string user;
  std::string password;
};
std::vector<Account> read_accounts(std::string_view text, const std::string& source_name);

// What a device is made of: device number n (0-based, unique across shards).
struct DeviceIdentity {
  std::string dev_id;
  std::string user;
  std::string password;
  std::string provider_id;  // the server id of its DM account ("" = ACLs not enforced)
};
struct IdentityTemplates {
  Template dev_id;       // default "IMEI:{n:015}"
  Template user;         // empty: no user
  Template password;     // used when there are no accounts
  Template provider_id;
  std::vector<Account> accounts;  // when not empty: device n takes accounts[n] (user and password)
  DeviceIdentity make(std::uint64_t n) const;
};

// ------------------------------------------------------------------------------------------
// The run: which devices, when their sessions start, how many at once.
struct Schedule {
  std::uint64_t devices = 1;          // in the whole run (every shard)
  std::uint64_t shard_index = 0;      // this process plays devices n with n % shard_count == shard_index
  std::uint64_t shard_count = 1;
  double rate = 0;                    // session starts per second in the whole run; 0: as fast as --concurrency allows
  std::chrono::microseconds ramp_up{0};     // the rate grows linearly from 0 over this time
  std::chrono::microseconds duration{0};    // no session starts after this (0: no limit)
  std::uint64_t check_ins = 1;        // sessions per device (0: no limit; needs a duration)
  std::chrono::microseconds think_time{0};  // a device's pause between a reply and its next message
  int concurrency = 10;               // sessions in flight at most (this process)
  std::uint64_t max_errors = 0;       // stop after this many failed sessions (0: never)

  std::uint64_t local_devices() const;  // devices of this shard
  double local_rate() const;            // this shard's part of the rate
  // When session start k (0-based) of this shard is due, from the start of the run.
  std::chrono::microseconds start_time(std::uint64_t k) const;
};

// Counts and latencies of a run (microseconds). Phases: "connect", "tls" (new connections only),
// "round_trip" (every request), "round_trip_1".."round_trip_8" (the k-th request of a session,
// later ones in "round_trip_8"), "start_delay" (scheduled to actual start), "session" (scheduled
// start to the end of the session, so a slow server shows as latency, not as fewer sessions).
struct Result {
  std::map<std::string, Histogram> phases;
  std::map<std::string, std::uint64_t> outcomes;         // completed, max-rounds, server-abort, refused, error
  std::map<std::string, std::uint64_t> errors;           // connect, tls, closed, timeout, http-NNN, bad-reply, auth, other
  std::map<std::string, std::string> error_examples;     // the first message of each kind
  std::map<std::string, std::uint64_t> http_statuses;    // of every reply
  std::map<std::string, std::uint64_t> syncml_statuses;  // header Status of every SyncML reply
  std::map<std::string, std::uint64_t> statuses_sent;    // Status codes the devices answered with
  std::uint64_t devices = 0;           // devices that started a session
  std::uint64_t sessions = 0;          // sessions started (every outcome)
  std::uint64_t interrupted = 0;       // in flight when the run was stopped (not in outcomes)
  std::uint64_t messages_sent = 0;
  std::uint64_t messages_received = 0;
  std::uint64_t bytes_sent = 0;
  std::uint64_t bytes_received = 0;
  std::uint64_t connections = 0;       // new connections opened
  std::uint64_t trees_copied = 0;      // devices whose tree the server changed (a copy of their own)
  std::uint64_t max_in_flight = 0;     // most sessions in flight at once (merged: the parts' sum)
  double asked_rate = 0;               // session starts per second asked of this part
  double elapsed_s = 0;                // wall time of the run
  double cpu_s = 0;                    // CPU time (user + system) of the process
  std::uint64_t shards = 1;            // results merged into this one
  std::string stopped;                 // why the run stopped early ("" = it did not)
  // The enrolment phase before the sessions (--enroll); its latencies are the phases "enroll"
  // (a device's whole enrolment), "enroll_discovery", "enroll_policy", "enroll_certificate" (the
  // HTTP exchanges) and "enroll_local" (the rest: key generation above all).
  std::map<std::string, std::uint64_t> enrolments;             // enrolled, error
  std::map<std::string, std::uint64_t> enroll_errors;          // auth, refused, transport, bad-reply, other
  std::map<std::string, std::string> enroll_error_examples;    // the first message of each kind
  double enroll_elapsed_s = 0;         // wall time of the enrolment phase (merged: the longest)
  double enroll_cpu_s = 0;             // CPU time of the process during it

  std::uint64_t failed() const;        // sessions that ended in an error
  // Starts per second actually achieved (merged: the parts' sum, as they ran side by side).
  double achieved_rate = 0;
  void merge(const Result& other);
  // Takes the enrolment phase's counts, phases and times from `enrolment` (a Result that holds
  // only those) into this run's result.
  void add_enrolment(const Result& enrolment);
};

// What the progress line shows, once a second.
struct Progress {
  double elapsed_s = 0;
  std::uint64_t started = 0;
  std::uint64_t finished = 0;
  std::uint64_t in_flight = 0;
  std::uint64_t errors = 0;
  double rate = 0;  // sessions finished per second over the last second
  std::uint64_t p50 = 0, p99 = 0;  // of "session" so far
};

// What one device has of its own beyond its identity: from its enrolment (dm-load --enroll).
// Empty fields take the run's.
struct DeviceSetup {
  bool skip = false;                  // its enrolment failed: it plays no sessions
  std::string url;                    // the server address of its DM account
  std::string cert_pem;               // its client certificate, then the issuing chain (PEM)
  std::string key_pem;                // secret: its private key, PEM
  std::vector<std::string> headers;   // extra HTTP headers of its sessions (client-request-id)
  std::vector<std::string> package1_nodes;  // see session::ClientOptions
  std::string provider_id;            // the server id of its DM account
  std::shared_ptr<const tree::Tree> state;  // the tree it starts from (its provisioned state)
  bool wbxml = false;                 // its account's DefaultEncoding asks for WBXML
};

struct LoadOptions {
  net::HttpOptions http;
  session::Credentials credentials;   // scheme and nonce form; user/password come from identities
  bool wbxml = false;
  session::Codec codec;
  session::ClientOptions client;      // url, login status, max rounds, RespURI hosts, now
  std::shared_ptr<const tree::Tree> state;  // every device starts from this tree (shared until changed)
  IdentityTemplates identities;
  // Per-device client certificate and key files ("certs/dev{n}.pem"): read by libcurl when a
  // device connects, so nothing is held between sessions. Empty: http.tls's (the same for all).
  Template cert_file;
  Template key_file;                  // empty: the key is in the certificate's file
  std::vector<DeviceSetup> setups;    // by device index in this shard (enrolment); empty: none
  Schedule schedule;
  // A device keeps its connection open from one session to its next (as `dm-send --repeat` does)
  // instead of connecting anew for each session.
  bool keep_connections = false;
  std::size_t stack_size = 512 * 1024;  // of each session in flight (reserved, touched as used)
  std::function<bool()> should_stop;    // polled between events: true ends the run (Ctrl-C)
  std::function<void(const Progress&)> on_progress;  // once a second
  // Called with every device's identity when its first session starts (tests, --list-devices).
  std::function<void(std::uint64_t n, const DeviceIdentity&)> on_device;
};

// Plays the schedule. Sessions in flight when the run stops (should_stop, max_errors) are
// cancelled and counted as interrupted; Result::stopped says why. Throws Error{usage} for an
// impossible schedule, Error{transport} when libcurl cannot be set up.
Result run(const LoadOptions& options);

}  // namespace syncmldm::load
SYNCMLDM_API_END
