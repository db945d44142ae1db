#pragma once
// dm-load's parts: the options main fills, the result document (JSON both ways), the text
// summary and progress line, and the two modes (a run, merge).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/net_options.hpp"
#include "syncmldm/net/load.hpp"

namespace dm_load {

inline constexpr const char* kTool = "dm-load";

struct Options {
  std::string url;
  // devices
  std::uint64_t devices = 1;
  std::string dev_id = "IMEI:{n:015}";
  std::string provider_id;
  std::string accounts;
  std::string state_template;
  // enrolment (--enroll)
  bool enroll = false;
  std::string discovery;
  std::string token_file;
  int enroll_threads = 8;
  bool enroll_shared_key = false;
  // schedule
  int concurrency = 10;
  std::string rate;
  std::string ramp_up;
  std::string duration;
  std::uint64_t check_ins = 0;  // 0: 1 unless --duration is given
  std::string think_time;
  std::uint64_t max_errors = 0;
  std::string shard;
  // session and transport
  tools::AuthOptions auth;
  tools::TlsCliOptions tls;
  std::vector<std::string> headers;
  std::string user_agent;
  double connect_timeout = 10;
  double max_time = 30;
  bool wbxml = false;
  bool keep_connections = false;
  std::string login_status;
  int max_rounds = 50;
  // output
  std::string write_out;
  std::string output;
  bool no_progress = false;
  // merge
  std::vector<std::string> inputs;
};

// ---- the result document (result.cpp)
nlohmann::json to_json(const syncmldm::load::Result& r, const std::string& shard);
// Throws syncmldm::Error{input} naming `source` for a document that is not a dm-load result.
syncmldm::load::Result from_json(const nlohmann::json& j, const std::string& source);
// Writes `doc` to `path` atomically ("-": standard output).
void write_document(const std::string& path, const nlohmann::json& doc);

// ---- what people read (report.cpp)
std::string summary_text(const syncmldm::load::Result& r);
std::string progress_line(const syncmldm::load::Progress& p);

// ---- parsing option values (schedule.cpp)
double parse_seconds(const std::string& text, const std::string& option);   // "30", "250ms", "2m", "1h"
double parse_rate(const std::string& text);                                 // "50", "50/s", "3000/m"
// "--shard I/N" or "/N" (the index from JOB_COMPLETION_INDEX); sets index and count.
void parse_shard(const std::string& text, std::uint64_t& index, std::uint64_t& count);

// ---- the modes
int run_load(const Options& o);                                   // run.cpp
int run_merge(const Options& o);                                  // merge.cpp

}  // namespace dm_load
