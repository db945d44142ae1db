#pragma once
// Package 0 of OMA DM: the General Notification Initiated Session message a server sends to
// make a device call back. A 16-byte digest, then a bit-packed header (version, ui-mode,
// initiator, session id, server identifier) and an optional vendor-specific body:
//
//   auto msg = syncmldm::trigger::parse(bytes, "trigger.bin");   // Error{input} with an offset
//   bool ok = syncmldm::trigger::verify_digest(bytes, msg.server_id, password, nonce).has_value();
//
// Bytes live in std::string. Nothing here prints or exits.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::trigger {

inline constexpr std::size_t kDigestBytes = 16;
inline constexpr std::size_t kHeaderBytes = 24;  // digest + 8 bytes of bit fields and length
inline constexpr std::string_view kMediaType = "application/vnd.syncml.notification";

enum class UiMode : std::uint8_t { not_specified = 0, background = 1, informative = 2, interactive = 3 };
enum class Initiator : std::uint8_t { client = 0, server = 1 };

// "not-specified", "background", "informative", "interactive" and back (nullopt: unknown).
std::string_view ui_mode_name(UiMode mode);
std::optional<UiMode> parse_ui_mode(std::string_view name);
// "client", "server" and back.
std::string_view initiator_name(Initiator initiator);
std::optional<Initiator> parse_initiator(std::string_view name);

// The version field holds the notification version times ten: 11 for 1.1, 12 for 1.2.
inline constexpr unsigned kVersion11 = 11;
inline constexpr unsigned kVersion12 = 12;
// "1.1" -> 11, "1.2" -> 12; nullopt for any other text.
std::optional<unsigned> parse_version(std::string_view text);
// 11 -> "1.1"; any value -> "N/10.N%10".
std::string version_text(unsigned version);

struct Notification {
  std::string digest;          // 16 raw bytes (empty when not yet computed)
  unsigned version = kVersion12;
  UiMode ui_mode = UiMode::not_specified;
  Initiator initiator = Initiator::server;
  std::uint32_t future = 0;    // 27 reserved bits, 0 when sent
  std::uint16_t session_id = 0;
  std::string server_id;       // at most 255 bytes
  std::string vendor;          // vendor-specific body, any bytes
};

// The bytes after the digest (header and vendor body). Throws Error{usage} for a server id
// longer than 255 bytes, a version or future value that does not fit its bits.
std::string encode_body(const Notification& n);

// The digest H(B64(H(server_id ":" password)) ":" nonce ":" B64(H(body))), 16 raw bytes;
// `nonce` is the raw nonce octets, `body` what encode_body gives.
std::string compute_digest(std::string_view server_id, std::string_view password, std::string_view nonce,
                           std::string_view body);

// The whole message: digest computed from password and nonce, then the body.
std::string build(const Notification& n, std::string_view password, std::string_view nonce);

// Reads a message. Throws Error{input} at the byte offset of the fault: fewer than 24 bytes,
// a version other than 1.1 or 1.2, a server identifier running past the end.
Notification parse(std::string_view bytes, const std::string& source);

// Which nonce made the digest match: the one given, or one of the readings of the reset nonce
// 0x00000000 a client tries after a failure (the text "0x00000000", four zero bytes, the
// undecoded Base64 text "AAAAAA==").
enum class NonceMatch { given, reset_text, reset_zero_bytes, reset_base64_text };
std::string_view nonce_match_name(NonceMatch match);

// Checks the digest of a whole message (as parse() accepts it) against `server_id`, `password`
// and `nonce`, then against the reset nonces unless `try_reset` is false. nullopt: no match.
std::optional<NonceMatch> verify_digest(std::string_view message, std::string_view server_id,
                                        std::string_view password, std::string_view nonce, bool try_reset = true);

// The SessionID text package 1 carries for a trigger's session id: upper-case hex without
// leading zeros (0x00AB -> "AB").
std::string session_id_text(std::uint16_t session_id);

}  // namespace syncmldm::trigger
SYNCMLDM_API_END

