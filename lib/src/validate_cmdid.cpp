// CmdID rules: present, not 0, unique across the whole message (nested commands included).

#include <fmt/format.h>

#include "validate_context.hpp"

namespace syncmldm::validate::detail::cmdid {

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
  auto [it, inserted] = ctx.cmdids.emplace(value, f.node);
  if (!inserted) {
    ctx.report(id, "cmdid-duplicate",
               fmt::format("CmdID {} is already used by a {} in this message", value, name_of(it->second)), &f);
  }
}

}  // namespace syncmldm::validate::detail::cmdid
