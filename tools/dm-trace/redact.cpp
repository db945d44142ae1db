// dm-trace --redact: a shareable copy of a capture, in the capture's own format; a pcap becomes
// an HTTP stream of the messages tshark found in it (their bodies; no other header is kept).
#include <fmt/format.h>

#include "common/exit_codes.hpp"
#include "common/messages.hpp"
#include "common/output.hpp"
#include "dm-trace/dm_trace.hpp"
#include "dm-trace/trace_parts.hpp"
#include "syncmldm/redact/redact.hpp"
#include "syncmldm/trace/capture.hpp"
#include "syncmldm/util/atomic_file.hpp"

namespace dm_trace {

namespace {

using namespace syncmldm;

// The messages of a pcap as HTTP requests (the device's) and responses (the server's).
std::string pcap_as_http(const std::string& path, const std::string& keylog, int port) {
  std::string stream;
  auto sink = [&](trace::Record&& r) {
    std::string type = r.content_type.empty() ? "application/vnd.syncml.dm+xml" : r.content_type;
    if (r.side == trace::Side::server) {
      stream += "HTTP/1.1 200 OK\r\n";
    } else {
      stream += fmt::format("POST {} HTTP/1.1\r\n", r.url.empty() ? std::string("/") : r.url);
    }
    stream += fmt::format("Content-Type: {}\r\nContent-Length: {}\r\n\r\n", type, r.body.size());
    stream += r.body;
  };
  auto note = [](const trace::Note& n) { tools::print_note(kTool, n.place.empty() ? n.text : n.place + ": " + n.text); };
  Tshark tshark(path, keylog, port);
  trace::ReadOptions ro;
  ro.format = trace::CaptureFormat::tshark;
  try {
    trace::read_capture(tshark.source(), ro, sink, note);
  } catch (const Error&) {
    tshark.wait();
    throw;
  }
  tshark.wait();
  if (stream.empty()) throw Error(ErrorKind::input, "no SyncML message found in the capture", Location{path});
  return stream;
}

}  // namespace

int run_redact(const std::string& input, const tools::OutputOptions& output, bool ids, const std::string& keylog,
               int port) {
  std::string bytes = read_file(input);
  if (trace::sniff_capture(std::string_view(bytes).substr(0, 4)) == trace::CaptureFormat::pcap) {
    if (input == "-") throw Error(ErrorKind::usage, "--redact of a pcap needs it as a file (tshark reads it)");
    bytes = pcap_as_http(input, keylog, port);
    tools::print_note(kTool, input + ": a pcap is written as an HTTP stream of its messages");
  }
  redact::Options options;
  options.ids = ids;
  redact::Format format = redact::sniff(bytes, input);
  redact::Result r = redact::any(bytes, options, input);
  for (const auto& n : r.notes) tools::print_note(kTool, input + ": " + n);
  if (tools::verbosity() > 0)
    tools::print_note(kTool, fmt::format("{}: {}, {} value{} redacted", input, redact::format_name(format), r.redacted,
                                         r.redacted == 1 ? "" : "s"));
  bool binary = format == redact::Format::wbxml || r.bytes.find('\0') != std::string::npos;
  tools::write_output(output, r.bytes, binary);
  return tools::kExitOk;
}

}  // namespace dm_trace
