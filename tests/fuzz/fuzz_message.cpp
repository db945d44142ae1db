// Fuzz target: XML -> SyncML message model -> XML. What the writer produces must parse again,
// and a message read under small command and Item limits holds no more than they allow.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/message/message.hpp"
#include "syncmldm/xml/xml.hpp"

namespace {
void count(const std::vector<syncmldm::message::Command>& commands, std::size_t& cmds, std::size_t& items) {
  for (const auto& c : commands) {
    ++cmds;
    items += c.items.size();
    count(c.children, cmds, items);
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace xml = syncmldm::xml;
  namespace message = syncmldm::message;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string written;
  try {
    auto doc = xml::Document::parse(text, "fuzz");
    written = message::write(message::read(doc));
    message::ReadOptions small;
    small.max_commands = 8;
    small.max_items = 8;
    try {
      auto m = message::read(doc, small);
      std::size_t cmds = 0, items = 0;
      count(m.commands, cmds, items);
      if (cmds > small.max_commands || items > small.max_items) __builtin_trap();  // a limit let more through
    } catch (const syncmldm::Error& e) {
      if (e.kind() != syncmldm::ErrorKind::input) __builtin_trap();
    }
  } catch (const syncmldm::Error&) {
    return 0;
  }
  try {
    auto again = xml::Document::parse(written, "rewritten");
    (void)message::read(again);
  } catch (const syncmldm::Error&) {
    __builtin_trap();  // the writer produced something that is not well-formed
  }
  return 0;
}
