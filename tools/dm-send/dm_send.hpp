#pragma once
// dm-send's parts: the options main fills, the client they make, and one function per mode.
#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/net_options.hpp"
#include "common/options.hpp"
#include "common/state_file.hpp"
#include "syncmldm/net/net.hpp"
#include "syncmldm/net/session.hpp"
#include "syncmldm/tree/tree.hpp"

namespace dm_send {

inline constexpr const char* kTool = "dm-send";

struct Options {
  std::string url;
  std::string input = "-";
  std::vector<std::string> headers;
  std::string user_agent;
  double connect_timeout = 10;
  double max_time = 60;
  int retry = 3;
  std::size_t max_reply_size = 16u << 20;
  tools::AuthOptions auth;
  tools::TlsCliOptions tls;
  std::string nonce_file;
  bool offline = false;
  bool fail_on_status = false;
  bool wbxml = false;
  std::string trace;
  std::string har;
  std::string write_out;
  std::string write_out_file;  // where -w goes ("-": stderr); empty: stdout
  bool indent = false, compact = false;  // the reply's layout; neither: indented on a terminal
  tools::OutputOptions output;
  tools::InputFormatOption input_format;
  // session mode
  bool session = false;
  std::string state;
  tools::StateFileOptions state_file;
  std::vector<std::string> ddf;
  bool server_initiated = false;
  std::string session_id;
  std::string login_status;
  int max_rounds = 50;
  bool no_save = false;
  std::string device_id;
  std::string server_id;
  int repeat = 1;
  std::vector<std::string> respuri_hosts;
  std::string trigger;  // package 0 to answer
  bool no_verify = false;
  std::vector<std::string> package1_nodes;  // from an enrolled state (enrolled.cpp)
  bool windows11_login_status = false;      // the 1224 alert without Format, as Windows 11 sends it
};

// ---- the client (client.cpp)

// HTTP settings from the options (warns about --insecure, reads the key password).
syncmldm::net::HttpOptions http_options(const Options& o);
// Credentials from --auth, --user, the password sources and --nonce-file.
syncmldm::session::Credentials credentials(const Options& o);
// Saves the channel's current nonce to --nonce-file, if one was given.
void save_nonce(const Options& o, const syncmldm::session::Credentials& c);
// WBXML both ways with the toolkit's codec, public id written as Windows writes it.
syncmldm::session::Codec make_codec();

// --trace: text to a file or stdout ("-"); off when no path is given.
class Trace {
 public:
  explicit Trace(const std::string& path);
  ~Trace();
  Trace(const Trace&) = delete;
  Trace& operator=(const Trace&) = delete;
  bool on() const { return out_ != nullptr; }
  void write(const syncmldm::session::Exchange& exchange);

 private:
  std::FILE* out_ = nullptr;
  bool owned_ = false;
};

// --har: every exchange as a HAR 1.2 entry (har.cpp), secrets masked as in --trace.
class Har {
 public:
  explicit Har(const std::string& path);
  ~Har();
  Har(const Har&) = delete;
  Har& operator=(const Har&) = delete;
  bool on() const { return out_ != nullptr; }
  void write(const syncmldm::session::Exchange& exchange);

 private:
  std::FILE* out_ = nullptr;
  bool owned_ = false;
  struct Writer;
  std::unique_ptr<Writer> writer_;
};

// One -w line (a JSON document) to stdout or --write-out-file, opened (emptied) at the first line.
void print_write_out(const Options& o, const std::string& line);
// A URL without "scheme://" goes as http://, as libcurl would guess: made so, with a warning.
std::string with_scheme(const std::string& url);

// ---- the modes

int run_single(const Options& o);   // single.cpp: one package, its reply on stdout
int run_session(const Options& o);  // session.cpp: whole client sessions against --state
// enrolled.cpp: the options completed from the state's enrolment (server, client certificate,
// encoding, package 1 of an enrolled Windows device); unchanged for a state without one.
Options with_enrolment(const Options& o, const syncmldm::tree::Tree& tree);

}  // namespace dm_send
