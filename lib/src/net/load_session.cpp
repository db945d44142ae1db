// A device's session in the load driver: started when due, played on a fiber with the session
// code dm-send plays (session::run_client on the device's tree), then counted.
#include <algorithm>

#include "net/load_driver.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::load::detail {

namespace {

// Whether the server may have changed the tree (anything but reading it).
bool changes_tree(const session::SessionSummary& s) {
  for (const auto& [name, n] : s.commands_received)
    if (n > 0 && name != "Get" && name != "Alert") return true;
  return false;
}

}  // namespace

void Driver::start(std::uint64_t local, Clock::time_point scheduled) {
  Device& d = devices_[local];
  auto f = std::make_unique<Flight>();
  f->id = ++next_id_;
  f->local = local;
  f->n = sched_.shard_index + local * sched_.shard_count;
  f->scheduled = scheduled;
  f->started = Clock::now();
  last_start_ = f->started;
  Flight* raw = f.get();
  f->fiber = std::make_unique<Fiber>(stacks_, [this, raw] { play(*raw); });
  d.busy = true;
  if (d.sessions == 0) ++result_.devices;
  ++result_.sessions;
  result_.phases["start_delay"].record(micros(raw->started - scheduled));
  flights_.emplace(raw->id, std::move(f));
  result_.max_in_flight = std::max<std::uint64_t>(result_.max_in_flight, flights_.size());
  run(*raw);
}

// The session itself, on the fiber's stack. Nothing may escape it.
void Driver::play(Flight& f) {
  Device& d = devices_[f.local];
  try {
    DeviceIdentity id = opt_.identities.make(f.n);
    if (d.sessions == 0 && opt_.on_device) opt_.on_device(f.n, id);
    const DeviceSetup* setup = this->setup(f);
    const tree::Tree& base = d.tree ? *d.tree : setup && setup->state ? *setup->state : *opt_.state;
    tree::Tree t = base.clone();
    const tree::Node* dev_id = t.find("./DevInfo/DevId");
    if (!dev_id || dev_id->value != id.dev_id) tree::set_leaf(t, "./DevInfo/DevId", id.dev_id, opt_.client.now);
    session::Credentials cred = opt_.credentials;
    cred.user = id.user;
    cred.password = id.password;
    if (d.nonce) cred.nonce = d.nonce;
    session::Channel channel(
        [this, &f](const std::string& url, std::string_view type, std::string_view body,
                   const std::vector<std::string>& extra) { return transfer(f, url, type, body, extra); },
        std::move(cred), opt_.wbxml || (setup && setup->wbxml), opt_.codec);
    session::ClientOptions co = opt_.client;
    co.session_id = std::to_string(d.sessions % 9999 + 1);
    co.server_id = id.provider_id;
    if (setup) {  // an enrolled device checks in where its provisioning says, as the account it got
      if (co.url.empty()) co.url = setup->url;
      if (!setup->provider_id.empty()) co.server_id = setup->provider_id;
      co.package1_nodes = setup->package1_nodes;
    }
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

void Driver::run(Flight& f) {
  f.fiber->resume();
  if (f.fiber->done()) finish(f);
}

void Driver::finish(Flight& f) {
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

}  // namespace syncmldm::load::detail
