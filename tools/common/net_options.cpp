#include "net_options.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/resolve_entry.hpp"

namespace tools {

namespace {

// Reads one line from the controlling terminal with echo off; nullopt without a terminal.
std::optional<std::string> prompt_password(const std::string& prompt) {
  std::FILE* tty = std::fopen("/dev/tty", "r+");
  if (!tty) return std::nullopt;
  int fd = fileno(tty);
  if (!isatty(fd)) {
    std::fclose(tty);
    return std::nullopt;
  }
  termios old{};
  bool restore = tcgetattr(fd, &old) == 0;
  if (restore) {
    termios quiet = old;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  std::fputs(prompt.c_str(), tty);
  std::fflush(tty);
  std::string line;
  for (int c; (c = std::fgetc(tty)) != EOF && c != '\n';) {
    if (line.size() > 4096) break;
    line.push_back(static_cast<char>(c));
  }
  if (restore) tcsetattr(fd, TCSAFLUSH, &old);
  std::fputs("\n", tty);
  std::fclose(tty);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

void add_auth_options(CLI::App& app, AuthOptions& options) {
  app.add_option("--auth", options.scheme, "Authentication: none, basic, md5 (digest in Cred) or hmac (x-syncml-hmac)")
      ->check(CLI::IsMember({"none", "basic", "md5", "hmac"}))
      ->option_text("SCHEME")
      ->group("Authentication options");
  app.add_option("--user", options.user, "User name (sent as SyncHdr Source/LocName)")
      ->option_text("NAME")
      ->group("Authentication options");
  app.add_option("--password-file", options.password_file,
                 "Read the password from FILE (one trailing newline is dropped); otherwise DM_PASSWORD, "
                 "otherwise a prompt on the terminal")
      ->option_text("FILE")
      ->group("Authentication options");
  app.add_flag("--literal-nonce", options.literal_nonce,
               "Hash NextNonce as the Base64 text instead of its decoded octets (for peers that do)")
      ->group("Authentication options");
}

std::string read_secret_file(const std::string& path) {
  std::string secret = syncmldm::read_file(path, 64 * 1024);
  if (!secret.empty() && secret.back() == '\n') {
    secret.pop_back();
    if (!secret.empty() && secret.back() == '\r') secret.pop_back();
  }
  return secret;
}

std::string read_password(const AuthOptions& options) {
  if (!options.password_file.empty()) return read_secret_file(options.password_file);
  if (const char* env = std::getenv("DM_PASSWORD")) return env;
  if (auto typed = prompt_password("Password for " + options.user + ": ")) return *typed;
  throw syncmldm::Error(syncmldm::ErrorKind::usage,
                        "--auth " + options.scheme + " needs a password: give --password-file or set DM_PASSWORD");
}

void add_tls_options(CLI::App& app, TlsCliOptions& options) {
  auto& t = options.tls;
  app.add_option("--cacert", t.cacert, "Trust the CA certificates in this PEM file")->option_text("FILE")->group("TLS options");
  app.add_option("--capath", t.capath, "Trust the CA certificates in this folder (OpenSSL hashed names)")
      ->option_text("DIR")
      ->group("TLS options");
  app.add_option("--cert", t.cert, "Client certificate (PEM)")->option_text("FILE")->group("TLS options");
  app.add_option("--key", t.key, "Private key of the client certificate (PEM); default: the --cert file")
      ->option_text("FILE")
      ->group("TLS options");
  app.add_option("--key-password-file", options.key_password_file, "Read the passphrase of --key from FILE")
      ->option_text("FILE")
      ->group("TLS options");
  app.add_option("--pinnedpubkey", t.pinned_public_key,
                 "Accept only this server public key: a PEM/DER file or sha256//BASE64[;sha256//...]")
      ->option_text("KEY")
      ->group("TLS options");
  app.add_flag("-k,--insecure", t.insecure, "Do not verify the server certificate (testing only)")->group("TLS options");
  app.add_option("--resolve", t.resolve,
                 "Reach HOST at PORT on this literal IP ADDRESS instead of looking HOST up; TLS still checks "
                 "the name HOST (as curl's --resolve; repeatable)")
      ->check(CLI::Validator(
          [](std::string& entry) {
            try {
              syncmldm::check_resolve_entry(entry);
            } catch (const syncmldm::Error& e) {
              return e.message();
            }
            return std::string();
          },
          "HOST:PORT:ADDRESS"))
      ->allow_extra_args(false)
      ->option_text("HOST:PORT:ADDRESS")
      ->group("TLS options");
}

syncmldm::net::TlsOptions resolve_tls(const TlsCliOptions& options) {
  syncmldm::net::TlsOptions t = options.tls;
  if (!options.key_password_file.empty()) t.key_password = read_secret_file(options.key_password_file);
  return t;
}

void add_timeout_options(CLI::App& app, double& connect_timeout, double& max_time, const std::string& group) {
  auto seconds = [](double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return std::string(text);
  };
  app.add_option("--connect-timeout", connect_timeout,
                 "Seconds to wait for a connection (default " + seconds(connect_timeout) + ")")
      ->check(CLI::PositiveNumber)->option_text("SECONDS")->group(group);
  app.add_option("-m,--max-time", max_time, "Seconds one request may take (default " + seconds(max_time) + ")")
      ->check(CLI::PositiveNumber)->option_text("SECONDS")->group(group);
}

}  // namespace tools
