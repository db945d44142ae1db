// dm-send: talk to an OMA DM server over HTTP(S). Sends one package and prints the reply, or
// plays a whole client session against a DM tree state (--session). The parts live in dm-send/.
#include <string>

#include "common/app.hpp"
#include "common/options.hpp"
#include "dm-send/dm_send.hpp"

namespace {

using dm_send::Options;

// One value per -H: "-H 'X: 1' URL" must not take the URL as a second header. A CR or LF would
// end the header and start another one (or the body) of the attacker's choosing.
std::string one_line(const std::string& v) {
  return v.find_first_of("\r\n") == std::string::npos ? std::string() : std::string("a header must not contain CR or LF");
}

void add_http_options(CLI::App& app, Options& o) {
  app.add_option("-H,--header", o.headers, "Extra HTTP header 'Name: value' (repeatable)")
      ->allow_extra_args(false)->check(one_line)->option_text("HEADER")->group("HTTP options");
  app.add_option("-A,--user-agent", o.user_agent, "User-Agent header (default: syncml-dm-tools dm-send/VERSION)")
      ->check(one_line)->option_text("TEXT")->group("HTTP options");
  tools::add_timeout_options(app, o.connect_timeout, o.max_time);
  app.add_option("--retry", o.retry, "Retry HTTP 429 replies up to N times, waiting as Retry-After says (default 3)")
      ->check(CLI::Range(0, 100))->option_text("N")->group("HTTP options");
  app.add_option("--max-reply-size", o.max_reply_size, "Refuse replies larger than BYTES (default 16 MiB)")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 31))->option_text("BYTES")->group("HTTP options");
}

void add_session_options(CLI::App& app, Options& o) {
  app.add_flag("--session", o.session, "Play a whole DM client session against --state")->group("Session options");
  app.add_option("--state", o.state, "DM tree state (TNDS); created with the standard objects when missing, saved at the end")
      ->option_text("FILE")->group("Session options");
  app.add_option("--ddf", o.ddf, "DDF file or folder describing the tree (repeatable)")
      ->option_text("FILE")->allow_extra_args(false)->group("Session options");
  app.add_flag("--server-initiated", o.server_initiated, "Start with Alert 1200 (answering a notification) instead of 1201")
      ->group("Session options");
  app.add_option("--trigger", o.trigger,
                 "Answer this package 0 (raw, hex, Base64 or WAP push): Alert 1200 and its session id, once its "
                 "digest verifies against the state's DM account")
      ->option_text("FILE")->group("Session options");
  app.add_flag("--no-verify", o.no_verify, "With --trigger: do not check the digest")->group("Session options");
  app.add_option("--session-id", o.session_id, "SyncHdr SessionID (default: a fresh number)")->option_text("ID")->group("Session options");
  app.add_option("--login-status", o.login_status, "Add the Windows 1224 LoginStatus alert: user, others or none")
      ->check(CLI::IsMember({"user", "others", "none"}))->option_text("WHO")->group("Session options");
  app.add_option("--max-rounds", o.max_rounds, "Abort with Alert 1223 after N server packages (default 50)")
      ->check(CLI::Range(1, 100000))->option_text("N")->group("Session options");
  app.add_flag("--no-save", o.no_save, "Do not save the tree when the session ends")->group("Session options");
  tools::add_lock_timeout_option(app, o.state_file)->group("Session options");
  app.get_option("--force")->description("Write binary output even to a terminal; with --session, replace a read-only --state");
  app.add_option("--device-id", o.device_id, "Device id (./DevInfo/DevId and SyncHdr Source)")->option_text("ID")->group("Session options");
  app.add_option("--repeat", o.repeat,
                 "Play N sessions one after another over one connection, each from the state as loaded; "
                 "the last one's tree is saved (load testing)")
      ->check(CLI::Range(1, 100000000))->option_text("N")->group("Session options");
  app.add_option("--server-id", o.server_id, "Server id for ACL checks (default: ACLs not enforced, as on Windows)")
      ->option_text("ID")->group("Session options");
  app.add_option("--allow-respuri-host", o.respuri_hosts,
                 "Follow a RespURI to HOST over HTTPS (repeatable; by default only the same host is followed, "
                 "and never from HTTPS to HTTP)")
      ->allow_extra_args(false)->option_text("HOST")->group("Session options");
}

// Session options make sense only with --session, and --session sends no FILE.
void check_modes(CLI::App& app, const Options& o) {
  for (auto* name : {"--state", "--ddf", "--server-initiated", "--session-id", "--login-status", "--max-rounds",
                     "--repeat", "--no-save", "--device-id", "--server-id", "--allow-respuri-host", "--trigger"})
    if (!o.session && app.get_option(name)->count() > 0)
      throw CLI::ValidationError(std::string(name) + " needs --session");
  if (!o.session && app.get_option("--lock-timeout")->count() > 0) throw CLI::ValidationError("--lock-timeout needs --session");
  if (o.no_verify && o.trigger.empty()) throw CLI::ValidationError("--no-verify needs --trigger");
  if (!o.trigger.empty() && !o.session_id.empty()) throw CLI::ValidationError("--trigger sets the SessionID: no --session-id");
  if (o.session && (app.get_option("FILE")->count() > 0 || o.offline))
    throw CLI::ValidationError("--session takes no FILE and no --offline");
  if (!o.session && o.url.empty()) throw CLI::ValidationError("URL is required");
  if (!o.write_out_file.empty() && o.write_out.empty()) throw CLI::ValidationError("--write-out-file needs -w json");
  if (o.session && (o.indent || o.compact)) throw CLI::ValidationError("--session prints no reply: no --indent or --compact");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Send SyncML DM messages to a server over HTTP(S), or play a whole DM client session."};
  tools::configure_app(app, dm_send::kTool);
  Options o;
  app.add_option("URL", o.url, "Server URL (http:// or https://); with --session, default: the state's DM account address");
  app.add_option("FILE", o.input, "Package to send (XML or WBXML; '-' or absent: standard input)");
  tools::add_input_format_option(app, o.input_format);
  tools::add_output_options(app, o.output, true);
  tools::add_verbosity_options(app);
  add_http_options(app, o);
  tools::add_tls_options(app, o.tls);
  tools::add_auth_options(app, o.auth);
  app.add_option("--nonce-file", o.nonce_file, "Read the MD5/HMAC nonce from FILE and save the server's NextNonce there")
      ->option_text("FILE")->group("Authentication options");
  app.add_flag("--offline", o.offline, "Print the request (headers and body) instead of sending it");
  app.add_flag("--fail-on-status", o.fail_on_status, "Exit 1 when a Status in the reply is 400 or above");
  app.add_flag("--wbxml", o.wbxml, "Send WBXML (application/vnd.syncml.dm+wbxml)");
  app.add_option("--trace", o.trace, "Write every request and reply (headers, decoded bodies; secrets masked) to FILE or '-'")
      ->option_text("FILE");
  app.add_option("--har", o.har, "Write every exchange to FILE as HAR 1.2 (headers, bodies, timings; secrets masked)")
      ->option_text("FILE");
  app.add_option("-w,--write-out", o.write_out, "Print a summary after the reply: json")
      ->check(CLI::IsMember({"json"}))->option_text("FORMAT");
  app.add_option("--write-out-file", o.write_out_file, "Write the -w summary to FILE instead of stdout ('-' is stderr)")
      ->option_text("FILE");
  tools::exclusive(app.add_flag("--indent", o.indent, "Print the reply indented (the default on a terminal)"),
                   app.add_flag("--compact", o.compact, "Print the reply on one line, without indentation"));
  add_session_options(app, o);
  tools::examples(app, {"dm-send --offline package1.xml",
                        "dm-send --user admin --password-file pw.txt https://dm.example.com/dm package1.xml",
                        "dm-send --session --state device.tnds https://dm.example.com/dm"});
  return tools::run_main(app, argc, argv, [&] {
    check_modes(app, o);
    o.url = dm_send::with_scheme(o.url);
    return o.session ? dm_send::run_session(o) : dm_send::run_single(o);
  });
}
