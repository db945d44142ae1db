// What people read: the summary after a run, the progress line during one.
#include <fmt/format.h>

#include "dm_load.hpp"

namespace dm_load {

namespace {

std::string ms(std::uint64_t us) { return fmt::format("{:.1f}", static_cast<double>(us) / 1000.0); }

std::string counts(const std::map<std::string, std::uint64_t>& m) {
  std::string out;
  for (const auto& [k, v] : m) out += (out.empty() ? "" : ", ") + fmt::format("{} {}", k, v);
  return out.empty() ? "-" : out;
}

}  // namespace

std::string summary_text(const syncmldm::load::Result& r) {
  std::string out;
  if (!r.enrolments.empty()) {
    out += fmt::format("enrolment   {}; {:.1f} s, {:.2f} s CPU\n", counts(r.enrolments), r.enroll_elapsed_s, r.enroll_cpu_s);
    out += fmt::format("  errors    {}\n", counts(r.enroll_errors));
    for (const auto& [kind, text] : r.enroll_error_examples) out += fmt::format("  {}: {}\n", kind, text);
  }
  out += fmt::format("sessions    {} started by {} devices ({} shard{}), {} interrupted\n", r.sessions, r.devices, r.shards,
                     r.shards == 1 ? "" : "s", r.interrupted);
  out += fmt::format("outcomes    {}\n", counts(r.outcomes));
  out += fmt::format("errors      {}\n", counts(r.errors));
  for (const auto& [kind, text] : r.error_examples) out += fmt::format("  {}: {}\n", kind, text);
  out += fmt::format("http        {}\n", counts(r.http_statuses));
  out += fmt::format("syncml      {}\n", counts(r.syncml_statuses));
  out += fmt::format("rate        {:.1f}/s achieved, {} asked; {:.1f} s elapsed\n", r.achieved_rate,
                     r.asked_rate > 0 ? fmt::format("{:.1f}/s", r.asked_rate) : std::string("unpaced"), r.elapsed_s);
  out += fmt::format("traffic     {} messages sent, {} received, {} connections, {} trees copied, {} in flight at most\n",
                     r.messages_sent, r.messages_received, r.connections, r.trees_copied, r.max_in_flight);
  if (r.sessions)
    out += fmt::format("client CPU  {:.2f} s, {:.3f} ms per session\n", r.cpu_s, r.cpu_s * 1000 / static_cast<double>(r.sessions));
  if (!r.stopped.empty()) out += fmt::format("stopped     {}\n", r.stopped);
  out += fmt::format("\n{:<18} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}   (ms)\n", "phase", "count", "p50", "p90", "p99", "p99.9", "max");
  // The order a session goes through, then the rest by name.
  std::vector<std::string> order = {"enroll", "enroll_discovery", "enroll_policy", "enroll_certificate", "enroll_local", "start_delay", "connect", "tls", "round_trip"};
  for (int k = 1; k <= 8; ++k) order.push_back("round_trip_" + std::to_string(k));
  order.push_back("session");
  for (const auto& [name, h] : r.phases)
    if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
  for (const auto& name : order) {
    auto it = r.phases.find(name);
    if (it == r.phases.end() || it->second.count() == 0) continue;
    const auto& h = it->second;
    out += fmt::format("{:<18} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n", name, h.count(), ms(h.percentile(50)),
                       ms(h.percentile(90)), ms(h.percentile(99)), ms(h.percentile(99.9)), ms(h.max()));
  }
  return out;
}

std::string progress_line(const syncmldm::load::Progress& p) {
  return fmt::format("{:6.0f} s  {:>8} started  {:>8} done  {:>6.0f}/s  {:>5} in flight  p50 {} ms  p99 {} ms  {} errors",
                     p.elapsed_s, p.started, p.finished, p.rate, p.in_flight, ms(p.p50), ms(p.p99), p.errors);
}

}  // namespace dm_load
