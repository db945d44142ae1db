// dm-load: many simulated devices, each with its own identity and tree, playing DM sessions
// against one server at a scheduled rate, with latency histograms that merge across shards.
#include <string>

#include "common/app.hpp"
#include "common/options.hpp"
#include "dm_load.hpp"

namespace {

using dm_load::Options;

std::string one_line(const std::string& v) {
  return v.find_first_of("\r\n") == std::string::npos ? std::string() : std::string("a header must not contain CR or LF");
}

void add_device_options(CLI::App& app, Options& o) {
  const char* g = "Device options";
  app.add_option("--devices", o.devices, "Number of simulated devices in the whole run (default 1)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000'000}))->option_text("N")->group(g);
  app.add_option("--dev-id", o.dev_id, "DevId template; {n} is the device number, {n:07} zero-padded (default IMEI:{n:015})")
      ->option_text("TEMPLATE")->group(g);
  app.add_option("--provider-id", o.provider_id, "Server id of the devices' DM account, for ACL checks (template)")
      ->option_text("TEMPLATE")->group(g);
  app.add_option("--accounts", o.accounts, "One 'USER PASSWORD' line per device (device n takes line n)")
      ->option_text("FILE")->group(g);
  app.add_option("--state-template", o.state_template,
                 "Every device starts from this tree (TNDS), shared until the server changes a device's tree "
                 "(default: the standard objects)")
      ->option_text("FILE")->group(g);
}

void add_enrol_options(CLI::App& app, Options& o) {
  const char* g = "Enrolment options";
  app.add_flag("--enroll", o.enroll,
               "Enrol every device first (discovery, policy, certificate request, a key of its own); its sessions "
               "then use its certificate and the server address of its provisioning")
      ->group(g);
  app.add_option("--discovery", o.discovery, "Discovery URL of the enrolment server (with --enroll)")
      ->option_text("URL")->group(g);
  app.add_option("--token-file", o.token_file,
                 "Federated enrolment: the security token template ({n}: the device number) from FILE")
      ->option_text("FILE")->group(g);
  app.add_option("--enroll-threads", o.enroll_threads, "Enrolments at once (default 8)")
      ->check(CLI::Range(1, 1024))->option_text("N")->group(g);
  app.add_flag("--enroll-shared-key", o.enroll_shared_key,
               "Load-test shortcut: one RSA key pair for all devices (each still gets its own certificate); "
               "default: a key of its own for each device, as Windows makes")
      ->group(g);
}

void add_schedule_options(CLI::App& app, Options& o) {
  const char* g = "Schedule options";
  app.add_option("-c,--concurrency", o.concurrency, "Sessions in flight at most in this process (default 10)")
      ->check(CLI::Range(1, 1'000'000))->option_text("C")->group(g);
  app.add_option("--rate", o.rate, "Session starts per second in the whole run: R, R/s, R/m or R/h (default: as fast "
                                   "as --concurrency allows)")
      ->option_text("R")->group(g);
  app.add_option("--ramp-up", o.ramp_up, "Grow the rate linearly from 0 over this time (30, 500ms, 2m, 1h)")
      ->option_text("TIME")->group(g);
  app.add_option("--duration", o.duration, "Start no session after this time")->option_text("TIME")->group(g);
  app.add_option("--check-ins", o.check_ins, "Sessions per device (default 1, or no limit with --duration)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000}))->option_text("K")->group(g);
  app.add_option("--think-time", o.think_time, "A device's pause between a reply and its next message")
      ->option_text("TIME")->group(g);
  app.add_option("--max-errors", o.max_errors, "Stop the run (exit 1, results written) after N failed sessions")
      ->option_text("N")->group(g);
  app.add_option("--shard", o.shard,
                 "Play every N-th device starting at I (I/N); with /N the index comes from JOB_COMPLETION_INDEX")
      ->option_text("I/N")->group(g);
}

void add_session_options(CLI::App& app, Options& o) {
  const char* g = "Session options";
  app.add_option("-H,--header", o.headers, "Extra HTTP header 'Name: value' (repeatable)")
      ->allow_extra_args(false)->check(one_line)->option_text("HEADER")->group(g);
  app.add_option("-A,--user-agent", o.user_agent, "User-Agent header")->check(one_line)->option_text("TEXT")->group(g);
  tools::add_timeout_options(app, o.connect_timeout, o.max_time, g);
  app.add_flag("--wbxml", o.wbxml, "Send WBXML")->group(g);
  app.add_flag("--keep-connections", o.keep_connections,
               "A device keeps its connection open between its sessions (default: a new connection per session)")
      ->group(g);
  app.add_option("--login-status", o.login_status, "Add the Windows 1224 LoginStatus alert: user, others or none")
      ->check(CLI::IsMember({"user", "others", "none"}))->option_text("WHO")->group(g);
  app.add_option("--max-rounds", o.max_rounds, "Abort a session with Alert 1223 after N server packages (default 50)")
      ->check(CLI::Range(1, 100000))->option_text("N")->group(g);
}

void add_output(CLI::App& app, Options& o) {
  app.add_option("-w,--write-out", o.write_out, "Print the result document instead of the summary: json")
      ->check(CLI::IsMember({"json"}))->option_text("FORMAT");
  app.add_option("-o,--output", o.output, "Write the result document (JSON) to FILE: complete or absent")
      ->option_text("FILE");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Play many simulated DM devices against one server, with latency histograms that merge across shards."};
  tools::configure_app(app, dm_load::kTool);
  Options o;
  app.add_option("URL", o.url, "Server URL (http:// or https://)");
  tools::add_verbosity_options(app);
  add_device_options(app, o);
  add_enrol_options(app, o);
  add_schedule_options(app, o);
  add_session_options(app, o);
  tools::add_auth_options(app, o.auth);
  app.get_option("--user")->description("User name template (SyncHdr Source/LocName); {n} is the device number");
  app.get_option("--password-file")
      ->description("Read the password template from FILE ({n}: the device number); otherwise DM_PASSWORD, otherwise a prompt");
  tools::add_tls_options(app, o.tls);
  app.get_option("--cert")->description("Client certificate (PEM); {n} in the name: each device its own file");
  app.get_option("--key")->description("Private key of the client certificate (PEM; {n} as in --cert); default: the --cert file");
  add_output(app, o);
  app.add_flag("--no-progress", o.no_progress, "No progress line (it is shown only on a terminal anyway)");
  Options m;
  auto* merge = app.add_subcommand("merge", "Merge result documents of shards into one, exactly");
  tools::examples(app, {"dm-load --devices 1000 --rate 50/s --check-ins 1 --cacert ca.pem -o run.json https://mdm.example/dm",
                        "dm-load --devices 10000 --rate 200/s --shard 0/2 -o s0.json https://mdm.example/dm",
                        "dm-load merge -o run.json s0.json s1.json",
                        "dm-load --enroll --discovery https://mdm.example/EnrollmentServer/Discovery.svc --devices 100 "
                        "--user 'user{n}@example.com' --password-file pw --cacert ca.pem -o run.json"});
  tools::examples(*merge, {"dm-load merge -o run.json s0.json s1.json"});
  merge->add_option("RESULT", m.inputs, "Result documents (dm-load -o)")->required()->option_text("RESULT.json...");
  merge->add_option("-w,--write-out", m.write_out, "Print the merged document instead of the summary: json")
      ->check(CLI::IsMember({"json"}))->option_text("FORMAT");
  merge->add_option("-o,--output", m.output, "Write the merged document to FILE")->option_text("FILE");
  return tools::run_main(app, argc, argv, [&] {
    if (merge->parsed()) return dm_load::run_merge(m);
    if (o.url.empty() && !o.enroll) throw CLI::ValidationError("URL is required (with --enroll: from each device's provisioning)");
    return dm_load::run_load(o);
  });
}
