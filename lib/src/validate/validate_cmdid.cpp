// CmdID rules: present, a positive decimal integer, not 0, unique across the whole message (nested commands included).

#include <algorithm>
#include <functional>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "validate/validate_context.hpp"

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
namespace {

// Why `v` (not empty, not all zeros) is not a CmdID a server can match, or nullopt when it is one.
std::optional<std::string_view> not_a_cmdid(std::string_view v) {
  if (v.find_first_not_of("0123456789") == std::string_view::npos) {
    std::string_view digits = v.substr(v.find_first_not_of('0'));
    if (digits.size() > 10 || (digits.size() == 10 && digits > "2147483647")) {
      return "larger than 2147483647, the 32-bit integer servers keep it in";
    }
    return std::nullopt;
  }
  if (v.find_first_of("$%{}<>[]") != std::string_view::npos) return "a template placeholder left unfilled";
  if (v[0] == '-') return "negative";
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X')) return "hexadecimal";
  if (v[0] == '+') return "signed";
  if (v[0] >= '0' && v[0] <= '9') {
    if (v.find_first_of("eE") != std::string_view::npos) return "exponent notation";
    if (v.find('.') != std::string_view::npos) return "not an integer";
  }
  return "not a number";
}

// The value as the message shows it: one line, at most 40 characters.
std::string shown(std::string_view v) {
  std::string out;
  for (char c : v.substr(0, 40)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (v.size() > 40) out += "...";
  return out;
}

}  // namespace

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
  if (value.find_first_not_of('0') == std::string_view::npos) {
    ctx.report(id, "cmdid-zero",
               value == "0" ? std::string("CmdID 0 is reserved for the SyncHdr (CmdRef 0)")
                            : fmt::format("CmdID '{}' is 0, which is reserved for the SyncHdr (CmdRef 0)", value),
               &f);
  } else if (auto why = not_a_cmdid(value)) {
    // A placeholder repeated on every command is one fault per command, not also a duplicate.
    ctx.report(id, "cmdid-format", fmt::format("CmdID '{}' is not a positive decimal integer: {}", shown(value), *why), &f);
    return;
  }
  if (const Node* first = ctx.cmdids.insert(value, f.node)) {
    ctx.report(id, "cmdid-duplicate",
               fmt::format("CmdID {} is already used by a {} in this message", value, name_of(first)), &f);
  }
}

}  // namespace cmdid
}  // namespace syncmldm::validate::detail
