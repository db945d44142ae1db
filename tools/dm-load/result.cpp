// The result document: counts, and each phase's histogram as buckets so that shards merge exactly.
#include <string>

#include <fmt/format.h>

#include "dm_load.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_load {

namespace {

using syncmldm::load::Histogram;
using syncmldm::load::Result;

constexpr const char* kFormat = "dm-load result";
constexpr int kVersion = 1;

nlohmann::json histogram_json(const Histogram& h) {
  nlohmann::json j;
  j["unit"] = "us";
  j["sub_bucket_bits"] = Histogram::kSubBucketBits;
  j["count"] = h.count();
  j["min"] = h.min();
  j["max"] = h.max();
  j["sum"] = h.sum();
  // Read by people; merge recomputes them from the buckets.
  j["p50"] = h.percentile(50);
  j["p90"] = h.percentile(90);
  j["p99"] = h.percentile(99);
  j["p99.9"] = h.percentile(99.9);
  nlohmann::json b = nlohmann::json::array();
  for (auto [v, n] : h.buckets()) b.push_back({v, n});
  j["buckets"] = std::move(b);
  return j;
}

[[noreturn]] void bad(const std::string& source, const std::string& why) {
  syncmldm::Location where;
  where.file = source;
  throw syncmldm::Error(syncmldm::ErrorKind::input, "not a dm-load result: " + why, where);
}

std::uint64_t count_of(const nlohmann::json& v, const std::string& source, const std::string& what) {
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
    bad(source, what + " is not a count");
  return v.get<std::uint64_t>();
}

std::map<std::string, std::uint64_t> counts_of(const nlohmann::json& j, const char* key, const std::string& source) {
  std::map<std::string, std::uint64_t> out;
  if (!j.contains(key)) return out;
  const auto& m = j.at(key);
  if (!m.is_object()) bad(source, std::string(key) + " is not an object");
  for (auto it = m.begin(); it != m.end(); ++it) out[it.key()] = count_of(it.value(), source, std::string(key) + "." + it.key());
  return out;
}

double number_of(const nlohmann::json& j, const char* key, const std::string& source) {
  if (!j.contains(key)) return 0;
  if (!j.at(key).is_number()) bad(source, std::string(key) + " is not a number");
  return j.at(key).get<double>();
}

Histogram histogram_of(const nlohmann::json& j, const std::string& name, const std::string& source) {
  if (!j.is_object() || !j.contains("buckets") || !j.at("buckets").is_array())
    bad(source, "phase " + name + " has no buckets");
  if (j.value("sub_bucket_bits", -1) != Histogram::kSubBucketBits)
    bad(source, "phase " + name + " has another bucket layout (sub_bucket_bits)");
  std::vector<std::pair<std::uint64_t, std::uint64_t>> buckets;
  for (const auto& b : j.at("buckets")) {
    if (!b.is_array() || b.size() != 2) bad(source, "phase " + name + ": a bucket is not [value, count]");
    buckets.emplace_back(count_of(b[0], source, name + " bucket value"), count_of(b[1], source, name + " bucket count"));
  }
  try {
    Histogram h = Histogram::from_buckets(buckets, count_of(j.value("min", nlohmann::json(0)), source, name + ".min"),
                                          count_of(j.value("max", nlohmann::json(0)), source, name + ".max"),
                                          count_of(j.value("sum", nlohmann::json(0)), source, name + ".sum"));
    if (j.contains("count") && count_of(j.at("count"), source, name + ".count") != h.count())
      bad(source, "phase " + name + ": count differs from the buckets' sum");
    return h;
  } catch (const syncmldm::Error& e) {
    bad(source, "phase " + name + ": " + e.what());
  }
}

}  // namespace

nlohmann::json to_json(const Result& r, const std::string& shard) {
  nlohmann::json j;
  j["format"] = kFormat;
  j["version"] = kVersion;
  nlohmann::json run;
  run["shards"] = r.shards;
  if (!shard.empty()) run["shard"] = shard;
  run["asked_rate"] = r.asked_rate;
  run["achieved_rate"] = r.achieved_rate;
  run["elapsed_s"] = r.elapsed_s;
  run["cpu_s"] = r.cpu_s;
  run["cpu_ms_per_session"] = r.sessions ? r.cpu_s * 1000 / static_cast<double>(r.sessions) : 0.0;
  run["stopped"] = r.stopped;
  if (!r.enrolments.empty()) {
    run["enroll_elapsed_s"] = r.enroll_elapsed_s;
    run["enroll_cpu_s"] = r.enroll_cpu_s;
  }
  j["run"] = std::move(run);
  if (!r.enrolments.empty()) {  // the enrolment phase (--enroll)
    j["enrolments"] = r.enrolments;
    j["enroll_errors"] = r.enroll_errors;
    j["enroll_error_examples"] = r.enroll_error_examples;
  }
  j["devices"] = r.devices;
  j["sessions"] = r.sessions;
  j["interrupted"] = r.interrupted;
  j["failed"] = r.failed();
  j["outcomes"] = r.outcomes;
  j["errors"] = r.errors;
  j["error_examples"] = r.error_examples;
  j["http_statuses"] = r.http_statuses;
  j["syncml_statuses"] = r.syncml_statuses;
  j["statuses_sent"] = r.statuses_sent;
  j["messages_sent"] = r.messages_sent;
  j["messages_received"] = r.messages_received;
  j["bytes_sent"] = r.bytes_sent;
  j["bytes_received"] = r.bytes_received;
  j["connections"] = r.connections;
  j["trees_copied"] = r.trees_copied;
  j["max_in_flight"] = r.max_in_flight;
  nlohmann::json phases = nlohmann::json::object();
  for (const auto& [name, h] : r.phases) phases[name] = histogram_json(h);
  j["phases"] = std::move(phases);
  return j;
}

Result from_json(const nlohmann::json& j, const std::string& source) {
  if (!j.is_object() || j.value("format", "") != kFormat) bad(source, "no \"format\": \"dm-load result\"");
  if (j.value("version", 0) != kVersion) bad(source, "version " + j.value("version", nlohmann::json(0)).dump() + " is not 1");
  Result r;
  const nlohmann::json run = j.value("run", nlohmann::json::object());
  r.shards = run.contains("shards") ? count_of(run.at("shards"), source, "run.shards") : 1;
  r.asked_rate = number_of(run, "asked_rate", source);
  r.achieved_rate = number_of(run, "achieved_rate", source);
  r.elapsed_s = number_of(run, "elapsed_s", source);
  r.cpu_s = number_of(run, "cpu_s", source);
  r.stopped = run.value("stopped", "");
  r.enroll_elapsed_s = number_of(run, "enroll_elapsed_s", source);
  r.enroll_cpu_s = number_of(run, "enroll_cpu_s", source);
  auto c = [&](const char* key) { return j.contains(key) ? count_of(j.at(key), source, key) : 0; };
  r.devices = c("devices");
  r.sessions = c("sessions");
  r.interrupted = c("interrupted");
  r.messages_sent = c("messages_sent");
  r.messages_received = c("messages_received");
  r.bytes_sent = c("bytes_sent");
  r.bytes_received = c("bytes_received");
  r.connections = c("connections");
  r.trees_copied = c("trees_copied");
  r.max_in_flight = c("max_in_flight");
  r.outcomes = counts_of(j, "outcomes", source);
  r.errors = counts_of(j, "errors", source);
  if (j.contains("error_examples") && j.at("error_examples").is_object())
    for (auto it = j.at("error_examples").begin(); it != j.at("error_examples").end(); ++it)
      if (it.value().is_string()) r.error_examples[it.key()] = it.value().get<std::string>();
  r.enrolments = counts_of(j, "enrolments", source);
  r.enroll_errors = counts_of(j, "enroll_errors", source);
  if (j.contains("enroll_error_examples") && j.at("enroll_error_examples").is_object())
    for (auto it = j.at("enroll_error_examples").begin(); it != j.at("enroll_error_examples").end(); ++it)
      if (it.value().is_string()) r.enroll_error_examples[it.key()] = it.value().get<std::string>();
  r.http_statuses = counts_of(j, "http_statuses", source);
  r.syncml_statuses = counts_of(j, "syncml_statuses", source);
  r.statuses_sent = counts_of(j, "statuses_sent", source);
  if (j.contains("phases")) {
    if (!j.at("phases").is_object()) bad(source, "phases is not an object");
    for (auto it = j.at("phases").begin(); it != j.at("phases").end(); ++it)
      r.phases[it.key()] = histogram_of(it.value(), it.key(), source);
  }
  return r;
}

void write_document(const std::string& path, const nlohmann::json& doc) {
  std::string text = doc.dump(1) + "\n";
  if (path == "-") {
    fmt::print("{}", text);
    std::fflush(stdout);
    return;
  }
  syncmldm::write_file_atomically(path, text);
}

}  // namespace dm_load
