// Fuzz target: a package applied to a standard device tree, and the response written out. The
// response must be well-formed SyncML, and it must not depend on a value the server may not read:
// the same package is applied to two trees that differ only in a DM account's AAuthSecret (no Get
// in its AccessType), and the two responses must be identical (any read path that hands the
// secret out, a ?list= query, Copy, Results, makes them differ).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "syncmldm/device/device.hpp"
#include "syncmldm/message/message.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/xml/xml.hpp"

#include "standard_schema.hpp"

namespace {

// A standard tree holding a DM account whose AAuthSecret is `secret`.
syncmldm::tree::Tree tree_with_secret(const std::string& secret) {
  namespace xml = syncmldm::xml;
  auto tree = syncmldm::tree::make_standard_tree({}, standard_schema(), "20260101T000000Z");
  std::string setup =
      "<SyncML><SyncHdr><MsgID>1</MsgID></SyncHdr><SyncBody>"
      "<Add><CmdID>1</CmdID><Item><Target><LocURI>./DMAcc/acct</LocURI></Target></Item></Add>"
      "<Add><CmdID>2</CmdID><Item><Target><LocURI>./DMAcc/acct/AppAuth</LocURI></Target></Item></Add>"
      "<Add><CmdID>3</CmdID><Item><Target><LocURI>./DMAcc/acct/AppAuth/srv</LocURI></Target></Item></Add>"
      "<Replace><CmdID>4</CmdID><Item><Target><LocURI>./DMAcc/acct/AppAuth/srv/AAuthSecret</LocURI></Target>"
      "<Data>" + secret + "</Data></Item></Replace></SyncBody></SyncML>";
  auto doc = xml::Document::parse(setup, "setup.xml");
  auto r = syncmldm::device::apply(tree, syncmldm::message::read(doc));
  if (r.failed) __builtin_trap();  // the setup itself must work
  return tree;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace xml = syncmldm::xml;
  // Two secrets of one length: Size properties and the like stay equal.
  static const syncmldm::tree::Tree with_a = tree_with_secret("secret-AAAA-0001");
  static const syncmldm::tree::Tree with_b = tree_with_secret("secret-BBBB-0002");
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string response, other;
  try {
    auto doc = xml::Document::parse(text, "fuzz.xml");
    auto request = syncmldm::message::read(doc);
    auto tree = with_a.clone();
    response = syncmldm::message::write(syncmldm::device::apply(tree, request).message);
    auto tree_b = with_b.clone();
    other = syncmldm::message::write(syncmldm::device::apply(tree_b, request).message);
  } catch (const syncmldm::Error&) {
    return 0;
  }
  if (response != other) __builtin_trap();  // the response depends on a value without Get
  try {
    auto doc = xml::Document::parse(response, "response.xml");
    (void)syncmldm::message::read(doc);
  } catch (const syncmldm::Error&) {
    __builtin_trap();  // the device wrote a response that is not well-formed SyncML
  }
  return 0;
}
