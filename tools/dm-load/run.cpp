// A load run: options to a schedule and identities, the driver, then the results written.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "common/clock.hpp"
#include "common/exit_codes.hpp"
#include "common/messages.hpp"
#include "dm_load.hpp"
#include "common/secret_file.hpp"
#include "common/session_codec.hpp"
#include "syncmldm/enroll/load_enrol.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/ddf_load.hpp"
#include "syncmldm/tree/tnds.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_load {

namespace {

namespace load = syncmldm::load;

std::atomic<int> g_signal{0};
extern "C" void on_signal(int sig) { g_signal.store(sig); }

// Ctrl-C and SIGTERM end the run with the results so far; the loop polls the flag.
void catch_signals() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
}

std::shared_ptr<const syncmldm::tree::Tree> template_tree(const Options& o) {
  if (!o.state_template.empty())
    return std::make_shared<syncmldm::tree::Tree>(
        syncmldm::tnds::read_state(syncmldm::input::read_text(o.state_template), o.state_template));
  auto schema = syncmldm::ddf::load_schema({});  // the standard objects
  syncmldm::tree::Identity id;
  id.mod = "dm-load";
  return std::make_shared<syncmldm::tree::Tree>(syncmldm::tree::make_standard_tree(id, schema, tools::now_stamp()));
}

std::chrono::microseconds micros(const std::string& text, const char* option) {
  if (text.empty()) return std::chrono::microseconds(0);
  return std::chrono::microseconds(static_cast<long long>(parse_seconds(text, option) * 1e6));
}

load::LoadOptions load_options(const Options& o, std::string& shard) {
  load::LoadOptions lo;
  auto& h = lo.http;
  h.user_agent = o.user_agent;
  h.headers = o.headers;
  h.tls = tools::resolve_tls(o.tls);
  h.connect_timeout = std::chrono::milliseconds(static_cast<long long>(o.connect_timeout * 1000));
  h.max_time = std::chrono::milliseconds(static_cast<long long>(o.max_time * 1000));
  h.record_request_head = false;
  if (h.tls.insecure) tools::print_note(kTool, "--insecure: the server certificate is not verified");
  if (o.enroll && !h.tls.cert.empty())
    throw CLI::ValidationError("--enroll gives each device the certificate it was issued: no --cert");
  // A certificate name with {n}: each device its own files, read when it connects.
  auto cert = load::Template::parse(h.tls.cert, "--cert");
  auto key = load::Template::parse(h.tls.key, "--key");
  if (key.varies() && !cert.varies()) throw CLI::ValidationError("--key names a file per device ({n}): so must --cert");
  if (cert.varies()) {
    lo.cert_file = std::move(cert);
    lo.key_file = std::move(key);
    h.tls.cert.clear();
    h.tls.key.clear();
  }

  auto& id = lo.identities;
  id.dev_id = load::Template::parse(o.dev_id, "--dev-id");
  id.user = load::Template::parse(o.auth.user, "--user");
  id.provider_id = load::Template::parse(o.provider_id, "--provider-id");
  if (!o.accounts.empty()) {
    id.accounts = load::read_accounts(syncmldm::read_file(o.accounts), o.accounts);
    if (!o.auth.user.empty() || !o.auth.password_file.empty())
      throw CLI::ValidationError("--accounts gives users and passwords: no --user or --password-file");
  }
  lo.credentials.scheme = syncmldm::auth::parse_scheme_name(o.auth.scheme).value_or(syncmldm::auth::Scheme::none);
  lo.credentials.nonce_form = o.auth.literal_nonce ? syncmldm::auth::NonceForm::literal : syncmldm::auth::NonceForm::decoded;
  bool enrol_password = o.enroll && o.token_file.empty();  // OnPremise enrolment
  if ((lo.credentials.scheme != syncmldm::auth::Scheme::none || enrol_password) && id.accounts.empty()) {
    // The password file holds a template too ("secret-{n}"), so that it stays off the command line.
    id.password = load::Template::parse(tools::read_password(o.auth), "password");
  }

  auto& s = lo.schedule;
  s.devices = o.devices;
  if (!o.shard.empty()) parse_shard(o.shard, s.shard_index, s.shard_count);
  shard = o.shard.empty() ? "" : fmt::format("{}/{}", s.shard_index, s.shard_count);
  s.rate = o.rate.empty() ? 0 : parse_rate(o.rate);
  s.ramp_up = micros(o.ramp_up, "--ramp-up");
  s.duration = micros(o.duration, "--duration");
  s.check_ins = o.check_ins ? o.check_ins : (o.duration.empty() ? 1 : 0);
  s.think_time = micros(o.think_time, "--think-time");
  s.concurrency = o.concurrency;
  s.max_errors = o.max_errors;
  if (s.ramp_up.count() > 0 && s.rate <= 0) throw CLI::ValidationError("--ramp-up needs --rate");

  lo.wbxml = o.wbxml;
  lo.keep_connections = o.keep_connections;
  if (o.wbxml || o.enroll) lo.codec = tools::session_codec();  // an enrolled account may ask for WBXML
  auto& c = lo.client;
  c.url = o.url;
  c.max_rounds = o.max_rounds;
  if (!o.login_status.empty()) c.login_status = syncmldm::session::parse_login_status(o.login_status);
  if (o.enroll) {  // enrolled devices check in as Windows does after enrolment (dm-send --state)
    if (o.login_status.empty()) {
      c.login_status = syncmldm::session::parse_login_status("user");
      c.login_status_format = false;
    }
    if (o.user_agent.empty()) h.user_agent = "MSFT OMA DM Client/1.2.0.1";
  }
  c.now = tools::now_stamp();
  lo.state = template_tree(o);
  lo.should_stop = [] { return g_signal.load() != 0; };
  if (!o.no_progress && tools::verbosity() >= 0 && ::isatty(STDERR_FILENO))
    lo.on_progress = [](const load::Progress& p) { fmt::print(stderr, "\r{}\x1b[K", progress_line(p)); };
  return lo;
}

// The enrolment phase: every device of the shard enrols before the sessions start.
load::Result enrol(const Options& o, load::LoadOptions& lo) {
  namespace enroll = syncmldm::enroll;
  if (o.discovery.empty()) throw CLI::ValidationError("--enroll needs --discovery URL");
  enroll::LoadEnrolOptions eo;
  eo.discovery_url = o.discovery;
  eo.http.tls = lo.http.tls;
  eo.http.connect_timeout = lo.http.connect_timeout;
  eo.http.max_time = lo.http.max_time;
  eo.http.user_agent = std::string(enroll::kUserAgent);
  eo.http.accept = "application/soap+xml";
  eo.http.record_request_head = false;
  if (!o.token_file.empty()) {
    eo.policy = enroll::AuthPolicy::federated;
    eo.token = load::Template::parse(tools::read_secret_file(o.token_file), "--token-file");
    tools::warn_if_readable_by_others(kTool, o.token_file, "--token-file");
  }
  eo.threads = o.enroll_threads;
  eo.shared_key = o.enroll_shared_key;
  if (lo.on_progress)
    eo.on_progress = [](std::uint64_t done, std::uint64_t failed, std::uint64_t total) {
      fmt::print(stderr, "\renrolling: {} of {} done, {} failed\x1b[K", done, total, failed);
    };
  load::Result r = enroll::enrol_devices(lo, eo);
  if (eo.on_progress) fmt::print(stderr, "\n");
  return r;
}

}  // namespace

int run_load(const Options& o) {
  if (!o.enroll && (!o.discovery.empty() || !o.token_file.empty() || o.enroll_shared_key))
    throw CLI::ValidationError("--discovery, --token-file and --enroll-shared-key are for --enroll");
  std::string shard;
  load::LoadOptions lo = load_options(o, shard);
  catch_signals();
  load::Result r;
  if (o.enroll) {
    load::Result e = enrol(o, lo);
    if (e.stopped.empty()) r = load::run(lo);  // a stopped enrolment leaves no time for sessions
    r.add_enrolment(e);
  } else {
    r = load::run(lo);
  }
  if (lo.on_progress) fmt::print(stderr, "\n");
  if (g_signal.load()) tools::print_note(kTool, "interrupted: writing the results so far");
  nlohmann::json doc = to_json(r, shard);
  if (!o.output.empty()) write_document(o.output, doc);
  if (o.write_out == "json") write_document("-", doc);
  else if (tools::verbosity() >= 0) fmt::print("{}", summary_text(r));
  if (r.stopped == "max-errors")
    tools::print_error(kTool, fmt::format("stopped after {} failed sessions{} (--max-errors)", r.failed(),
                                          o.enroll ? fmt::format(" and {} failed enrolments", r.enrolments["error"]) : ""));
  if (g_signal.load()) return 128 + g_signal.load();
  bool all_completed = r.interrupted == 0 && r.outcomes.size() <= 1 &&
                       (r.outcomes.empty() || r.outcomes.begin()->first == "completed");
  return all_completed && r.stopped.empty() && r.enroll_errors.empty() ? tools::kExitOk : tools::kExitFindings;
}

int run_merge(const Options& o) {
  if (o.inputs.empty()) throw CLI::ValidationError("merge needs RESULT.json files");
  load::Result merged;
  bool first = true;
  for (const auto& path : o.inputs) {
    nlohmann::json j;
    std::string text = syncmldm::read_file(path);
    try {
      j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      syncmldm::Location where;
      where.file = path;
      where.offset = e.byte > 0 ? e.byte - 1 : 0;
      throw syncmldm::Error(syncmldm::ErrorKind::input, "not JSON", where);
    }
    load::Result r = from_json(j, path);
    if (first) merged = std::move(r);
    else merged.merge(r);
    first = false;
  }
  nlohmann::json doc = to_json(merged, "");
  if (!o.output.empty()) write_document(o.output, doc);
  if (o.write_out == "json") write_document("-", doc);
  else if (tools::verbosity() >= 0) fmt::print("{}", summary_text(merged));
  return tools::kExitOk;
}

}  // namespace dm_load
