#pragma once
// Option groups of the tools that talk to servers: authentication (--auth, --user, password
// sources) and TLS (--cacert, --cert, --insecure, ...). Passwords are never taken from the
// command line: --password-file, the DM_PASSWORD environment variable, or a prompt on a terminal.

#include <string>

#include <CLI/CLI.hpp>

#include "syncmldm/net/net.hpp"

namespace tools {

struct AuthOptions {
  std::string scheme = "none";  // none|basic|md5|hmac
  std::string user;
  std::string password_file;
  bool literal_nonce = false;   // hash NextNonce as text instead of its decoded octets
};
void add_auth_options(CLI::App& app, AuthOptions& options);

// The password: from --password-file (one trailing newline removed), else DM_PASSWORD, else a
// prompt on the terminal without echo. Throws syncmldm::Error{usage} when none is available.
std::string read_password(const AuthOptions& options);

struct TlsCliOptions {
  syncmldm::net::TlsOptions tls;
  std::string key_password_file;
};
void add_tls_options(CLI::App& app, TlsCliOptions& options);
// The TLS settings with the key password read from --key-password-file.
syncmldm::net::TlsOptions resolve_tls(const TlsCliOptions& options);

// --connect-timeout and -m/--max-time, in seconds, bound to the tool's own fields (whose values
// are the defaults the help shows), in option group `group`.
void add_timeout_options(CLI::App& app, double& connect_timeout, double& max_time,
                         const std::string& group = "HTTP options");

// Reads a secret from a file, removing one trailing newline ("\n" or "\r\n").
std::string read_secret_file(const std::string& path);

}  // namespace tools
