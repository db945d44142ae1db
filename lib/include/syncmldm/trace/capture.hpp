#pragma once
// Reading captured DM traffic: the messages of a HAR file, a raw HTTP stream, dm-send's trace,
// a file of several messages, a folder of message files, or tshark's view of a pcap. Each
// reader hands every message body it finds to a sink as a Record, in capture order, and
// never keeps more than the message at hand (a HAR is read in pieces). What it cannot use
// (a body that is not a message, Base64 that does not decode) is a Note; what makes the
// capture unreadable (truncated HAR, JSON that is not HAR) is an Error{input} with its place.
//
//   trace::read_capture(*trace::open_source("cap.har"), trace::CaptureFormat::automatic,
//                       [&](trace::Record&& r) { builder.add(std::move(r)); }, on_note);
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::trace {

enum class CaptureFormat {
  automatic,  // sniffed from the content (sniff_capture)
  har,        // HAR 1.2 (JSON)
  http,       // HTTP requests and responses one after another
  dmsend,     // dm-send --trace output
  messages,   // one or more SyncML messages (XML one after another; or one WBXML/hex/Base64)
  folder,     // a folder of message files, read in name order
  pcap,       // pcap/pcapng: read through tshark (see tshark_arguments)
  tshark,     // tshark's JSON output (-T json) of a capture's HTTP
};

// "auto", "har", "http", "dmsend", "messages", "folder", "pcap", "tshark".
std::string_view capture_format_name(CaptureFormat format);
// Inverse of capture_format_name; nullopt for anything else.
std::optional<CaptureFormat> parse_capture_format(std::string_view name);
// The format of a capture from its first bytes (a few KiB are enough); `messages` when nothing
// else fits (the message reader then says what is wrong).
CaptureFormat sniff_capture(std::string_view head);

// Who sent a message: the device (client: HTTP requests) or the server (HTTP responses).
enum class Side { unknown, client, server };
std::string_view side_name(Side side);  // "device", "server", "unknown"

// One message body as captured.
struct Record {
  std::string body;          // XML, WBXML, or what the capture held (not yet judged)
  std::string content_type;  // from the HTTP headers or HAR mimeType; "" when unknown
  Side side = Side::unknown;
  std::string place;         // "cap.har: entry 3 response", "log.txt: offset 812"
  std::string url;           // the request URL, when the capture says
  std::optional<double> ms;  // the exchange's time (request sent to response received)
  std::optional<double> started_ms;  // when the exchange started (ms since the epoch)
};

struct Note {
  std::string place;
  std::string text;
};

using RecordSink = std::function<void(Record&&)>;
using NoteSink = std::function<void(const Note&)>;

// Bytes read in pieces: a file, standard input ("-"), or a string.
class Source {
 public:
  virtual ~Source() = default;
  // Up to `size` bytes into `buffer`; 0 at the end. Throws Error{io}.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
  const std::string& name() const { return name_; }

 protected:
  explicit Source(std::string name) : name_(std::move(name)) {}

 private:
  std::string name_;
};
// Throws Error{io} naming the file when it cannot be opened.
std::unique_ptr<Source> open_source(const std::string& path);
std::unique_ptr<Source> string_source(std::string data, std::string name);

struct ReadOptions {
  CaptureFormat format = CaptureFormat::automatic;
  // A HAR entry (or any one message) larger than this is an Error{input}: memory stays bounded.
  std::size_t max_message_bytes = std::size_t{256} << 20;
};

// Reads the capture from `source` in `options.format` (sniffed when automatic; a folder is
// read with read_folder instead). Throws Error{input} for a capture that cannot be read,
// Error{usage} for `pcap` (tshark reads those: run it, then read its output as `tshark`).
void read_capture(Source& source, const ReadOptions& options, const RecordSink& sink, const NoteSink& notes);

// Every regular file of `folder` (not descending, hidden files left out) in name order, each one
// message (XML, WBXML, hex, Base64, or an HTTP message: a request is the device's, a response
// the server's). Unreadable files and files that are not messages are Notes.
void read_folder(const std::string& folder, const RecordSink& sink, const NoteSink& notes);

// The arguments (after the program name) that make tshark print what the `tshark` reader reads:
// the HTTP messages of `pcap_path` with their bodies, decrypted with `keylog` when not empty,
// with `port` (0: none) decoded as HTTP and as TLS carrying HTTP.
std::vector<std::string> tshark_arguments(const std::string& pcap_path, const std::string& keylog, int port);

}  // namespace syncmldm::trace
SYNCMLDM_API_END
