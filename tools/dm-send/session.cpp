// dm-send --session: whole DM client sessions against a tree state, once or --repeat times.
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/exit_codes.hpp"
#include "common/messages.hpp"
#include "common/output.hpp"
#include "dm_send.hpp"
#include "syncmldm/device/trigger_account.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/trigger/wap_push.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/ddf_load.hpp"
#include "syncmldm/tree/dm_account.hpp"
#include "syncmldm/tree/tnds.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/util/atomic_file.hpp"

namespace dm_send {

namespace {

namespace session = syncmldm::session;
using syncmldm::tree::Tree;

// The tree of the session: the state file, or a fresh standard tree when it does not exist yet.
// --ddf files (with the standard objects) replace the schema the state carries.
Tree load_tree(const Options& o) {
  std::shared_ptr<syncmldm::ddf::Schema> schema;
  if (!o.ddf.empty()) schema = syncmldm::ddf::load_schema(o.ddf);
  if (::access(o.state.c_str(), F_OK) != 0) {
    if (!schema) schema = syncmldm::ddf::load_schema({});
    syncmldm::tree::Identity id;
    if (!o.device_id.empty()) id.dev_id = o.device_id;
    id.mod = "dm-send";
    return syncmldm::tree::make_standard_tree(id, schema, tools::now_stamp());
  }
  auto t = syncmldm::tnds::read_state(syncmldm::input::read_text(o.state), o.state);
  if (schema) t.set_schema(schema);
  if (!o.device_id.empty())
    if (auto* n = t.find("./DevInfo/DevId")) n->value = o.device_id;
  return t;
}

std::string counts(const std::map<std::string, int>& m) {
  std::string out;
  for (const auto& [k, v] : m) out += (out.empty() ? "" : ", ") + fmt::format("{} {}", v, k);
  return out.empty() ? "-" : out;
}

// The -v line of one message; no listener at all below -v (a load test plays many sessions).
std::function<void(const session::MessageEvent&)> message_printer() {
  if (tools::verbosity() < 1) return {};
  return [](const session::MessageEvent& ev) {
    if (ev.outgoing)
      fmt::print(stderr, "{}: > MsgID {}: {}; statuses {}{}, {} bytes\n", kTool, ev.msg_id, counts(ev.commands),
                 counts(ev.statuses), ev.final ? ", Final" : "", ev.bytes);
    else
      fmt::print(stderr, "{}: < MsgID {}: header {}; {}; statuses {}{}, {} bytes, {} ms\n", kTool, ev.msg_id,
                 ev.header_status, counts(ev.commands), counts(ev.statuses), ev.final ? ", Final" : "", ev.bytes, ev.ms);
  };
}

nlohmann::json session_json(const std::string& session_id, const session::SessionSummary& summary) {
  nlohmann::json j;
  j["session_id"] = session_id;
  j["end"] = session::session_end_name(summary.end);
  j["messages_sent"] = summary.messages_sent;
  j["messages_received"] = summary.messages_received;
  j["rounds"] = summary.rounds;
  j["commands_received"] = summary.commands_received;
  j["statuses_sent"] = summary.statuses_sent;
  j["statuses_received"] = summary.statuses_received;
  j["chunks_sent"] = summary.chunks_sent;
  j["chunks_received"] = summary.chunks_received;
  j["execs"] = summary.execs;
  j["bytes_sent"] = summary.bytes_sent;
  j["bytes_received"] = summary.bytes_received;
  j["time_ms"] = summary.ms;
  return j;
}

void note_session_end(const session::SessionSummary& summary) {
  using session::SessionEnd;
  if (tools::verbosity() < 0 || summary.end == SessionEnd::completed) return;
  tools::print_note(kTool, summary.end == SessionEnd::max_rounds
                               ? fmt::format("session aborted after {} rounds (--max-rounds)", summary.rounds)
                           : summary.end == SessionEnd::refused
                               ? fmt::format("the server refused the session (header status {})", summary.refused_code)
                               : std::string("the server aborted the session (Alert 1223)"));
}

// Saves the nonce and, unless --no-save, the tree; true when the tree was saved.
bool save(const Options& o, const session::Channel& channel, const Tree& tree) {
  save_nonce(o, channel.credentials());
  if (o.no_save) return false;
  tools::save_state(kTool, o.state, tree);
  return true;
}

int exit_code(const Options& o, bool all_completed, bool failed) {
  if (!all_completed) return tools::kExitFindings;
  if (o.fail_on_status && failed) return tools::kExitFindings;
  return tools::kExitOk;
}

session::ClientOptions client_options(const Options& o) {
  session::ClientOptions co;
  co.url = o.url;
  co.server_initiated = o.server_initiated;
  if (!o.login_status.empty()) co.login_status = session::parse_login_status(o.login_status);
  co.max_rounds = o.max_rounds;
  co.server_id = o.server_id;
  co.respuri_hosts = o.respuri_hosts;
  co.package1_nodes = o.package1_nodes;
  co.login_status_format = !o.windows11_login_status;
  co.now = tools::now_stamp();
  return co;
}

int play_once(const Options& o, session::Channel& channel, session::ClientOptions& co, Tree& tree) {
  co.session_id = o.session_id.empty() ? session::fresh_session_id() : o.session_id;
  auto summary = session::run_client(channel, tree, co, message_printer());
  bool saved = save(o, channel, tree);
  note_session_end(summary);
  if (o.write_out == "json") {
    nlohmann::json j = session_json(co.session_id, summary);
    j["state_saved"] = saved;
    print_write_out(o, j.dump());
  }
  return exit_code(o, summary.end == session::SessionEnd::completed, summary.failed);
}

// After each session of a --repeat run: its -v line and its JSON line.
void report_session(const Options& o, int k, const std::string& session_id, const session::SessionSummary& summary,
                    long long ms) {
  note_session_end(summary);
  if (tools::verbosity() >= 1)
    fmt::print(stderr, "{}: session {}/{} (SessionID {}): {}, {} messages sent, {} received, {} rounds, {} ms\n", kTool,
               k + 1, o.repeat, session_id, session::session_end_name(summary.end), summary.messages_sent,
               summary.messages_received, summary.rounds, ms);
  if (o.write_out == "json") {
    nlohmann::json j = session_json(session_id, summary);
    j["session"] = k + 1;
    print_write_out(o, j.dump());
  }
}

void report_totals(const Options& o, const session::SessionTotals& totals, double wall, double cpu, bool saved) {
  if (tools::verbosity() >= 1)
    fmt::print(stderr,
               "{}: {} sessions ({} completed): {} messages sent, {} received, {} bytes sent, {} received, "
               "{:.0f} ms, CPU {:.1f} ms ({:.3f} ms per session)\n",
               kTool, totals.sessions, totals.completed, totals.messages_sent, totals.messages_received,
               totals.bytes_sent, totals.bytes_received, wall, cpu, cpu / totals.sessions);
  if (o.write_out != "json") return;
  nlohmann::json j;
  j["sessions"] = totals.sessions;
  j["completed"] = totals.completed;
  j["ends"] = totals.ends;
  j["messages_sent"] = totals.messages_sent;
  j["messages_received"] = totals.messages_received;
  j["bytes_sent"] = totals.bytes_sent;
  j["bytes_received"] = totals.bytes_received;
  j["time_ms"] = static_cast<long long>(wall);
  j["cpu_ms"] = cpu;
  j["cpu_ms_per_session"] = cpu / totals.sessions;
  j["state_saved"] = saved;
  print_write_out(o, nlohmann::json{{"total", j}}.dump());
}

// --repeat on a terminal: one line on stderr, rewritten at most ten times a second, erased at
// the end. Nothing when stderr is not a terminal, or with -q or -v (which print lines of their own).
class Progress {
 public:
  explicit Progress(int total) : total_(total), on_(tools::verbosity() == 0 && ::isatty(STDERR_FILENO) == 1) {}
  void update(int done, int completed) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double s = std::chrono::duration<double>(now - start_).count();
    fmt::print(stderr, "\r{}: session {}/{} ({} completed), {:.1f} s\x1b[K", kTool, done, total_, completed, s);
    std::fflush(stderr);
  }
  void finish() {
    if (on_) fmt::print(stderr, "\r\x1b[K");
  }

 private:
  int total_;
  bool on_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

// --repeat: every session starts from the loaded tree; the last session's tree is saved.
int play_repeated(const Options& o, session::Channel& channel, session::ClientOptions& co, const Tree& loaded) {
  // glibc would give the heap top back and remap large blocks after every message of a long
  // run (brk/munmap with TLB flushes, then page faults again): keep the memory instead.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  std::string first_id = o.session_id.empty() ? session::fresh_session_id() : o.session_id;
  auto on_message = message_printer();
  session::SessionTotals totals;
  std::optional<Tree> last;
  auto wall0 = std::chrono::steady_clock::now();
  double cpu0 = tools::cpu_ms();
  Progress progress(o.repeat);
  for (int k = 0; k < o.repeat; ++k) {
    Tree tree = loaded.clone();
    co.session_id = session::nth_session_id(first_id, k);
    channel.credentials().authenticated = false;  // a 212 holds for one session only
    auto t0 = std::chrono::steady_clock::now();
    auto summary = session::run_client(channel, tree, co, on_message);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    totals.add(summary);
    report_session(o, k, co.session_id, summary, ms);
    progress.update(k + 1, totals.completed);
    if (k + 1 == o.repeat) last = std::move(tree);
  }
  progress.finish();
  double cpu = tools::cpu_ms() - cpu0;
  auto wall = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall0).count();
  bool saved = last && save(o, channel, *last);
  report_totals(o, totals, wall, cpu, saved);
  return exit_code(o, totals.completed == totals.sessions, totals.failed);
}

// --trigger: the device checks package 0 against its DM account, then answers with Alert 1200
// and the trigger's session id. No URL: the server address of the state's DM account (after a
// bootstrap). The options the session is played with.
Options answer_trigger_and_find_server(const Options& o, const Tree& tree) {
  Options played = o;
  if (!o.trigger.empty()) {
    auto in = syncmldm::input::unwrap_binary(syncmldm::read_file(o.trigger), o.trigger);
    auto received = syncmldm::trigger::receive(in.bytes, o.trigger);
    if (!o.no_verify) syncmldm::device::verify_trigger(tree, received.message, received.notification);
    played.session_id = syncmldm::trigger::session_id_text(received.notification.session_id);
    played.server_initiated = true;
  }
  if (o.url.empty()) {
    std::string why;
    auto address = syncmldm::tree::dm_server_address(tree, o.server_id, &why);
    if (!address) throw CLI::ValidationError("no URL given and " + why);
    played.url = *address;
    tools::print_note(kTool, "server " + played.url + " from the state's DM account");
  }
  return played;
}

// One session, or --repeat sessions, over one channel.
int play(const Options& o, Tree& loaded) {
  Trace trace(o.trace);
  Har har(o.har);
  syncmldm::net::HttpOptions http = http_options(o);
  http.record_request_head = trace.on() || har.on();
  // One channel for every session of a --repeat run: the connection (and TLS session) is reused,
  // and the nonce goes on from session to session as a device's would.
  session::Channel channel(std::move(http), credentials(o), o.wbxml, make_codec());
  channel.observer = [&](const session::Exchange& ex) {
    trace.write(ex);
    har.write(ex);
  };
  session::ClientOptions co = client_options(o);
  if (o.repeat <= 1) return play_once(o, channel, co, loaded);
  return play_repeated(o, channel, co, loaded);
}

}  // namespace

int run_session(const Options& o) {
  if (o.state.empty()) throw CLI::ValidationError("--session needs --state STATE.tnds");
  // Locked from loading to saving, so that a concurrent session on the same state waits for this one.
  std::optional<tools::StateUpdate> update;
  if (!o.no_save) update.emplace(o.state, o.state_file, o.output.force);
  Tree loaded = load_tree(o);
  return play(answer_trigger_and_find_server(with_enrolment(o, loaded), loaded), loaded);
}

}  // namespace dm_send
