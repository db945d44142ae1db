// CmdID rules: present, not 0, unique across the whole message (nested commands included).

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "validate_context.hpp"

namespace syncmldm::validate::detail {

const Node* Context::CmdIdSet::insert(std::string_view id, const Node* node) {
  if ((entries.size() + 1) * 2 > slots.size()) {
    // Grow to keep the load under one half, and place every entry again.
    std::vector<std::uint32_t> bigger(std::max<std::size_t>(64, slots.size() * 2), 0);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      std::size_t h = std::hash<std::string_view>{}(entries[i].first) & (bigger.size() - 1);
      while (bigger[h]) h = (h + 1) & (bigger.size() - 1);
      bigger[h] = static_cast<std::uint32_t>(i + 1);
    }
    slots.swap(bigger);
  }
  std::size_t h = std::hash<std::string_view>{}(id) & (slots.size() - 1);
  while (slots[h]) {
    const auto& e = entries[slots[h] - 1];
    if (e.first == id) return e.second;
    h = (h + 1) & (slots.size() - 1);
  }
  entries.emplace_back(id, node);
  slots[h] = static_cast<std::uint32_t>(entries.size());
  return nullptr;
}

namespace cmdid {

void check(Context& ctx, Frame& f) {
  const Node* id = xml::child(f.node, "CmdID");
  if (!id) {
    ctx.report(f.node, "cmdid-missing", fmt::format("{} has no CmdID", kind_name(f.kind)), &f);
    return;
  }
  Text t;
  read_text(id, t);
  std::string_view value = trim(t.value);
  if (value.empty()) {
    ctx.report(id, "cmdid-missing", fmt::format("{} has an empty CmdID", kind_name(f.kind)), &f);
    return;
  }
  if (!t.storage.empty()) {
    // Split text: keep a stable copy for the duplicate map.
    ctx.owned.emplace_back(value);
    value = ctx.owned.back();
  }
  f.cmdid = value;
  if (value == "0") ctx.report(id, "cmdid-zero", "CmdID 0 is reserved for the SyncHdr (CmdRef 0)", &f);
  if (const Node* first = ctx.cmdids.insert(value, f.node)) {
    ctx.report(id, "cmdid-duplicate",
               fmt::format("CmdID {} is already used by a {} in this message", value, name_of(first)), &f);
  }
}

}  // namespace cmdid
}  // namespace syncmldm::validate::detail
