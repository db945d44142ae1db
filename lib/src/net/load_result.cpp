// The schedule's arithmetic and adding up results (shards merged into one run).
#include <algorithm>
#include <cmath>

#include "syncmldm/net/load.hpp"

namespace syncmldm::load {

std::uint64_t Schedule::local_devices() const {
  if (shard_count == 0 || shard_index >= shard_count || devices <= shard_index) return 0;
  return (devices - shard_index + shard_count - 1) / shard_count;
}

double Schedule::local_rate() const {
  if (rate <= 0 || devices == 0) return 0;
  // Each shard starts its own devices' sessions: its part of the rate follows its part of the devices.
  return rate * static_cast<double>(local_devices()) / static_cast<double>(devices);
}

std::chrono::microseconds Schedule::start_time(std::uint64_t k) const {
  double r = local_rate();
  if (r <= 0) return std::chrono::microseconds(0);
  double ramp = static_cast<double>(ramp_up.count()) / 1e6;
  double kd = static_cast<double>(k);
  double t;
  // During the ramp the rate is r*t/ramp, so k starts have happened by t = sqrt(2*ramp*k/r).
  double in_ramp = r * ramp / 2;
  if (ramp > 0 && kd < in_ramp) t = std::sqrt(2 * ramp * kd / r);
  else t = (ramp > 0 ? ramp : 0) + (kd - (ramp > 0 ? in_ramp : 0)) / r;
  return std::chrono::microseconds(static_cast<long long>(t * 1e6));
}

std::uint64_t Result::failed() const {
  auto it = outcomes.find("error");
  return it == outcomes.end() ? 0 : it->second;
}

namespace {
void add(std::map<std::string, std::uint64_t>& to, const std::map<std::string, std::uint64_t>& from) {
  for (const auto& [k, v] : from) to[k] += v;
}
}  // namespace

void Result::merge(const Result& o) {
  for (const auto& [name, h] : o.phases) phases[name].merge(h);
  add(outcomes, o.outcomes);
  add(errors, o.errors);
  for (const auto& [k, v] : o.error_examples) error_examples.emplace(k, v);
  add(http_statuses, o.http_statuses);
  add(syncml_statuses, o.syncml_statuses);
  add(statuses_sent, o.statuses_sent);
  devices += o.devices;
  sessions += o.sessions;
  interrupted += o.interrupted;
  messages_sent += o.messages_sent;
  messages_received += o.messages_received;
  bytes_sent += o.bytes_sent;
  bytes_received += o.bytes_received;
  connections += o.connections;
  trees_copied += o.trees_copied;
  max_in_flight += o.max_in_flight;
  asked_rate += o.asked_rate;
  achieved_rate += o.achieved_rate;  // the parts ran side by side
  elapsed_s = std::max(elapsed_s, o.elapsed_s);
  cpu_s += o.cpu_s;
  shards += o.shards;
  if (stopped.empty()) stopped = o.stopped;
  add(enrolments, o.enrolments);
  add(enroll_errors, o.enroll_errors);
  for (const auto& [k, v] : o.enroll_error_examples) enroll_error_examples.emplace(k, v);
  enroll_elapsed_s = std::max(enroll_elapsed_s, o.enroll_elapsed_s);
  enroll_cpu_s += o.enroll_cpu_s;
}

void Result::add_enrolment(const Result& e) {
  for (const auto& [name, h] : e.phases) phases[name].merge(h);
  add(enrolments, e.enrolments);
  add(enroll_errors, e.enroll_errors);
  for (const auto& [k, v] : e.enroll_error_examples) enroll_error_examples.emplace(k, v);
  enroll_elapsed_s += e.enroll_elapsed_s;
  enroll_cpu_s += e.enroll_cpu_s;
  if (stopped.empty()) stopped = e.stopped;
}

}  // namespace syncmldm::load
