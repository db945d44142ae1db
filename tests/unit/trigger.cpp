// Package 0 (trigger layer): vector P1 and the reset-nonce readings of the reference, the
// example headers of the Notification specification, hostile messages with their offsets,
// the WAP push wrapper, the bootstrap MAC (vector BS1), and the device's check of a trigger
// against its DM accounts.
#include <doctest/doctest.h>

#include <functional>

#include "syncmldm/auth/bootstrap.hpp"
#include "syncmldm/device/trigger_account.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/trigger/trigger.hpp"
#include "syncmldm/trigger/wap_push.hpp"
#include "syncmldm/util/error.hpp"

using namespace syncmldm;
using namespace syncmldm::trigger;

namespace {
std::string unhex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}
std::string hex(std::string_view bytes) {
  static constexpr char k[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(k[c >> 4]);
    out.push_back(k[c & 15]);
  }
  return out;
}
std::string nonce_0_to_15() {
  std::string s;
  for (int i = 0; i < 16; ++i) s.push_back(static_cast<char>(i));
  return s;
}
Notification p1() {
  Notification n;
  n.version = kVersion11;
  n.ui_mode = UiMode::background;
  n.initiator = Initiator::client;
  n.session_id = 0x1234;
  n.server_id = "com.mgmtsrv.manage";
  return n;
}
constexpr const char* kP1 = "496ecfbbddfe05ac10b87169bace04eb02d0000000123412636f6d2e6d676d747372762e6d616e616765";
// Offset of the Error thrown by f, or -1 when none was thrown.
template <typename F>
long long error_offset(F f) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::input);
    return static_cast<long long>(e.where().offset.value_or(999999));
  }
  return -1;
}
}  // namespace

TEST_CASE("trigger: vector P1 builds byte for byte") {
  CHECK(hex(encode_body(p1())) == "02d0000000123412636f6d2e6d676d747372762e6d616e616765");
  CHECK(hex(build(p1(), "srvpass", nonce_0_to_15())) == kP1);
}

TEST_CASE("trigger: vector P1 parses and verifies") {
  std::string msg = unhex(kP1);
  Notification n = parse(msg, "p1");
  CHECK(n.version == kVersion11);
  CHECK(n.ui_mode == UiMode::background);
  CHECK(n.initiator == Initiator::client);
  CHECK(n.session_id == 0x1234);
  CHECK(n.server_id == "com.mgmtsrv.manage");
  CHECK(n.vendor.empty());
  CHECK(hex(n.digest) == "496ecfbbddfe05ac10b87169bace04eb");
  CHECK(verify_digest(msg, n.server_id, "srvpass", nonce_0_to_15()) == NonceMatch::given);
  CHECK_FALSE(verify_digest(msg, n.server_id, "srvpasS", nonce_0_to_15()).has_value());
  CHECK_FALSE(verify_digest(msg, "com.mgmtsrv.managE", "srvpass", nonce_0_to_15()).has_value());
  msg.back() ^= 1;  // one bit of the body changed
  CHECK_FALSE(verify_digest(msg, n.server_id, "srvpass", nonce_0_to_15()).has_value());
}

TEST_CASE("trigger: the three readings of the reset nonce (reference table)") {
  std::string body = encode_body(p1());
  CHECK(hex(compute_digest("com.mgmtsrv.manage", "srvpass", "0x00000000", body)) == "221728462f5e0ebb892943a90a4ab0db");
  CHECK(hex(compute_digest("com.mgmtsrv.manage", "srvpass", std::string(4, '\0'), body)) ==
        "c0964f2ff8ec3067c67f21514611f521");
  CHECK(hex(compute_digest("com.mgmtsrv.manage", "srvpass", "AAAAAA==", body)) == "e6e74ecb16e508f0e6d5b7cad2765b87");
  std::string reset = unhex("c0964f2ff8ec3067c67f21514611f521") + body;
  CHECK(verify_digest(reset, "com.mgmtsrv.manage", "srvpass", nonce_0_to_15()) == NonceMatch::reset_zero_bytes);
  CHECK_FALSE(verify_digest(reset, "com.mgmtsrv.manage", "srvpass", nonce_0_to_15(), false).has_value());
  reset = unhex("221728462f5e0ebb892943a90a4ab0db") + body;
  CHECK(verify_digest(reset, "com.mgmtsrv.manage", "srvpass", "x") == NonceMatch::reset_text);
  reset = unhex("e6e74ecb16e508f0e6d5b7cad2765b87") + body;
  CHECK(verify_digest(reset, "com.mgmtsrv.manage", "srvpass", "x") == NonceMatch::reset_base64_text);
}

TEST_CASE("trigger: the server-initiated example header and round trips") {
  Notification n;
  n.version = kVersion11;
  n.session_id = 0xABCD;
  n.server_id = "srv1";
  CHECK(hex(encode_body(n).substr(0, 8)) == "02c8000000abcd04");
  n.version = kVersion12;
  n.ui_mode = UiMode::interactive;
  n.vendor = std::string("\x00\xff vendor", 9);
  std::string msg = build(n, "pw", "nonce");
  CHECK(hex(msg.substr(16, 2)) == "0338");  // 0000001100 11 1 000
  Notification back = parse(msg, "x");
  CHECK(back.version == kVersion12);
  CHECK(back.ui_mode == UiMode::interactive);
  CHECK(back.initiator == Initiator::server);
  CHECK(back.session_id == 0xABCD);
  CHECK(back.server_id == "srv1");
  CHECK(back.vendor == n.vendor);
  CHECK(verify_digest(msg, "srv1", "pw", "nonce") == NonceMatch::given);
}

TEST_CASE("trigger: hostile messages fail at their offset") {
  std::string msg = unhex(kP1);
  CHECK(error_offset([&] { parse("", "x"); }) == 0);
  CHECK(error_offset([&] { parse(msg.substr(0, 23), "x"); }) == 23);
  CHECK(error_offset([&] { parse(msg.substr(0, 30), "x"); }) == 23);  // server id cut short
  std::string zero_len = msg.substr(0, 24);
  zero_len[23] = 0;
  CHECK(error_offset([&] { parse(zero_len, "x"); }) == -1);
  std::string bad_version = msg;
  bad_version[16] = 0x03;
  bad_version[17] = static_cast<char>(0x50);  // 0000001101 = 13
  CHECK(error_offset([&] { parse(bad_version, "x"); }) == 16);
  bad_version[16] = static_cast<char>(0xFF);
  CHECK(error_offset([&] { parse(bad_version, "x"); }) == 16);
  std::string long_id = msg;
  long_id[23] = static_cast<char>(0xFF);
  CHECK(error_offset([&] { parse(long_id, "x"); }) == 23);
  Notification n;
  n.server_id = std::string(256, 'a');
  CHECK_THROWS_AS(encode_body(n), Error);
}

TEST_CASE("trigger: SessionID text is upper-case hex without leading zeros") {
  CHECK(session_id_text(0x1234) == "1234");
  CHECK(session_id_text(0x00AB) == "AB");
  CHECK(session_id_text(0xFFFF) == "FFFF");
  CHECK(session_id_text(1) == "1");
}

TEST_CASE("trigger: names and versions") {
  CHECK(parse_ui_mode("informative") == UiMode::informative);
  CHECK_FALSE(parse_ui_mode("loud").has_value());
  CHECK(ui_mode_name(UiMode::not_specified) == "not-specified");
  CHECK(parse_initiator("client") == Initiator::client);
  CHECK(parse_version("1.1") == kVersion11);
  CHECK(parse_version("1.2") == kVersion12);
  CHECK_FALSE(parse_version("1.0").has_value());
  CHECK(version_text(12) == "1.2");
}

TEST_CASE("trigger: WAP push wrap and unwrap") {
  std::string msg = unhex(kP1);
  std::string pdu = wrap_push(msg);
  CHECK(hex(pdu.substr(0, 6)) == "010603c4af87");
  CHECK(looks_like_push(pdu));
  CHECK_FALSE(looks_like_push(msg));
  PushPdu p = unwrap_push(pdu, "x");
  CHECK(p.content_type == kMediaType);
  CHECK(p.application_id == "x-wap-application:syncml.dm");
  CHECK(p.body_offset == 6);
  CHECK(p.body == msg);
  // The content type by name and in the general form.
  std::string named = std::string("\x05\x06\x24", 3) + "application/vnd.syncml.notification" + std::string(1, '\0') + msg;
  CHECK(unwrap_push(named, "x").body == msg);
  std::string general = unhex("0006020144") + msg;
  general[4] = static_cast<char>(0xC4);
  CHECK(unwrap_push(general, "x").body == msg);
  // Hostile: other PDU types and content types, lengths past the end.
  CHECK(error_offset([&] { unwrap_push(unhex("0107"), "x"); }) == 1);
  CHECK(error_offset([&] { unwrap_push(unhex("010640c4"), "x"); }) == 2);
  CHECK(error_offset([&] { unwrap_push(unhex("010601c2") + msg, "x"); }) == 3);
  CHECK(error_offset([&] { unwrap_push(unhex("0106ffffffffff"), "x"); }) == 2);
  CHECK(error_offset([&] { unwrap_push(unhex("0106031f0f44") + msg, "x"); }) == 3);
  CHECK(error_offset([&] { unwrap_push(unhex("010603616263"), "x"); }) == 3);  // text without its NUL
  CHECK_FALSE(looks_like_push(unhex("010601c2") + msg));
}

TEST_CASE("auth: bootstrap MAC vector BS1") {
  std::string data = unhex("030b6a004501");
  CHECK(auth::bootstrap_mac("1234", data) == "6cd48bfd7ffc33183154734df4434da694e25e6a");
  CHECK(auth::bootstrap_mac("1234:310150123456789", data) == "ef467959fe8af0f008a873033f834dc28c50eda4");
  CHECK(auth::bootstrap_mac_matches("1234", data, "6CD48BFD7FFC33183154734DF4434DA694E25E6A"));
  CHECK_FALSE(auth::bootstrap_mac_matches("1235", data, "6cd48bfd7ffc33183154734df4434da694e25e6a"));
  CHECK_FALSE(auth::bootstrap_mac_matches("1234", data, "6cd48bfd7ffc33183154734df4434da694e25e6"));
  auto p = auth::parse_bootstrap_params("application/vnd.syncml.dm+wbxml; SEC=USERPIN;mac=\"ABC\"");
  CHECK(p.sec == "USERPIN");
  CHECK(p.mac == "ABC");
  CHECK(auth::parse_bootstrap_params("application/vnd.syncml.dm+wbxml").mac.empty());
  CHECK(auth::parse_bootstrap_sec("userpin_networkid") == auth::BootstrapSec::userpin_networkid);
  CHECK_FALSE(auth::parse_bootstrap_sec("PIN").has_value());
}

// ---- device::verify_trigger: the DM account a trigger names, in each place accounts live.

namespace {
void set_leaf(tree::Tree& t, const std::vector<std::string>& segments, const std::string& value) {
  tree::Node* n = t.ensure(segments, "chr");
  REQUIRE(n);
  n->value = value;
}
tree::Tree account_tree(const std::vector<std::string>& root, const std::string& level) {
  tree::Tree t;
  auto at = [&](std::vector<std::string> tail) {
    std::vector<std::string> s = root;
    s.insert(s.end(), tail.begin(), tail.end());
    return s;
  };
  set_leaf(t, at({"other", "ServerID"}), "someone.else");
  set_leaf(t, at({"acc", "ServerID"}), "com.mgmtsrv.manage");
  set_leaf(t, at({"acc", "AppAuth", "c", "AAuthLevel"}), "CLCRED");
  set_leaf(t, at({"acc", "AppAuth", "c", "AAuthSecret"}), "client-secret");
  set_leaf(t, at({"acc", "AppAuth", "s", "AAuthLevel"}), level);
  set_leaf(t, at({"acc", "AppAuth", "s", "AAuthSecret"}), "srvpass");
  set_leaf(t, at({"acc", "AppAuth", "s", "AAuthData"}), nonce_0_to_15());
  return t;
}
ErrorKind error_kind(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind();
  }
  return ErrorKind::io;  // nothing thrown
}
}  // namespace

TEST_CASE("device: a trigger verifies against the SRVCRED of the account its server id names") {
  std::string msg = unhex(kP1);
  Notification n = parse(msg, "p1");
  for (auto root : {std::vector<std::string>{"DMAcc"}, std::vector<std::string>{"SyncML", "DMAcc"},
                    std::vector<std::string>{"Vendor", "MSFT", "DMAcc"}}) {
    tree::Tree t = account_tree(root, "SRVCRED");
    auto account = device::find_trigger_account(t, "com.mgmtsrv.manage");
    REQUIRE(account);
    CHECK(account->password == "srvpass");
    CHECK(device::verify_trigger(t, msg, n) == NonceMatch::given);
  }
  tree::Tree t = account_tree({"DMAcc"}, "srvcred");  // the level in any case
  CHECK(device::verify_trigger(t, msg, n) == NonceMatch::given);
  // Only CLCRED: nothing to check the server against.
  tree::Tree client_only = account_tree({"DMAcc"}, "CLCRED");
  CHECK(error_kind([&] { device::verify_trigger(client_only, msg, n); }) == ErrorKind::auth);
  // Another server's trigger, and a changed byte.
  Notification other = n;
  other.server_id = "nobody";
  CHECK(error_kind([&] { device::verify_trigger(t, msg, other); }) == ErrorKind::auth);
  std::string changed = msg;
  changed[20] ^= 1;
  CHECK(error_kind([&] { device::verify_trigger(t, changed, n); }) == ErrorKind::auth);
}

TEST_CASE("input: binary payloads as raw bytes, hex or Base64 text") {
  std::string msg = unhex(kP1);
  auto raw = input::unwrap_binary(msg, "x");
  CHECK(raw.container == "raw");
  CHECK(raw.bytes == msg);
  auto hexed = input::unwrap_binary("49 6e cf bb\n0xdd, 0xfe", "x");
  CHECK(hexed.container == "hex");
  CHECK(hex(hexed.bytes) == "496ecfbbddfe");
  auto b64 = input::unwrap_binary("SW7Pu93+\n", "x");
  CHECK(b64.container == "base64");
  CHECK(hex(b64.bytes) == "496ecfbbddfe");
  CHECK(error_offset([&] { input::unwrap_binary("", "x"); }) == 0);
}
