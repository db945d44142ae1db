// Fuzz target: package 0 as it arrives (raw or in a WAP push PDU), its digest, and the round trip
// of what parses: a parsed message encodes back to the same bytes, a PDU wraps back to the same
// message.
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/trigger/trigger.hpp"
#include "syncmldm/trigger/wap_push.hpp"
#include "syncmldm/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace trigger = syncmldm::trigger;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const std::string source = "fuzz";
  try {
    trigger::Received r = trigger::receive(bytes, source);
    const trigger::Notification& n = r.notification;
    // Everything after the digest comes back byte for byte.
    if (trigger::encode_body(n) != r.message.substr(trigger::kDigestBytes)) __builtin_trap();
    if (n.digest.size() != trigger::kDigestBytes || n.server_id.size() > 255) __builtin_trap();
    if (r.push && trigger::unwrap_push(trigger::wrap_push(r.message), source).body != r.message) __builtin_trap();
    (void)trigger::verify_digest(r.message, n.server_id, "password", "nonce");
    (void)trigger::session_id_text(n.session_id);
  } catch (const syncmldm::Error& e) {
    // Every reported place lies inside the input (or just past its end).
    if (e.kind() != syncmldm::ErrorKind::input) __builtin_trap();
    if (e.where().offset && *e.where().offset > size) __builtin_trap();
  }
  return 0;
}
