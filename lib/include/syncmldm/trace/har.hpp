#pragma once
// Writing HAR 1.2 (the format browsers and proxies export, and dm-trace reads): one entry per
// HTTP exchange, written as it happens, so that a file cut short by a crash still holds every
// exchange before it (dm-trace reports the truncation with its place).
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::trace {

struct HarMessage {
  std::string start_line;  // "POST /dm HTTP/1.1" or "HTTP/1.1 200 OK"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type;
  std::string body;        // the bytes; written as text when valid UTF-8 without control bytes, else Base64
};

struct HarEntry {
  std::chrono::system_clock::time_point started;
  std::chrono::microseconds elapsed{0};  // request sent to response received
  std::string url;
  HarMessage request, response;
};

// The head of an HTTP message as text ("START LINE\r\nName: value\r\n...\r\n\r\n") split into
// its start line and headers; when it holds several heads (100 Continue, retries) the last.
HarMessage parse_head(std::string_view head);

class HarWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  // `creator` and `version` name the program that writes (HAR's log.creator).
  HarWriter(Sink sink, std::string creator, std::string version);
  void add(const HarEntry& entry);
  // Closes the entries array and the document.
  void finish();

 private:
  Sink sink_;
  std::size_t entries_ = 0;
  bool finished_ = false;
};

}  // namespace syncmldm::trace
SYNCMLDM_API_END
