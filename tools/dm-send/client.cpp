// The client dm-send builds from its options: HTTP, credentials and nonce file, codec, trace.
#include <unistd.h>

#include <optional>

#include "common/messages.hpp"
#include "common/secret_file.hpp"
#include "common/session_codec.hpp"
#include "common/state_file.hpp"
#include "dm_send.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_send {

using syncmldm::Error;
using syncmldm::ErrorKind;
namespace auth = syncmldm::auth;
namespace net = syncmldm::net;
namespace session = syncmldm::session;

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

namespace {

std::optional<std::string> read_nonce_file(const std::string& path) {
  if (path.empty() || ::access(path.c_str(), F_OK) != 0) return std::nullopt;
  std::string text = tools::read_secret_file(path);
  auto b = text.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return std::nullopt;
  auto e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

}  // namespace

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

session::Codec make_codec() { return tools::session_codec(); }

void print_write_out(const Options& o, const std::string& line) {
  static std::FILE* out = nullptr;
  if (!out) {
    if (o.write_out_file.empty()) out = stdout;
    else if (o.write_out_file == "-") out = stderr;
    else if (!(out = std::fopen(o.write_out_file.c_str(), "w")))
      throw Error(ErrorKind::io, "cannot write the --write-out-file", {o.write_out_file});
  }
  if (std::fputs((line + "\n").c_str(), out) < 0 || std::fflush(out) != 0)
    throw Error(ErrorKind::io, "cannot write the -w summary", {o.write_out_file.empty() ? "-" : o.write_out_file});
}

std::string with_scheme(const std::string& url) {
  if (url.empty() || url.find("://") != std::string::npos) return url;
  tools::print_error(kTool, "warning: the URL " + url + " has no scheme: sent as http://" + url +
                                " (plain text); write https:// for TLS");
  return "http://" + url;
}

Trace::Trace(const std::string& path) {
  if (path.empty()) return;
  if (path == "-") {
    out_ = stdout;
  } else {
    out_ = std::fopen(path.c_str(), "w");
    if (!out_) throw Error(ErrorKind::io, "cannot write the trace file", {path});
    owned_ = true;
  }
}

Trace::~Trace() {
  if (owned_) std::fclose(out_);
}

void Trace::write(const session::Exchange& exchange) {
  if (!out_) return;
  std::string text = session::trace_text(exchange);
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

}  // namespace dm_send
