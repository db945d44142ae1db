#pragma once
// dm-trace's parts: options, tshark run as a child process, --extract.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/options.hpp"
#include "syncmldm/trace/capture.hpp"
#include "syncmldm/trace/session.hpp"

namespace dm_trace {

inline constexpr const char* kTool = "dm-trace";

struct Options {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string format = "text";
  bool full = false, failed = false, validate = false;
  std::string session, grep, extract, tls_keylog, profile = "windows";
  int port = 0;
  tools::OutputOptions output;
  tools::ColorOptions color;
};

// tshark reading a pcap: its standard output as a Source; wait() checks how it ended.
class Tshark {
 public:
  // Starts `tshark` from PATH. Throws Error{input} naming the Debian package when it is missing.
  Tshark(const std::string& pcap, const std::string& keylog, int port);
  ~Tshark();
  syncmldm::trace::Source& source() { return *source_; }
  // Waits for tshark; throws Error{input} with its own message when it failed.
  void wait();

 private:
  int pid_ = -1;
  int out_ = -1;
  std::FILE* errors_ = nullptr;
  std::string pcap_;
  std::unique_ptr<syncmldm::trace::Source> source_;
};

// --extract DIR: every message as its own XML file, named by session and MsgID.
class Extractor {
 public:
  explicit Extractor(std::string dir);
  void write(const syncmldm::trace::DecodedMessage& message);
  std::size_t written() const { return written_; }

 private:
  std::string dir_;
  std::set<std::string> used_;  // names given in this run (a file of an earlier run is replaced)
  std::size_t written_ = 0;
};

}  // namespace dm_trace
