// The bootstrap MAC: HMAC-SHA1 over the WBXML bytes, and the Content-Type parameters carrying it.
#include "syncmldm/auth/bootstrap.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>

#include "syncmldm/util/error.hpp"

namespace syncmldm::auth {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string hmac_sha1(std::string_view key, std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
            data.size(), md, &len))
    throw Error(ErrorKind::input, "HMAC-SHA1 is not available from the crypto library");
  return std::string(reinterpret_cast<const char*>(md), len);
}

std::string bootstrap_mac(std::string_view key, std::string_view wbxml) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : hmac_sha1(key, wbxml)) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::optional<BootstrapSec> parse_bootstrap_sec(std::string_view text) {
  if (iequal(text, "NETWORKID")) return BootstrapSec::networkid;
  if (iequal(text, "USERPIN")) return BootstrapSec::userpin;
  if (iequal(text, "USERPIN_NETWORKID")) return BootstrapSec::userpin_networkid;
  return std::nullopt;
}

BootstrapParams parse_bootstrap_params(std::string_view content_type) {
  BootstrapParams p;
  std::size_t semi = content_type.find(';');
  while (semi != std::string_view::npos) {
    std::string_view rest = content_type.substr(semi + 1);
    std::size_t next = rest.find(';');
    std::string_view param = trim(rest.substr(0, next));
    semi = next == std::string_view::npos ? next : semi + 1 + next;
    std::size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view name = trim(param.substr(0, eq)), value = trim(param.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (iequal(name, "SEC")) p.sec = std::string(value);
    if (iequal(name, "MAC")) p.mac = std::string(value);
  }
  return p;
}

bool bootstrap_mac_matches(std::string_view key, std::string_view wbxml, std::string_view mac_hex) {
  std::string want = bootstrap_mac(key, wbxml);
  if (mac_hex.size() != want.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < want.size(); ++i) diff |= static_cast<unsigned char>(lower(mac_hex[i]) ^ want[i]);
  return diff == 0;
}

}  // namespace syncmldm::auth
