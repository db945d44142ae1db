// dm-send: talk to an OMA DM server over HTTP(S). Sends one package and prints the reply, or
// plays a whole client session against a DM tree state (--session).
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <functional>
#include <time.h>
#include <memory>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/app.hpp"
#include "common/exit_codes.hpp"
#include "common/net_options.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "common/secret_file.hpp"
#include "common/state_file.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/auth/auth.hpp"
#include "syncmldm/codec/codec.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/net/net.hpp"
#include "syncmldm/net/session.hpp"
#include "syncmldm/tree/dm_account.hpp"
#include "syncmldm/tree/tnds.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/device/trigger_account.hpp"
#include "syncmldm/trigger/wap_push.hpp"

namespace {

using syncmldm::Error;
using syncmldm::ErrorKind;
namespace auth = syncmldm::auth;
namespace net = syncmldm::net;
namespace session = syncmldm::session;

constexpr const char* kTool = "dm-send";

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
  std::string write_out;
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
};

// ---------------------------------------------------------------- output helpers

// Writes trace text to a file or stdout ("-"); masked before it gets here.
class Trace {
 public:
  explicit Trace(const std::string& path) {
    if (path.empty()) return;
    if (path == "-") {
      out_ = stdout;
    } else {
      out_ = std::fopen(path.c_str(), "w");
      if (!out_) throw Error(ErrorKind::io, "cannot write the trace file", {path});
      owned_ = true;
    }
  }
  ~Trace() {
    if (owned_) std::fclose(out_);
  }
  bool on() const { return out_ != nullptr; }
  void write(std::string_view text) {
    if (!out_) return;
    std::fwrite(text.data(), 1, text.size(), out_);
    std::fflush(out_);
  }

 private:
  std::FILE* out_ = nullptr;
  bool owned_ = false;
};

std::string body_for_trace(std::string_view body, std::string_view xml) {
  // Show WBXML as its decoded XML: binary bytes would garble the terminal.
  if (!xml.empty()) return std::string(xml);
  bool binary = false;
  for (unsigned char c : body.substr(0, 512)) binary = binary || (c < 0x20 && c != '\n' && c != '\r' && c != '\t');
  if (binary) return fmt::format("[{} bytes of binary data]", body.size());
  if (body.size() > 64 * 1024) return std::string(body.substr(0, 64 * 1024)) + fmt::format("\n[... {} more bytes]", body.size() - 64 * 1024);
  return std::string(body);
}

void trace_exchange(Trace& trace, const session::Exchange& ex) {
  if (!trace.on()) return;
  std::string text;
  text += "> " + ex.url + "\n";
  std::string head = ex.response.raw_request_headers;
  if (head.empty()) head = "POST " + ex.url + "\r\n";
  text += head;
  if (head.size() < 2 || head.substr(head.size() - 2) != "\r\n") text += "\r\n";
  text += body_for_trace(ex.request_body, ex.request_xml);
  text += "\n\n< " + std::to_string(ex.response.status) + fmt::format(" ({} ms)\n", ex.response.elapsed.count() / 1000);
  text += ex.response.raw_response_headers;
  text += body_for_trace(ex.response.body, ex.reply_xml);
  text += "\n\n";
  trace.write(net::mask_secrets(text));
}

// The request as it would go on the wire, for --offline (secrets masked).
std::string offline_request(const std::string& url, const std::string& content_type, const std::string& body,
                            const std::vector<std::string>& headers, const std::string& user_agent) {
  std::string path = url, host;
  if (auto scheme = url.find("://"); scheme != std::string::npos) {
    auto slash = url.find('/', scheme + 3);
    host = url.substr(scheme + 3, slash == std::string::npos ? std::string::npos : slash - scheme - 3);
    path = slash == std::string::npos ? "/" : url.substr(slash);
  }
  std::string out = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + user_agent + "\r\n";
  out += "Accept: " + std::string(net::kXmlMediaType) + ", " + std::string(net::kWbxmlMediaType) + "\r\n";
  out += "Content-Type: " + content_type + "\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  for (const auto& h : headers) out += h + "\r\n";
  out += "\r\n";
  return out;
}

// ---------------------------------------------------------------- option plumbing

net::HttpOptions http_options(const Options& o) {
  if (o.tls.tls.insecure)
    tools::print_error(kTool, "warning: --insecure: the server's certificate and name are not verified; "
                              "anyone on the way can read and change the traffic, credentials included");
  net::HttpOptions h;
  h.user_agent = o.user_agent;
  h.headers = o.headers;
  h.tls = tools::resolve_tls(o.tls);
  tools::warn_if_readable_by_others(kTool, o.tls.key_password_file, "--key-password-file");
  h.connect_timeout = std::chrono::milliseconds(static_cast<long long>(o.connect_timeout * 1000));
  h.max_time = std::chrono::milliseconds(static_cast<long long>(o.max_time * 1000));
  h.retries_on_429 = o.retry;
  h.max_response_bytes = o.max_reply_size;
  return h;
}

std::optional<std::string> read_nonce_file(const std::string& path) {
  if (path.empty() || ::access(path.c_str(), F_OK) != 0) return std::nullopt;
  std::string text = tools::read_secret_file(path);
  auto b = text.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return std::nullopt;
  auto e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

session::Credentials credentials(const Options& o) {
  session::Credentials c;
  c.scheme = *auth::parse_scheme_name(o.auth.scheme);
  if (c.scheme == auth::Scheme::none) return c;
  if (o.auth.user.empty()) throw CLI::ValidationError("--auth " + o.auth.scheme + " needs --user");
  c.user = o.auth.user;
  c.password = tools::read_password(o.auth);
  tools::warn_if_readable_by_others(kTool, o.auth.password_file, "--password-file");
  c.nonce_form = o.auth.literal_nonce ? auth::NonceForm::literal : auth::NonceForm::decoded;
  c.nonce = read_nonce_file(o.nonce_file);
  return c;
}

void save_nonce(const Options& o, const session::Credentials& c) {
  if (o.nonce_file.empty() || !c.nonce) return;
  tools::save_file(kTool, o.nonce_file, *c.nonce + "\n", true);
}

// ---------------------------------------------------------------- -v lines and summary

struct Totals {
  int messages_sent = 0, messages_received = 0;
  std::size_t bytes_sent = 0, bytes_received = 0;
  std::map<std::string, int> statuses;  // status code -> count (all Statuses received)
  long long ms = 0;
};

void count_statuses(Totals& totals, const std::string& xml) {
  // Cheap scan of Status/Data codes for the summary (the reply was already checked as SyncML).
  std::size_t pos = 0;
  while ((pos = xml.find("<Status>", pos)) != std::string::npos) {
    auto end = xml.find("</Status>", pos);
    auto data = xml.find("<Data>", pos);
    if (data != std::string::npos && end != std::string::npos && data < end) {
      auto close = xml.find("</Data>", data);
      if (close != std::string::npos && close < end) totals.statuses[xml.substr(data + 6, close - data - 6)]++;
    }
    pos = end == std::string::npos ? xml.size() : end;
  }
}

void verbose_line(const session::Exchange& ex, const session::ReplySummary* reply) {
  if (tools::verbosity() < 1) return;
  fmt::print(stderr, "{}: > {} bytes {}\n", kTool, ex.request_body.size(), ex.request_content_type);
  if (reply)
    fmt::print(stderr, "{}: < HTTP {} MsgID {}: header {}, {} commands, {} statuses ({} failed), {} results{}, {} bytes, {} ms\n",
               kTool, ex.response.status, reply->msg_id, reply->header_status.code, reply->commands, reply->statuses,
               reply->failed_statuses, reply->results, reply->final ? ", Final" : "", ex.response.body.size(),
               ex.response.elapsed.count() / 1000);
  else
    fmt::print(stderr, "{}: < HTTP {}: {} bytes, {} ms\n", kTool, ex.response.status, ex.response.body.size(),
               ex.response.elapsed.count() / 1000);
}

// ---------------------------------------------------------------- single package mode

// The package to send as XML: any input form the toolkit reads (XML, WBXML, hex, Base64, an
// HTTP capture), WBXML decoded.
std::string read_package(const Options& o, const session::Codec& codec) {
  auto payload = syncmldm::input::load(o.input, syncmldm::input::parse_format(o.input_format.format));
  if (payload.payload == syncmldm::input::Format::wbxml) return codec.decode(payload.bytes);
  return std::move(payload.bytes);
}

session::Codec make_codec() {
  session::Codec codec;
  codec.encode = [](std::string_view xml) {
    syncmldm::codec::EncodeOptions options;
    options.public_id = syncmldm::codec::PublicIdForm::string;  // as Windows writes it
    return syncmldm::codec::xml_to_wbxml(xml, "request", options);
  };
  codec.decode = [](std::string_view wbxml) {
    syncmldm::codec::DecodeOptions options;
    options.xml_declaration = false;
    return syncmldm::codec::wbxml_to_xml(wbxml, "reply", options);
  };
  return codec;
}

int run_single(const Options& o) {
  session::Codec codec = make_codec();
  std::string package = read_package(o, codec);
  session::summarize(package, o.input);  // rejects what is not SyncML before anything is sent

  if (o.offline) {
    auto creds = credentials(o);
    std::string body = package;
    std::vector<std::string> headers = o.headers;
    if (creds.scheme == auth::Scheme::basic)
      body = session::with_credentials(package, creds.user, auth::scheme_meta_type(creds.scheme),
                                       auth::basic_cred(creds.user, creds.password));
    else if (creds.scheme == auth::Scheme::md5 && creds.nonce)
      body = session::with_credentials(
          package, creds.user, auth::scheme_meta_type(creds.scheme),
          auth::md5_cred(creds.user, creds.password, auth::nonce_octets(*creds.nonce, creds.nonce_form)));
    std::string wire = o.wbxml ? codec.encode(body) : body;
    if (creds.scheme == auth::Scheme::hmac && creds.nonce)
      headers.push_back("x-syncml-hmac: " +
                        auth::hmac_header_value(creds.user, auth::hmac_mac(creds.user, creds.password,
                                                                           auth::nonce_octets(*creds.nonce, creds.nonce_form), wire)));
    auth::wipe(creds.password);
    std::string ua = o.user_agent.empty() ? net::default_user_agent() : o.user_agent;
    std::string type(o.wbxml ? net::kWbxmlMediaType : net::kXmlMediaType);
    std::string head = net::mask_secrets(offline_request(o.url, type, wire, headers, ua));
    if (o.wbxml) {
      // Binary, so refused on a terminal without --force; the Cred is masked before encoding.
      tools::write_output(o.output, head + codec.encode(net::mask_secrets(body)), true);
    } else {
      std::string text = head + net::mask_secrets(body);
      if (!text.empty() && text.back() != '\n') text += '\n';
      tools::write_output(o.output, text, false);
    }
    return tools::kExitOk;
  }

  Trace trace(o.trace);
  Totals totals;
  std::optional<session::Exchange> last;
  session::Channel channel(http_options(o), credentials(o), o.wbxml, codec);
  channel.observer = [&](const session::Exchange& ex) {
    trace_exchange(trace, ex);
    last = ex;
    totals.messages_sent++;
    totals.bytes_sent += ex.request_body.size();
    totals.bytes_received += ex.response.body.size();
    totals.ms += ex.response.elapsed.count() / 1000;
  };

  auto send = [&]() -> std::pair<session::Exchange, std::optional<session::ReplySummary>> {
    try {
      auto ex = channel.send(o.url, package);
      std::optional<session::ReplySummary> reply;
      if (!ex.reply_xml.empty()) reply = session::summarize(ex.reply_xml, "reply");
      verbose_line(ex, reply ? &*reply : nullptr);
      return {std::move(ex), std::move(reply)};
    } catch (const Error& e) {
      if (last) verbose_line(*last, nullptr);
      if (e.kind() == ErrorKind::transport && last && !last->response.body.empty()) {
        // Show what the server said; decoded when it is SyncML.
        std::string shown = last->reply_xml.empty() ? body_for_trace(last->response.body, "") : last->reply_xml;
        std::fwrite(shown.data(), 1, shown.size(), stdout);
        if (!shown.empty() && shown.back() != '\n') std::fputc('\n', stdout);
      }
      throw;
    }
  };

  auto [ex, reply] = send();
  auto scheme = channel.credentials().scheme;
  auto challenged = [](const std::optional<session::ReplySummary>& r) {
    return r && (r->header_status.code == 401 || r->header_status.code == 407);
  };
  if (challenged(reply)) {
    const auto& hs = reply->header_status;
    if (hs.chal && *hs.chal != scheme && scheme != auth::Scheme::none && hs.chal_type.size())
      throw Error(ErrorKind::auth, fmt::format("the server asks for {} but --auth is {}", hs.chal_type, auth::scheme_name(scheme)));
    if (scheme == auth::Scheme::none)
      throw Error(ErrorKind::auth, fmt::format("the server requires authentication ({}, header status {}); give --auth",
                                               hs.chal_type.empty() ? "no challenge" : hs.chal_type, hs.code));
    if (!hs.chal) throw Error(ErrorKind::auth, fmt::format("authentication refused (header status {}) without a challenge", hs.code));
    channel.note_header_status(hs);
    std::tie(ex, reply) = send();
    if (challenged(reply))
      throw Error(ErrorKind::auth, fmt::format("authentication refused after a retry (header status {})", reply->header_status.code));
  }
  if (reply) {
    channel.note_header_status(reply->header_status);
    save_nonce(o, channel.credentials());
    count_statuses(totals, ex.reply_xml);
  }
  std::string shown = ex.reply_xml;
  if (!shown.empty() && shown.back() != '\n') shown += '\n';
  tools::write_output(o.output, shown, false);
  if (o.write_out == "json") {
    nlohmann::json j;
    j["messages_sent"] = totals.messages_sent;
    j["bytes_sent"] = totals.bytes_sent;
    j["bytes_received"] = totals.bytes_received;
    j["http_status"] = ex.response.status;
    j["header_status"] = reply ? reply->header_status.code : 0;
    j["statuses"] = totals.statuses;
    j["time_ms"] = totals.ms;
    fmt::print("{}\n", j.dump());
  }
  if (o.fail_on_status && reply && reply->failed_statuses > 0) return tools::kExitFindings;
  return tools::kExitOk;
}

// ---------------------------------------------------------------- session mode

std::string now_stamp() {
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::strtoll(e, nullptr, 10));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// The tree of the session: the state file, or a fresh standard tree when it does not exist yet.
// --ddf files (with the standard objects) replace the schema the state carries.
syncmldm::tree::Tree load_tree(const Options& o) {
  std::shared_ptr<syncmldm::ddf::Schema> schema;
  if (!o.ddf.empty()) {
    schema = std::make_shared<syncmldm::ddf::Schema>();
    syncmldm::ddf::load_text(*schema, syncmldm::ddf::standard_objects_ddf(), "<standard objects>");
    for (const auto& f : o.ddf) syncmldm::ddf::load_path(*schema, f);
  }
  if (::access(o.state.c_str(), F_OK) != 0) {
    if (!schema) {
      schema = std::make_shared<syncmldm::ddf::Schema>();
      syncmldm::ddf::load_text(*schema, syncmldm::ddf::standard_objects_ddf(), "<standard objects>");
    }
    syncmldm::tree::Identity id;
    if (!o.device_id.empty()) id.dev_id = o.device_id;
    id.mod = "dm-send";
    return syncmldm::tree::make_standard_tree(id, schema, now_stamp());
  }
  auto t = syncmldm::tnds::read_state(syncmldm::read_file(o.state), o.state);
  if (schema) t.set_schema(schema);
  if (!o.device_id.empty())
    if (auto* n = t.find("./DevInfo/DevId")) n->value = o.device_id;
  return t;
}

std::string default_session_id() {
  // Unique enough per client: the low bits of the clock mixed with the process id, 1..9999.
  auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
  return std::to_string(static_cast<unsigned long long>(ticks ^ (::getpid() * 2654435761ull)) % 9999 + 1);
}

std::string counts(const std::map<std::string, int>& m) {
  std::string out;
  for (const auto& [k, v] : m) out += (out.empty() ? "" : ", ") + fmt::format("{} {}", v, k);
  return out.empty() ? "-" : out;
}

// Process CPU time (user + system) in milliseconds, for the --repeat summary.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// SessionID of session `k` (0-based) of a --repeat run: a numeric first id counts up, any other
// id is used by every session.
std::string nth_session_id(const std::string& first, int k) {
  if (k == 0 || first.empty() || first.size() > 18 || first.find_first_not_of("0123456789") != std::string::npos)
    return first;
  return std::to_string(std::stoull(first) + static_cast<unsigned long long>(k));
}

nlohmann::json session_json(const std::string& session_id, const session::SessionSummary& summary) {
  nlohmann::json j;
  j["session_id"] = session_id;
  j["end"] = summary.end;
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
  if (tools::verbosity() < 0 || summary.end == "completed") return;
  tools::print_note(kTool, summary.end == "max-rounds"
                               ? fmt::format("session aborted after {} rounds (--max-rounds)", summary.rounds)
                           : summary.end == "refused"
                               ? fmt::format("the server refused the session (header status {})", summary.refused_code)
                               : std::string("the server aborted the session (Alert 1223)"));
}

// Totals of a --repeat run.
struct RepeatTotals {
  int sessions = 0, completed = 0, messages_sent = 0, messages_received = 0;
  std::size_t bytes_sent = 0, bytes_received = 0;
  std::map<std::string, int> ends;
  bool failed = false;
};

// --trigger: the device checks package 0 against its DM account, then answers with Alert 1200
// and the trigger's session id. The SessionID to use, or "" without --trigger.
std::string answer_trigger(const Options& o, const syncmldm::tree::Tree& tree) {
  if (o.trigger.empty()) return "";
  auto in = syncmldm::input::unwrap_binary(syncmldm::read_file(o.trigger), o.trigger);
  auto received = syncmldm::trigger::receive(in.bytes, o.trigger);
  if (!o.no_verify) syncmldm::device::verify_trigger(tree, received.message, received.notification);
  return syncmldm::trigger::session_id_text(received.notification.session_id);
}

int run_session(const Options& o) {
  if (o.state.empty()) throw CLI::ValidationError("--session needs --state STATE.tnds");
  session::Codec codec = make_codec();
  // Locked from loading to saving, so that a concurrent session on the same state waits for this one.
  std::optional<tools::StateUpdate> update;
  if (!o.no_save) update.emplace(o.state, o.state_file, o.output.force);
  auto loaded = load_tree(o);
  std::string trigger_session = answer_trigger(o, loaded);
  Options with_url = o;  // no URL: the server address of the state's DM account (after a bootstrap)
  if (o.url.empty()) {
    std::string why;
    auto address = syncmldm::tree::dm_server_address(loaded, o.server_id, &why);
    if (!address) throw CLI::ValidationError("no URL given and " + why);
    with_url.url = *address;
    tools::print_note(kTool, "server " + with_url.url + " from the state's DM account");
  }
  const Options& o2 = with_url;
  Trace trace(o.trace);
  net::HttpOptions http = http_options(o);
  http.record_request_head = trace.on();
  // One channel for every session of a --repeat run: the connection (and TLS session) is reused,
  // and the nonce goes on from session to session as a device's would.
  session::Channel channel(std::move(http), credentials(o), o.wbxml, codec);
  channel.observer = [&](const session::Exchange& ex) { trace_exchange(trace, ex); };
  session::ClientOptions co;
  co.url = o2.url;
  co.server_initiated = o.server_initiated || !trigger_session.empty();
  co.login_status = o.login_status;
  co.max_rounds = o.max_rounds;
  co.server_id = o.server_id;
  co.respuri_hosts = o.respuri_hosts;
  co.now = now_stamp();
  auto on_message = [&](const session::MessageEvent& ev) {
    if (tools::verbosity() < 1) return;
    if (ev.outgoing)
      fmt::print(stderr, "{}: > MsgID {}: {}; statuses {}{}, {} bytes\n", kTool, ev.msg_id, counts(ev.commands),
                 counts(ev.statuses), ev.final ? ", Final" : "", ev.bytes);
    else
      fmt::print(stderr, "{}: < MsgID {}: header {}; {}; statuses {}{}, {} bytes, {} ms\n", kTool, ev.msg_id,
                 ev.header_status, counts(ev.commands), counts(ev.statuses), ev.final ? ", Final" : "", ev.bytes, ev.ms);
  };
  std::function<void(const session::MessageEvent&)> on_message_fn;
  if (tools::verbosity() >= 1) on_message_fn = on_message;

  if (o.repeat <= 1) {
    co.session_id = !trigger_session.empty() ? trigger_session : o.session_id.empty() ? default_session_id() : o.session_id;
    auto summary = session::run_client(channel, loaded, co, on_message_fn);
    save_nonce(o, channel.credentials());
    bool saved = false;
    if (!o.no_save) {
      tools::save_state(kTool, o.state, loaded);
      saved = true;
    }
    note_session_end(summary);
    if (o.write_out == "json") {
      nlohmann::json j = session_json(co.session_id, summary);
      j["state_saved"] = saved;
      fmt::print("{}\n", j.dump());
    }
    if (summary.end != "completed") return tools::kExitFindings;
    if (o.fail_on_status && summary.failed) return tools::kExitFindings;
    return tools::kExitOk;
  }

  // --repeat: every session starts from the loaded tree; the last session's tree is saved.
  // glibc would give the heap top back and remap large blocks after every message of a long
  // run (brk/munmap with TLB flushes, then page faults again): keep the memory instead.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  std::string first_id = !trigger_session.empty() ? trigger_session : o.session_id.empty() ? default_session_id() : o.session_id;
  RepeatTotals totals;
  std::optional<syncmldm::tree::Tree> last;
  auto wall0 = std::chrono::steady_clock::now();
  double cpu0 = cpu_ms();
  for (int k = 0; k < o.repeat; ++k) {
    syncmldm::tree::Tree tree = loaded.clone();
    co.session_id = nth_session_id(first_id, k);
    channel.credentials().authenticated = false;  // a 212 holds for one session only
    auto t0 = std::chrono::steady_clock::now();
    auto summary = session::run_client(channel, tree, co, on_message_fn);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    ++totals.sessions;
    totals.completed += summary.end == "completed";
    totals.ends[summary.end]++;
    totals.messages_sent += summary.messages_sent;
    totals.messages_received += summary.messages_received;
    totals.bytes_sent += summary.bytes_sent;
    totals.bytes_received += summary.bytes_received;
    totals.failed = totals.failed || summary.failed;
    note_session_end(summary);
    if (tools::verbosity() >= 1)
      fmt::print(stderr, "{}: session {}/{} (SessionID {}): {}, {} messages sent, {} received, {} rounds, {} ms\n", kTool,
                 k + 1, o.repeat, co.session_id, summary.end, summary.messages_sent, summary.messages_received,
                 summary.rounds, ms);
    if (o.write_out == "json") {
      nlohmann::json j = session_json(co.session_id, summary);
      j["session"] = k + 1;
      fmt::print("{}\n", j.dump());
    }
    if (k + 1 == o.repeat) last = std::move(tree);
  }
  double cpu = cpu_ms() - cpu0;
  auto wall = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall0).count();
  save_nonce(o, channel.credentials());
  bool saved = false;
  if (!o.no_save && last) {
    tools::save_state(kTool, o.state, *last);
    saved = true;
  }
  if (tools::verbosity() >= 1)
    fmt::print(stderr,
               "{}: {} sessions ({} completed): {} messages sent, {} received, {} bytes sent, {} received, "
               "{:.0f} ms, CPU {:.1f} ms ({:.3f} ms per session)\n",
               kTool, totals.sessions, totals.completed, totals.messages_sent, totals.messages_received,
               totals.bytes_sent, totals.bytes_received, wall, cpu, cpu / totals.sessions);
  if (o.write_out == "json") {
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
    fmt::print("{}\n", nlohmann::json{{"total", j}}.dump());
  }
  if (totals.completed != totals.sessions) return tools::kExitFindings;
  if (o.fail_on_status && totals.failed) return tools::kExitFindings;
  return tools::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Send SyncML DM messages to a server over HTTP(S), or play a whole DM client session."};
  tools::configure_app(app, kTool);
  Options o;
  app.add_option("URL", o.url, "Server URL (http:// or https://); with --session, default: the state's DM account address");
  app.add_option("FILE", o.input, "Package to send (XML or WBXML; '-' or absent: standard input)");
  tools::add_input_format_option(app, o.input_format);
  tools::add_output_options(app, o.output, true);
  tools::add_verbosity_options(app);
  // One value per -H: "-H 'X: 1' URL" must not take the URL as a second header. A CR or LF would
  // end the header and start another one (or the body) of the attacker's choosing.
  auto one_line = [](const std::string& v) {
    return v.find_first_of("\r\n") == std::string::npos ? std::string() : std::string("a header must not contain CR or LF");
  };
  app.add_option("-H,--header", o.headers, "Extra HTTP header 'Name: value' (repeatable)")
      ->allow_extra_args(false)->check(one_line)->option_text("HEADER")->group("HTTP options");
  app.add_option("-A,--user-agent", o.user_agent, "User-Agent header (default: syncml-dm-tools dm-send/VERSION)")
      ->check(one_line)->option_text("TEXT")->group("HTTP options");
  app.add_option("--connect-timeout", o.connect_timeout, "Seconds to wait for a connection (default 10)")
      ->check(CLI::PositiveNumber)->option_text("SECONDS")->group("HTTP options");
  app.add_option("-m,--max-time", o.max_time, "Seconds one request may take (default 60)")
      ->check(CLI::PositiveNumber)->option_text("SECONDS")->group("HTTP options");
  app.add_option("--retry", o.retry, "Retry HTTP 429 replies up to N times, waiting as Retry-After says (default 3)")
      ->check(CLI::Range(0, 100))->option_text("N")->group("HTTP options");
  app.add_option("--max-reply-size", o.max_reply_size, "Refuse replies larger than BYTES (default 16 MiB)")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 31))->option_text("BYTES")->group("HTTP options");
  tools::add_tls_options(app, o.tls);
  tools::add_auth_options(app, o.auth);
  app.add_option("--nonce-file", o.nonce_file, "Read the MD5/HMAC nonce from FILE and save the server's NextNonce there")
      ->option_text("FILE")->group("Authentication options");
  app.add_flag("--offline", o.offline, "Print the request (headers and body) instead of sending it");
  app.add_flag("--fail-on-status", o.fail_on_status, "Exit 1 when a Status in the reply is 400 or above");
  app.add_flag("--wbxml", o.wbxml, "Send WBXML (application/vnd.syncml.dm+wbxml)");
  app.add_option("--trace", o.trace, "Write every request and reply (headers, decoded bodies; secrets masked) to FILE or '-'")
      ->option_text("FILE");
  app.add_option("-w,--write-out", o.write_out, "Print a summary after the reply: json")
      ->check(CLI::IsMember({"json"}))->option_text("FORMAT");
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
  // Session options make sense only with --session, and --session sends no FILE.
  auto check_modes = [&] {
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
  };
  return tools::run_main(app, argc, argv, [&] {
    check_modes();
    return o.session ? run_session(o) : run_single(o);
  });
}
