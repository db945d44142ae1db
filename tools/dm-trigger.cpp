// dm-trigger: make and read OMA DM package 0 (the notification that starts a server-initiated
// session), optionally inside a WAP push PDU, and check its digest.
#include <cstdio>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/app.hpp"
#include "common/exit_codes.hpp"
#include "common/net_options.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "common/secret_file.hpp"
#include "syncmldm/auth/auth.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/trigger/trigger.hpp"
#include "syncmldm/trigger/wap_push.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/base64.hpp"

namespace {

using syncmldm::Error;
using syncmldm::ErrorKind;
namespace trigger = syncmldm::trigger;
constexpr const char* kTool = "dm-trigger";

struct Secrets {
  std::string password_file, nonce;
};

struct MakeOptions {
  std::string server_id, ui_mode = "not-specified", initiator = "server", vendor_hex, version = "1.2";
  std::string format = "binary";
  int session_id = 0;
  bool wap_push = false;
  Secrets secrets;
  tools::OutputOptions out;
};

struct ShowOptions {
  std::string path = "-", format = "text", digest_server_id;
  Secrets secrets;
};

std::string to_hex(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
  return out;
}

// --vendor-data: hex digits, optionally separated by spaces or colons.
std::string from_hex(const std::string& text) {
  std::string digits;
  for (char c : text)
    if (c != ' ' && c != ':') digits.push_back(c);
  if (digits.size() % 2 != 0 || digits.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
    throw CLI::ValidationError("--vendor-data", "needs an even number of hex digits");
  std::string out;
  for (std::size_t i = 0; i < digits.size(); i += 2) out.push_back(static_cast<char>(std::stoi(digits.substr(i, 2), nullptr, 16)));
  return out;
}

// The password and the nonce octets (--nonce is Base64, as NextNonce and AAuthData travel).
std::pair<std::string, std::string> read_secrets(const Secrets& s) {
  auto nonce = syncmldm::base64::decode(s.nonce);
  if (!nonce) throw CLI::ValidationError("--nonce", "is not valid Base64");
  tools::warn_if_readable_by_others(kTool, s.password_file, "--password-file");
  return {tools::read_secret_file(s.password_file), *nonce};
}

int run_make(const MakeOptions& o) {
  trigger::Notification n;
  n.server_id = o.server_id;
  n.session_id = static_cast<std::uint16_t>(o.session_id);
  n.ui_mode = *trigger::parse_ui_mode(o.ui_mode);
  n.initiator = *trigger::parse_initiator(o.initiator);
  n.version = *trigger::parse_version(o.version);
  n.vendor = from_hex(o.vendor_hex);
  auto [password, nonce] = read_secrets(o.secrets);
  std::string message = trigger::build(n, password, nonce);
  syncmldm::auth::wipe(password);
  if (o.wap_push) message = trigger::wrap_push(message);
  if (o.format == "hex")
    tools::write_output(o.out, to_hex(message) + "\n", false);
  else if (o.format == "base64")
    tools::write_output(o.out, syncmldm::base64::encode(message) + "\n", false);
  else
    tools::write_output(o.out, message, true);
  return tools::kExitOk;
}

// Bytes as text for a terminal: printable ASCII kept, anything else as \xNN.
std::string printable(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) out += (c >= 0x20 && c < 0x7F && c != '\\') ? std::string(1, static_cast<char>(c)) : fmt::format("\\x{:02x}", c);
  return out;
}

struct Shown {
  std::string container;
  std::optional<trigger::PushPdu> push;
  std::string message;
  trigger::Notification n;
  std::optional<bool> verified;
  std::optional<trigger::NonceMatch> match;
};

std::string render_text(const Shown& s) {
  const auto& n = s.n;
  std::string out = fmt::format("input:        {}{}\n", s.container, s.push ? " (WAP push PDU)" : "");
  if (s.push)
    out += fmt::format("push:         {}, {}; message at byte {}\n", s.push->content_type,
                       s.push->application_id.empty() ? "no application id" : s.push->application_id, s.push->body_offset);
  out += fmt::format("digest:       {}\n", to_hex(n.digest));
  out += fmt::format("version:      {} ({:010b})\n", trigger::version_text(n.version), n.version);
  out += fmt::format("ui-mode:      {} ({})\n", trigger::ui_mode_name(n.ui_mode), static_cast<int>(n.ui_mode));
  out += fmt::format("initiator:    {} ({})\n", trigger::initiator_name(n.initiator), static_cast<int>(n.initiator));
  out += fmt::format("future-use:   {}{}\n", n.future, n.future ? " (should be 0)" : "");
  out += fmt::format("session-id:   {} (SessionID {})\n", n.session_id, trigger::session_id_text(n.session_id));
  out += fmt::format("server-id:    {} ({} bytes)\n", printable(n.server_id), n.server_id.size());
  out += fmt::format("vendor-data:  {}\n", n.vendor.empty() ? "none" : fmt::format("{} ({} bytes)", to_hex(n.vendor), n.vendor.size()));
  if (s.verified)
    out += fmt::format("digest check: {}\n", !*s.verified ? "does not verify"
                                             : s.match == trigger::NonceMatch::given
                                                 ? "verified"
                                                 : fmt::format("verified with the reset nonce ({})", trigger::nonce_match_name(*s.match)));
  return out;
}

std::string render_json(const Shown& s) {
  const auto& n = s.n;
  nlohmann::json j;
  j["input"] = s.container;
  j["wap_push"] = nullptr;
  if (s.push)
    j["wap_push"] = {{"content_type", s.push->content_type}, {"application_id", s.push->application_id},
                     {"message_offset", s.push->body_offset}};
  j["digest"] = to_hex(n.digest);
  j["version"] = trigger::version_text(n.version);
  j["ui_mode"] = trigger::ui_mode_name(n.ui_mode);
  j["initiator"] = trigger::initiator_name(n.initiator);
  j["future_use"] = n.future;
  j["session_id"] = n.session_id;
  j["session_id_text"] = trigger::session_id_text(n.session_id);
  j["server_id"] = n.server_id;
  j["vendor_data"] = to_hex(n.vendor);
  j["digest_verified"] = s.verified ? nlohmann::json(*s.verified) : nlohmann::json(nullptr);
  j["nonce"] = s.match ? nlohmann::json(trigger::nonce_match_name(*s.match)) : nlohmann::json(nullptr);
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

int run_show(const ShowOptions& o) {
  if (o.secrets.password_file.empty() != o.secrets.nonce.empty())
    throw CLI::ValidationError("--password-file and --nonce", "go together (both verify the digest)");
  if (o.secrets.password_file == "-" && o.path == "-")
    throw CLI::ValidationError("--password-file", "and the message cannot both come from standard input");
  Shown s;
  auto in = syncmldm::input::unwrap_binary(syncmldm::read_file(o.path), o.path);
  s.container = in.container;
  auto received = trigger::receive(in.bytes, o.path);
  s.push = std::move(received.push);
  s.message = std::move(received.message);
  s.n = std::move(received.notification);
  if (!o.secrets.password_file.empty()) {
    auto [password, nonce] = read_secrets(o.secrets);
    std::string id = o.digest_server_id.empty() ? s.n.server_id : o.digest_server_id;
    s.match = trigger::verify_digest(s.message, id, password, nonce);
    s.verified = s.match.has_value();
    syncmldm::auth::wipe(password);
  }
  fmt::print("{}", o.format == "json" ? render_json(s) : render_text(s));
  if (s.verified == false) {
    tools::print_error(kTool, fmt::format("{}: the digest does not verify with this password and nonce", o.path));
    return tools::kExitFindings;
  }
  return tools::kExitOk;
}

void add_secret_options(CLI::App* cmd, Secrets& s, bool required) {
  auto* pw = cmd->add_option("--password-file", s.password_file, "File holding the server password (DMAcc SRVCRED AAuthSecret)")
                 ->option_text("FILE");
  auto* nonce = cmd->add_option("--nonce", s.nonce, "The nonce, Base64 (DMAcc SRVCRED AAuthData)")->option_text("B64");
  if (required) {
    pw->required();
    nonce->required();
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Make and read OMA DM package 0: the notification that makes a device start a server-initiated session."};
  tools::configure_app(app, kTool);
  tools::add_verbosity_options(app);
  app.require_subcommand(1);
  app.fallthrough();

  MakeOptions mk;
  auto* make = app.add_subcommand("make", "Write a notification message (binary, or as hex or Base64 text)");
  make->add_option("--server-id", mk.server_id, "Server identifier (DMAcc ServerID), at most 255 bytes")
      ->required()->option_text("ID")->check([](const std::string& v) { return v.size() > 255 ? std::string("longer than 255 bytes") : std::string(); });
  make->add_option("--session-id", mk.session_id, "Session id, 1 to 65535")->required()->check(CLI::Range(1, 65535))->option_text("N");
  add_secret_options(make, mk.secrets, true);
  make->add_option("--ui-mode", mk.ui_mode, "not-specified (default), background, informative, interactive")
      ->check(CLI::IsMember({"not-specified", "background", "informative", "interactive"}))->option_text("MODE");
  make->add_option("--initiator", mk.initiator, "server (default) or client")->check(CLI::IsMember({"server", "client"}))->option_text("WHO");
  make->add_option("--vendor-data", mk.vendor_hex, "Vendor-specific bytes after the header, in hex")->option_text("HEX");
  make->add_option("--notification-version", mk.version, "1.2 (default) or 1.1")->check(CLI::IsMember({"1.2", "1.1"}))->option_text("V");
  make->add_option("--format", mk.format, "binary (default), hex, base64")->check(CLI::IsMember({"binary", "hex", "base64"}))->option_text("FORMAT");
  make->add_flag("--wap-push", mk.wap_push, "Wrap the message in a WSP push PDU (application/vnd.syncml.notification)");
  tools::add_output_options(*make, mk.out, true);

  ShowOptions sh;
  auto* show = app.add_subcommand("show", "Print every field of a notification; check its digest with --password-file and --nonce");
  show->add_option("FILE", sh.path, "Raw, hex or Base64 message, or a WAP push PDU ('-' or absent: standard input)");
  show->add_option("--format", sh.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}))->option_text("FORMAT");
  add_secret_options(show, sh.secrets, false);
  show->add_option("--digest-server-id", sh.digest_server_id, "Server identifier in the digest (default: the message's)")
      ->option_text("ID");

  tools::examples(app, {"dm-trigger make --server-id srv --session-id 7 --password-file srv.pw --nonce AAAA -o t.bin",
                        "dm-trigger show --password-file srv.pw --nonce AAAA t.bin"});
  tools::examples(*make, {"dm-trigger make --server-id srv --session-id 7 --password-file srv.pw --nonce AAAA --format hex",
                          "dm-trigger make --server-id srv --session-id 7 --password-file srv.pw --nonce AAAA --wap-push -o t.bin"});
  tools::examples(*show, {"dm-trigger show t.bin", "dm-trigger show --format json --password-file srv.pw --nonce AAAA t.bin"});
  return tools::run_main(app, argc, argv, [&] { return make->parsed() ? run_make(mk) : run_show(sh); });
}
