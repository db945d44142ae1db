// dm-load's enrolment phase: worker threads take devices one by one, each enrolment on an HTTP
// client of its own (a new connection and TLS handshake, as a device enrolling alone has), and
// record its latencies in a Result of their own, added up at the end.
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "enroll/load_enrol_key.hpp"
#include "syncmldm/device/provision.hpp"
#include "syncmldm/enroll/load_enrol.hpp"
#include "syncmldm/prov/prov.hpp"
#include "syncmldm/tree/tree.hpp"

namespace syncmldm::enroll {

namespace {

using Clock = std::chrono::steady_clock;

double cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::uint64_t micros(Clock::duration d) {
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(d).count();
  return us < 0 ? 0 : static_cast<std::uint64_t>(us);
}

// The kind a failed enrolment counts as.
std::string kind_of(const std::exception& e) {
  if (const auto* f = dynamic_cast<const FaultError*>(&e)) return f->fault().authentication ? "auth" : "refused";
  if (const auto* err = dynamic_cast<const Error*>(&e)) {
    switch (err->kind()) {
      case ErrorKind::auth: return "auth";
      case ErrorKind::transport: return "transport";
      case ErrorKind::input: return "bad-reply";
      default: break;
    }
  }
  return "other";
}

// A hardware id of 64 hex digits that differs from device to device (Windows sends a hash).
std::string hw_dev_id(std::uint64_t n) {
  std::string digits = std::to_string(n);
  return std::string(64 - digits.size(), '0') + digits;
}

class Phase {
 public:
  Phase(load::LoadOptions& o, const LoadEnrolOptions& e) : opt_(o), enrol_(e), sched_(o.schedule) {}

  load::Result run() {
    const std::uint64_t locals = sched_.local_devices();
    opt_.setups.assign(locals, {});
    auto t0 = Clock::now();
    double cpu0 = cpu_seconds();
    int threads = static_cast<int>(std::min<std::uint64_t>(static_cast<std::uint64_t>(std::max(enrol_.threads, 1)), locals));
    std::vector<load::Result> parts(static_cast<std::size_t>(threads));
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back([this, &part = parts[static_cast<std::size_t>(t)]] { work(part); });
    auto next_tick = Clock::now() + std::chrono::seconds(1);
    while (done_.load() < locals && !stop_.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (opt_.should_stop && opt_.should_stop()) {
        stopped_ = "interrupted";
        stop_.store(true);
      }
      if (enrol_.on_progress && Clock::now() >= next_tick) {
        enrol_.on_progress(done_.load(), failed_.load(), locals);
        next_tick += std::chrono::seconds(1);
      }
    }
    for (auto& t : pool) t.join();
    load::Result r;
    for (const auto& p : parts) r.add_enrolment(p);
    r.enroll_elapsed_s = std::chrono::duration<double>(Clock::now() - t0).count();
    r.enroll_cpu_s = cpu_seconds() - cpu0;
    r.stopped = stopped_.empty() && max_errors_hit_.load() ? "max-errors" : stopped_;
    // Devices never tried (a stopped phase) play no sessions either.
    for (std::uint64_t i = 0; i < locals; ++i)
      if (!tried_[i].load()) opt_.setups[i].skip = true;
    return r;
  }

 private:
  load::LoadOptions& opt_;
  const LoadEnrolOptions& enrol_;
  const load::Schedule& sched_;
  std::atomic<std::uint64_t> next_{0};
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::uint64_t> failed_{0};
  std::atomic<bool> stop_{false};
  std::atomic<bool> max_errors_hit_{false};
  std::string stopped_;
  detail::SharedKey shared_key_;
  std::unique_ptr<std::atomic<bool>[]> tried_ = std::make_unique<std::atomic<bool>[]>(sched_.local_devices());

  void work(load::Result& part) {
    for (;;) {
      if (stop_.load()) return;
      std::uint64_t local = next_.fetch_add(1);
      if (local >= opt_.setups.size()) return;
      tried_[local].store(true);
      std::uint64_t n = sched_.shard_index + local * sched_.shard_count;
      auto start = Clock::now();
      std::uint64_t exchanges_us = 0;
      try {
        opt_.setups[local] = enrol_one(n, part, exchanges_us);
        ++part.enrolments["enrolled"];
        auto total = micros(Clock::now() - start);
        part.phases["enroll"].record(total);
        part.phases["enroll_local"].record(total > exchanges_us ? total - exchanges_us : 0);
      } catch (const std::exception& e) {
        opt_.setups[local].skip = true;
        std::string kind = kind_of(e);
        ++part.enrolments["error"];
        ++part.enroll_errors[kind];
        part.enroll_error_examples.emplace(kind, e.what());
        std::uint64_t failed = failed_.fetch_add(1) + 1;
        if (sched_.max_errors && failed >= sched_.max_errors) {
          max_errors_hit_.store(true);
          stop_.store(true);
        }
      }
      done_.fetch_add(1);
    }
  }

  load::DeviceSetup enrol_one(std::uint64_t n, load::Result& part, std::uint64_t& exchanges_us) {
    load::DeviceIdentity id = opt_.identities.make(n);
    EnrolRequest req;
    req.discovery_url = enrol_.discovery_url;
    req.credential.policy = enrol_.policy;
    req.credential.user = id.user;
    if (enrol_.policy == AuthPolicy::federated) req.credential.token = enrol_.token.expand(n);
    else req.credential.password = id.password;
    req.discover.email = id.user;
    req.discover.device_type = enrol_.device.device_type;
    req.discover.application_version = enrol_.device.application_version;
    req.discover.os_edition = enrol_.device.os_edition;
    req.device = enrol_.device;
    req.device.device_id = id.dev_id;
    req.device.hw_dev_id = hw_dev_id(n);
    req.probe = enrol_.probe;

    net::HttpClient http(enrol_.http);
    auto observe = [&](const Exchange& ex) {
      auto us = static_cast<std::uint64_t>(std::max<long long>(ex.response.elapsed.count(), 0));
      exchanges_us += us;
      const char* phase = ex.step == "policy" ? "enroll_policy" : ex.step == "enrolment" ? "enroll_certificate" : "enroll_discovery";
      part.phases[phase].record(us);
    };
    if (enrol_.shared_key)
      req.make_key = [this](const Policy& p, std::string_view subject) { return shared_key_.request_for(p, subject); };
    EnrolResult r = enrol(http, req, observe);
    auto doc = prov::read(r.issued.provisioning_xml, "the provisioning document of device " + std::to_string(n));
    Certificates certs = certificates_of(doc);
    if (!key_matches(certs.client_pem, r.key.private_key_pem))
      throw Error(ErrorKind::input, "the issued client certificate does not carry the key of the request");

    // The device's tree: the template's, with its ids and the provisioning applied.
    tree::Tree t = opt_.state->clone();
    tree::set_leaf(t, "./DevInfo/DevId", id.dev_id, opt_.client.now);
    tree::set_leaf(t, "./Vendor/MSFT/DMClient/HWDevID", req.device.hw_dev_id, opt_.client.now);
    device::Options po;
    po.now = opt_.client.now;
    device::provision(t, doc, po);  // a step the template cannot take shows in the session, as on a device
    write_record(t, Record{certs.provider_id, id.user, std::string(auth_policy_name(enrol_.policy)), "", "",
                           enrol_.http.tls.cacert, r.discovery_url, req.device.enrollment_type});
    auto session = enrolled_session(t);
    load::DeviceSetup s;
    s.url = session->url;
    s.wbxml = session->wbxml;
    s.headers = std::move(session->headers);
    s.package1_nodes = std::move(session->package1_nodes);
    s.provider_id = certs.provider_id;
    s.cert_pem = certs.client_pem;
    for (const auto& pem : certs.ca_pems) s.cert_pem += pem;
    s.key_pem = std::move(r.key.private_key_pem);
    s.state = std::make_shared<const tree::Tree>(std::move(t));
    return s;
  }
};

}  // namespace

load::Result enrol_devices(load::LoadOptions& options, const LoadEnrolOptions& enrol) {
  if (!options.state) throw Error(ErrorKind::usage, "no state template for the devices");
  if (enrol.discovery_url.empty()) throw Error(ErrorKind::usage, "enrolment needs a discovery URL");
  if (enrol.policy == AuthPolicy::on_premise && options.identities.user.empty() && options.identities.accounts.empty())
    throw Error(ErrorKind::usage, "OnPremise enrolment needs a user name for each device (--user or --accounts)");
  if (enrol.policy == AuthPolicy::federated && enrol.token.empty())
    throw Error(ErrorKind::usage, "Federated enrolment needs a security token (--token-file)");
  if (enrol.policy == AuthPolicy::certificate)
    throw Error(ErrorKind::usage, "Certificate enrolment is not supported by the load phase");
  Phase phase(options, enrol);
  return phase.run();
}

}  // namespace syncmldm::enroll
