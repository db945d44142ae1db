#pragma once
// dm-enroll's parts: the options main fills, the enrolment and the unenrolment.
#include <string>
#include <vector>

#include "common/net_options.hpp"
#include "common/state_file.hpp"
#include "syncmldm/enroll/enroll.hpp"

namespace dm_enroll {

inline constexpr const char* kTool = "dm-enroll";

struct Options {
  std::string discovery;
  std::string email;
  std::string user;
  std::string password_file;
  std::string token_file;
  std::string state;
  std::string key_out;
  std::string cert_out;
  std::string dev_id;
  std::string hw_dev_id;
  std::string subject;
  syncmldm::enroll::DeviceContext device;
  std::vector<std::string> context;  // NAME=VALUE overrides of AdditionalContext
  bool no_probe = false;
  int discovery_port = 0;
  tools::TlsCliOptions tls;
  double connect_timeout = 10;
  double max_time = 60;
  std::string trace;
  std::string write_out;
  bool force = false;
  tools::StateFileOptions state_file;
  bool unenroll = false;
};

// HTTP settings from the options (warns about --insecure).
syncmldm::net::HttpOptions http_options(const Options& o);

// --trace: masked text to a file or stdout ("-"); off without a path.
class Trace {
 public:
  explicit Trace(const std::string& path);
  ~Trace();
  Trace(const Trace&) = delete;
  Trace& operator=(const Trace&) = delete;
  bool on() const { return out_ != nullptr; }
  void write(const std::string& text);  // masked here

 private:
  std::FILE* out_ = nullptr;
  bool owned_ = false;
};

int run_enrol(const Options& o);    // enrol.cpp
int run_unenrol(const Options& o);  // unenrol.cpp

}  // namespace dm_enroll
