// dm-trace: whole DM sessions out of captured traffic (HAR, pcap through tshark, HTTP streams,
// dm-send traces, message files and folders), each server command beside the device's answer.
#include <sched.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "common/app.hpp"
#include "common/exit_codes.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "dm-trace/dm_trace.hpp"
#include "dm-trace/trace_parts.hpp"
#include "syncmldm/trace/render.hpp"
#include "syncmldm/trace/session.hpp"

using namespace syncmldm;

namespace dm_trace {

namespace {

void add_options(CLI::App& app, Options& o) {
  app.add_option("inputs", o.inputs, "Captures: HAR, pcap/pcapng, HTTP stream, dm-send trace, message files or folders; - for stdin")
      ->option_text("INPUT...");
  app.add_option("--input-format", o.input_format,
                 "auto (from the content), har, pcap, http, dmsend, messages, folder, tshark")
      ->check(CLI::IsMember({"auto", "har", "pcap", "http", "dmsend", "messages", "folder", "tshark"}))
      ->option_text("FORMAT");
  app.add_option("--format", o.format, "Output: text (default), json (one document), jsonl (a line per command)")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->option_text("FORMAT");
  app.add_flag("--full", o.full, "Show Data in full instead of cutting lines to the terminal's width");
  app.add_flag("--failed", o.failed, "Show only commands that failed (status not 2xx, or an HRESULT)");
  app.add_option("--session", o.session, "Show only the session with this SessionID")->option_text("ID");
  app.add_option("--grep", o.grep, "Show only commands whose target (or result source) matches the glob")
      ->option_text("URI-GLOB");
  app.add_flag("--validate", o.validate, "Check every message with dm-validate's rules and show the findings");
  app.add_option("--profile", o.profile, "Rules of --validate: windows (default) or oma")
      ->check(CLI::IsMember({"windows", "oma"}))
      ->option_text("NAME");
  app.add_option("--extract", o.extract, "Write every message as XML to DIR, named by session and MsgID")
      ->option_text("DIR");
  app.add_option("--tls-keylog", o.tls_keylog, "pcap: decrypt TLS with this key log (SSLKEYLOGFILE format)")
      ->option_text("FILE");
  app.add_option("--port", o.port, "pcap: decode this TCP port as HTTP (as HTTPS with --tls-keylog)")
      ->check(CLI::Range(1, 65535))
      ->option_text("N");
  tools::add_output_options(app, o.output, false);
  tools::add_color_option(app, o.color);
  tools::add_verbosity_options(app);
}

// The CPUs this process may run on (taskset, a container's cpuset), not those of the machine.
std::size_t usable_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<std::size_t>(CPU_COUNT(&set));
  return std::thread::hardware_concurrency();
}

std::size_t terminal_width() {
  if (const char* c = std::getenv("COLUMNS")) {
    int n = std::atoi(c);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  winsize ws{};
  if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

// Output in pieces of some 64 KiB: a session at a time would be a write each. Sessions are
// rendered straight into the buffer (buffer(), then done()).
class Writer {
 public:
  explicit Writer(const tools::OutputOptions& o) : out_(o, false) {}
  void add(std::string_view s) {
    buffer_ += s;
    done();
  }
  std::string& buffer() { return buffer_; }
  void done() {
    if (buffer_.size() >= (64u << 10)) flush();
  }
  void flush() {
    if (!buffer_.empty()) out_.write(buffer_);
    buffer_.clear();
  }
  void finish() {
    flush();
    out_.finish();
  }

 private:
  tools::OutputStream out_;
  std::string buffer_;
};

void note(const trace::Note& n) { tools::print_note(kTool, n.place.empty() ? n.text : n.place + ": " + n.text); }

// Reads one input into the builder.
void read_input(const Options& o, const std::string& path, trace::SessionBuilder& builder) {
  auto forced = *trace::parse_capture_format(o.input_format);
  auto sink = [&](trace::Record&& r) { builder.add(std::move(r)); };
  // The readers' notes go through the builder, which keeps them in their place among the notes
  // about the messages it decodes.
  auto note = [&](const trace::Note& n) { builder.note(n); };
  std::error_code ec;
  if (forced == trace::CaptureFormat::folder || (forced == trace::CaptureFormat::automatic && path != "-" &&
                                                  std::filesystem::is_directory(path, ec))) {
    trace::read_folder(path, sink, note);
    return;
  }
  trace::ReadOptions ro;
  ro.format = forced;
  if (forced == trace::CaptureFormat::automatic && path != "-") {
    // A pcap is recognised by its magic number, then handed to tshark.
    auto probe = trace::open_source(path);
    char magic[4];
    std::size_t got = 0;
    while (got < sizeof magic) {
      std::size_t n = probe->read(magic + got, sizeof magic - got);
      if (n == 0) break;
      got += n;
    }
    if (trace::sniff_capture(std::string_view(magic, got)) == trace::CaptureFormat::pcap) forced = trace::CaptureFormat::pcap;
  }
  if (forced == trace::CaptureFormat::pcap) {
    Tshark tshark(path, o.tls_keylog, o.port);
    ro.format = trace::CaptureFormat::tshark;
    try {
      trace::read_capture(tshark.source(), ro, sink, note);
    } catch (const Error&) {
      tshark.wait();  // tshark's own complaint says more than its missing output
      throw;
    }
    tshark.wait();
    return;
  }
  auto source = trace::open_source(path);
  trace::read_capture(*source, ro, sink, note);
}

int run(const Options& o) {
  if (o.inputs.empty()) throw CLI::RequiredError("INPUT (give a capture file, a folder, or - for standard input)");
  if ((!o.tls_keylog.empty() || o.port) && o.input_format != "auto" && o.input_format != "pcap") {
    throw CLI::ValidationError("--tls-keylog/--port", "only for pcap captures");
  }
  bool json = o.format == "json", jsonl = o.format == "jsonl";
  trace::Filter filter{o.failed, o.session, o.grep};
  trace::TextOptions text;
  text.width = terminal_width();
  text.full = o.full;
  text.color = (o.output.path.empty() || o.output.path == "-") && tools::use_color(o.color, STDOUT_FILENO);
  text.findings = o.validate;

  trace::BuildOptions bo;
  if (!o.full && !json && !jsonl) bo.max_data = std::max<std::size_t>(text.width * 4, 1024);
  bo.validate = o.validate;
  bo.validate_options.profile = *validate::parse_profile(o.profile);
  bo.decode_ahead = usable_cpus() > 1;

  Writer out(o.output);
  std::size_t shown = 0, failed_rows = 0, errors = 0;
  if (json) out.add("{\"sessions\": [");
  auto on_session = [&](trace::Session&& s) {
    for (const auto& m : s.messages) {
      for (const auto& d : m.findings) errors += d.severity == validate::Severity::error;
    }
    for (const auto& r : s.rows) {
      for (const auto& d : r.findings) errors += d.severity == validate::Severity::error;
    }
    if (!trace::wanted(s, filter)) return;
    for (const auto& r : s.rows) failed_rows += trace::wanted(r, filter) && trace::failed(r);
    std::string& buffer = out.buffer();
    if (json) {
      buffer += shown ? ",\n  " : "\n  ";
      trace::append_json(buffer, s, filter, o.validate);
    } else if (jsonl) {
      trace::append_jsonl(buffer, s, filter);
    } else {
      if (shown) buffer += '\n';
      trace::append_text(buffer, s, filter, text);
    }
    out.done();
    ++shown;
  };
  std::optional<Extractor> extractor;
  if (!o.extract.empty()) extractor.emplace(o.extract);
  trace::SessionBuilder::MessageSink on_message;
  if (extractor) on_message = [&](const trace::DecodedMessage& m) { extractor->write(m); };
  trace::SessionBuilder builder(bo, on_session, note, on_message);
  for (const auto& path : o.inputs) read_input(o, path, builder);
  builder.finish();
  if (json) out.add(shown ? "\n]}\n" : "]}\n");
  out.finish();
  if (builder.messages() == 0) {
    tools::print_error(kTool, "no SyncML message found in the input");
    return tools::kExitInput;
  }
  if (tools::verbosity() > 0) {
    tools::print_note(kTool, fmt::format("{} message{} read, {} skipped", builder.messages(),
                                         builder.messages() == 1 ? "" : "s", builder.skipped()));
  }
  if (extractor) tools::print_note(kTool, fmt::format("{} message files written to {}", extractor->written(), o.extract));
  if (errors > 0) return tools::kExitFindings;
  if (o.failed && failed_rows > 0) return tools::kExitFindings;
  return tools::kExitOk;
}

}  // namespace

}  // namespace dm_trace

int main(int argc, char** argv) {
  CLI::App app{"Rebuild DM sessions from captured traffic: each server command beside the device's Status and Results"};
  tools::configure_app(app, dm_trace::kTool);
  dm_trace::Options o;
  dm_trace::add_options(app, o);
  dm_trace::Parts parts;  // explain and --redact (explain.cpp, redact.cpp)
  dm_trace::add_parts(app, parts);
  tools::examples(app, {"dm-trace capture.har",
                        "dm-trace --failed --grep './Vendor/MSFT/Policy/*' capture.har",
                        "dm-trace --tls-keylog keys.log --port 8443 lab.pcapng",
                        "dm-trace explain 0x86000002 -2016345612",
                        "dm-trace --redact -o shareable.har capture.har"});
  tools::examples(*parts.explain, {"dm-trace explain 404 0x80180014"});
  return tools::run_main(app, argc, argv, [&] {
    if (auto done = dm_trace::run_parts(parts, o)) return *done;
    return dm_trace::run(o);
  });
}
