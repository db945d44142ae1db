#include "syncmldm/auth/auth.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <cctype>

#include "syncmldm/util/base64.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::auth {

namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string digest_md5(std::initializer_list<std::string_view> parts) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_md5(), nullptr) == 1;
  for (auto part : parts) ok = ok && EVP_DigestUpdate(ctx, part.data(), part.size()) == 1;
  ok = ok && EVP_DigestFinal_ex(ctx, md.data(), &len) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) throw Error(ErrorKind::input, "MD5 is not available from the crypto library");
  return std::string(reinterpret_cast<const char*>(md.data()), len);
}

}  // namespace

std::string md5(std::string_view octets) { return digest_md5({octets}); }

std::string_view scheme_name(Scheme scheme) {
  switch (scheme) {
    case Scheme::none: return "none";
    case Scheme::basic: return "basic";
    case Scheme::md5: return "md5";
    case Scheme::hmac: return "hmac";
  }
  return "none";
}

std::optional<Scheme> parse_scheme_name(std::string_view name) {
  for (Scheme s : {Scheme::none, Scheme::basic, Scheme::md5, Scheme::hmac})
    if (iequals(name, scheme_name(s))) return s;
  return std::nullopt;
}

std::string_view scheme_meta_type(Scheme scheme) {
  switch (scheme) {
    case Scheme::basic: return "syncml:auth-basic";
    case Scheme::md5: return "syncml:auth-md5";
    case Scheme::hmac: return "syncml:auth-MAC";
    case Scheme::none: break;
  }
  return "";
}

std::optional<Scheme> scheme_from_meta_type(std::string_view type) {
  for (Scheme s : {Scheme::basic, Scheme::md5, Scheme::hmac})
    if (iequals(type, scheme_meta_type(s))) return s;
  return std::nullopt;
}

std::string basic_cred(std::string_view user, std::string_view password) {
  std::string joined;
  joined.reserve(user.size() + 1 + password.size());
  joined.append(user).append(":").append(password);
  std::string out = base64::encode(joined);
  wipe(joined);
  return out;
}

std::string md5_secret(std::string_view user, std::string_view password) {
  std::string digest = digest_md5({user, ":", password});
  std::string out = base64::encode(digest);
  wipe(digest);
  return out;
}

std::string md5_cred(std::string_view user, std::string_view password, std::string_view nonce) {
  std::string secret = md5_secret(user, password);
  std::string out = base64::encode(digest_md5({secret, ":", nonce}));
  wipe(secret);
  return out;
}

std::string hmac_mac(std::string_view user, std::string_view password, std::string_view nonce,
                     std::string_view body) {
  std::string secret = md5_secret(user, password);
  std::string body_digest = base64::encode(md5(body));
  std::string out = base64::encode(digest_md5({secret, ":", nonce, ":", body_digest}));
  wipe(secret);
  return out;
}

std::string hmac_header_value(std::string_view user, std::string_view mac) {
  std::string out = "algorithm=MD5, username=\"";
  for (char c : user) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.append("\", mac=").append(mac);
  return out;
}

std::optional<HmacHeader> parse_hmac_header(std::string_view value) {
  HmacHeader header;
  bool have_user = false, have_mac = false;
  std::size_t i = 0;
  auto skip_space = [&] { while (i < value.size() && is_space(static_cast<unsigned char>(value[i]))) ++i; };
  while (i < value.size()) {
    skip_space();
    if (i < value.size() && value[i] == ',') { ++i; continue; }
    std::size_t name_start = i;
    while (i < value.size() && value[i] != '=' && value[i] != ',' && !is_space(static_cast<unsigned char>(value[i]))) ++i;
    std::string_view name = value.substr(name_start, i - name_start);
    skip_space();
    if (i >= value.size() || value[i] != '=') {
      // A parameter without a value: skip it.
      while (i < value.size() && value[i] != ',') ++i;
      continue;
    }
    ++i;
    skip_space();
    std::string param;
    if (i < value.size() && value[i] == '"') {
      ++i;
      bool closed = false;
      while (i < value.size()) {
        char c = value[i++];
        if (c == '\\' && i < value.size()) { param.push_back(value[i++]); continue; }
        if (c == '"') { closed = true; break; }
        param.push_back(c);
      }
      if (!closed) return std::nullopt;
    } else {
      std::size_t start = i;
      while (i < value.size() && value[i] != ',' && !is_space(static_cast<unsigned char>(value[i]))) ++i;
      param.assign(value.substr(start, i - start));
    }
    if (iequals(name, "algorithm")) header.algorithm = param;
    else if (iequals(name, "username")) { header.username = param; have_user = true; }
    else if (iequals(name, "mac")) { header.mac = param; have_mac = true; }
  }
  if (!have_user || !have_mac || header.mac.empty()) return std::nullopt;
  return header;
}

std::string nonce_octets(std::string_view wire, NonceForm form) {
  if (form == NonceForm::literal) return std::string(wire);
  // Text that is not Base64 is hashed as it is, so that a sloppy server still gets an answer.
  auto decoded = base64::decode(wire);
  return decoded ? *decoded : std::string(wire);
}

void wipe(std::string& secret) noexcept {
  if (!secret.empty()) OPENSSL_cleanse(secret.data(), secret.size());
  secret.clear();
}

}  // namespace syncmldm::auth
