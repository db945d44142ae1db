// Package 0: the bit-packed header, its digest, and the SessionID it asks for.
#include "syncmldm/trigger/trigger.hpp"

#include <array>

#include <fmt/format.h>

#include "syncmldm/auth/auth.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::trigger {

namespace {

constexpr std::array kUiModeNames = {"not-specified", "background", "informative", "interactive"};

std::uint64_t read_be64(std::string_view b) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = v << 8 | static_cast<unsigned char>(b[i]);
  return v;
}

void append_be64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift & 0xFF));
}

// Every digest comparison in one place, so none leaks timing by an early exit.
bool same_digest(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

std::string_view ui_mode_name(UiMode mode) { return kUiModeNames[static_cast<std::size_t>(mode) & 3]; }

std::optional<UiMode> parse_ui_mode(std::string_view name) {
  for (std::size_t i = 0; i < kUiModeNames.size(); ++i)
    if (name == kUiModeNames[i]) return static_cast<UiMode>(i);
  return std::nullopt;
}

std::string_view initiator_name(Initiator initiator) { return initiator == Initiator::server ? "server" : "client"; }

std::optional<Initiator> parse_initiator(std::string_view name) {
  if (name == "server") return Initiator::server;
  if (name == "client") return Initiator::client;
  return std::nullopt;
}

std::optional<unsigned> parse_version(std::string_view text) {
  if (text == "1.1") return kVersion11;
  if (text == "1.2") return kVersion12;
  return std::nullopt;
}

std::string version_text(unsigned version) { return fmt::format("{}.{}", version / 10, version % 10); }

std::string encode_body(const Notification& n) {
  if (n.server_id.size() > 255)
    throw Error(ErrorKind::usage, fmt::format("the server identifier has {} bytes; at most 255 fit", n.server_id.size()));
  if (n.version > 0x3FF) throw Error(ErrorKind::usage, fmt::format("version {} does not fit 10 bits", n.version));
  if (n.future > 0x7FFFFFF) throw Error(ErrorKind::usage, "the reserved field does not fit 27 bits");
  std::uint64_t v = std::uint64_t{n.version} << 54 | std::uint64_t{static_cast<unsigned>(n.ui_mode) & 3u} << 52 |
                    std::uint64_t{static_cast<unsigned>(n.initiator) & 1u} << 51 | std::uint64_t{n.future} << 24 |
                    std::uint64_t{n.session_id} << 8 | n.server_id.size();
  std::string out;
  out.reserve(8 + n.server_id.size() + n.vendor.size());
  append_be64(out, v);
  out += n.server_id;
  out += n.vendor;
  return out;
}

std::string compute_digest(std::string_view server_id, std::string_view password, std::string_view nonce,
                           std::string_view body) {
  std::string secret = auth::md5_secret(server_id, password);
  std::string input = secret + ":" + std::string(nonce) + ":" + base64::encode(auth::md5(body));
  std::string digest = auth::md5(input);
  auth::wipe(secret);
  auth::wipe(input);
  return digest;
}

std::string build(const Notification& n, std::string_view password, std::string_view nonce) {
  std::string body = encode_body(n);
  return compute_digest(n.server_id, password, nonce, body) + body;
}

Notification parse(std::string_view bytes, const std::string& source) {
  if (bytes.size() < kHeaderBytes)
    throw Error(ErrorKind::input,
                fmt::format("truncated notification: {} bytes, the digest and header need {}", bytes.size(), kHeaderBytes),
                Location{source, bytes.size()});
  Notification n;
  n.digest = std::string(bytes.substr(0, kDigestBytes));
  std::uint64_t v = read_be64(bytes.substr(kDigestBytes, 8));
  n.version = static_cast<unsigned>(v >> 54 & 0x3FF);
  if (n.version != kVersion11 && n.version != kVersion12)
    throw Error(ErrorKind::input,
                fmt::format("version bits {:010b} ({}) are not notification version 1.1 (0000001011) or 1.2 (0000001100)",
                            n.version, version_text(n.version)),
                Location{source, kDigestBytes});
  n.ui_mode = static_cast<UiMode>(v >> 52 & 0x3);
  n.initiator = static_cast<Initiator>(v >> 51 & 0x1);
  n.future = static_cast<std::uint32_t>(v >> 24 & 0x7FFFFFF);
  n.session_id = static_cast<std::uint16_t>(v >> 8 & 0xFFFF);
  std::size_t length = v & 0xFF;
  if (length > bytes.size() - kHeaderBytes)
    throw Error(ErrorKind::input,
                fmt::format("the server identifier length {} runs past the end: {} bytes follow the header", length,
                            bytes.size() - kHeaderBytes),
                Location{source, kHeaderBytes - 1});
  n.server_id = std::string(bytes.substr(kHeaderBytes, length));
  n.vendor = std::string(bytes.substr(kHeaderBytes + length));
  return n;
}

std::string_view nonce_match_name(NonceMatch match) {
  switch (match) {
    case NonceMatch::given: return "given";
    case NonceMatch::reset_text: return "reset-text";
    case NonceMatch::reset_zero_bytes: return "reset-zero-bytes";
    case NonceMatch::reset_base64_text: return "reset-base64-text";
  }
  return "given";
}

std::optional<NonceMatch> verify_digest(std::string_view message, std::string_view server_id,
                                        std::string_view password, std::string_view nonce, bool try_reset) {
  if (message.size() < kDigestBytes) return std::nullopt;
  std::string_view digest = message.substr(0, kDigestBytes), body = message.substr(kDigestBytes);
  if (same_digest(digest, compute_digest(server_id, password, nonce, body))) return NonceMatch::given;
  if (!try_reset) return std::nullopt;
  const std::array<std::pair<NonceMatch, std::string_view>, 3> resets = {{
      {NonceMatch::reset_text, "0x00000000"},
      {NonceMatch::reset_zero_bytes, std::string_view("\0\0\0\0", 4)},
      {NonceMatch::reset_base64_text, "AAAAAA=="},
  }};
  for (const auto& [match, reset] : resets)
    if (same_digest(digest, compute_digest(server_id, password, reset, body))) return match;
  return std::nullopt;
}

std::string session_id_text(std::uint16_t session_id) { return fmt::format("{:X}", session_id); }

}  // namespace syncmldm::trigger
