// Response rules: Status and Results shapes, the SyncHdr Status first, one Status per command
// or per Item, and the messages a client must not send.

#include <algorithm>
#include <deque>

#include <fmt/format.h>

#include "syncmldm/codes/status.hpp"
#include "validate/validate_context.hpp"

namespace syncmldm::validate::detail::responses {
namespace {

// True when the element children follow `order` (unknown names are skipped; repeats allowed
// only where marked).
bool follows(const Node* parent, std::initializer_list<ChildSpec> order) {
  std::size_t current = 0;
  bool seen = false;
  for (const Node* n = parent->first_node(); n; n = n->next_sibling()) {
    if (!is_element(n)) continue;
    std::string_view name = name_of(n);
    std::size_t index = 0;
    for (const auto& s : order) {
      if (s.name == name) break;
      ++index;
    }
    if (index == order.size()) continue;
    if (index < current) return false;
    if (index == current && seen && !(order.begin() + index)->repeat) return false;
    current = index;
    seen = true;
  }
  return true;
}

}  // namespace

void check_status(Context& ctx, const Frame& f, std::size_t body_index) {
  const Node* s = f.node;
  // DTD order, or the order [MS-MDM] prints; anything else is reported.
  bool dtd = follows(s, {{"CmdID"}, {"MsgRef"}, {"CmdRef"}, {"Cmd"}, {"TargetRef", true}, {"SourceRef", true},
                         {"Cred"}, {"Chal"}, {"Data"}, {"Item", true}});
  bool msmdm = follows(s, {{"CmdID"}, {"MsgRef"}, {"CmdRef"}, {"Cmd"}, {"Cred"}, {"Chal"}, {"Data"}, {"Item", true},
                           {"TargetRef", true}, {"SourceRef", true}});
  if (!dtd && !msmdm) {
    ctx.report(s, "status-order", "Status children are in neither the DTD order nor the [MS-MDM] order", &f);
  }
  for (const Node* n = s->first_node(); n; n = n->next_sibling()) {
    if (!is_element(n)) continue;
    std::string_view name = name_of(n);
    static constexpr std::string_view kKnown[] = {"CmdID", "MsgRef", "CmdRef", "Cmd", "TargetRef", "SourceRef",
                                                  "Cred", "Chal", "Data", "Item", "Meta"};
    if (std::find(std::begin(kKnown), std::end(kKnown), name) == std::end(kKnown)) {
      ctx.report(n, "unexpected-child", fmt::format("{} is not allowed in Status", name), &f);
    }
  }

  std::string s1, s2, s3, s4;
  auto msgref = child_text(s, "MsgRef", s1);
  auto cmdref = child_text(s, "CmdRef", s2);
  auto cmd = child_text(s, "Cmd", s3);
  auto data = child_text(s, "Data", s4);
  bool header_status = cmd && *cmd == "SyncHdr";

  std::string missing;
  auto need = [&](bool present, std::string_view name) {
    if (!present) missing += missing.empty() ? std::string(name) : fmt::format(", {}", name);
  };
  need(msgref.has_value(), "MsgRef");
  need(cmdref.has_value() || header_status, "CmdRef");
  need(cmd.has_value(), "Cmd");
  need(data.has_value(), "Data");
  if (!missing.empty()) ctx.report(s, "status-required", fmt::format("Status lacks {}", missing), &f);

  if (cmd && !codes::is_status_cmd(*cmd)) {
    ctx.report(xml::child(s, "Cmd"), "status-cmd", fmt::format("Cmd '{}' is not a DM command name", *cmd), &f);
  } else if (header_status && cmdref && *cmdref != "0") {
    ctx.report(xml::child(s, "CmdRef"), "status-cmd", fmt::format("Cmd SyncHdr goes with CmdRef 0, not {}", *cmdref), &f);
  } else if (cmd && !header_status && cmdref && *cmdref == "0") {
    ctx.report(xml::child(s, "Cmd"), "status-cmd", fmt::format("CmdRef 0 names the SyncHdr, but Cmd is {}", *cmd), &f);
  }

  std::optional<int> code;
  if (data) {
    code = codes::parse_code(*data);
    if (!code || !codes::is_known_status(*code, ctx.windows())) {
      ctx.report(xml::child(s, "Data"), "status-code", fmt::format("'{}' is not a known status code", *data), &f);
    }
  }
  if (header_status) {
    ctx.header_status_seen = true;
    if (f.container || body_index != 0) {
      ctx.report(s, "status-header-first", "the Status for the SyncHdr must be the first command of SyncBody", &f);
    }
  }
  if (cmd && *cmd == "Results" && code == 200) {
    ctx.report(s, "status-on-results", "Results get no Status when the code would be 200", &f);
  }
  if ((code == 401 || code == 407) && !xml::child(s, "Chal")) {
    ctx.report(s, "status-chal", fmt::format("Status {} without Chal: the peer cannot tell which scheme to use", *code), &f);
  }
  if (const Node* chal = xml::child(s, "Chal")) {
    const Node* meta = xml::child(chal, "Meta");
    std::string scratch;
    if (auto format = meta ? child_text(meta, "Format", scratch) : std::nullopt; format && *format != "b64") {
      ctx.report(xml::child(meta, "Format"), "cred-format", fmt::format("Chal Format must be b64, not '{}'", *format), &f);
    }
  }
  if (!header_status && cmdref && msgref) {
    // Views may point into the scratch strings only when the text was split; keep those.
    auto keep = [&](std::optional<std::string_view> v, std::string& storage) -> std::string_view {
      if (!v) return {};
      if (!storage.empty()) {
        ctx.owned.emplace_back(*v);
        return ctx.owned.back();
      }
      return *v;
    };
    ctx.statuses.push_back({keep(msgref, s1), keep(cmdref, s2), s, f.cmdid.value_or(std::string_view{})});
  }
}

void check_results(Context& ctx, const Frame& f) {
  std::string scratch;
  auto cmdref = child_text(f.node, "CmdRef", scratch);
  if (!cmdref) {
    ctx.report(f.node, "results-refs", "Results without CmdRef (Windows reads it as 1)", &f, {},
               ctx.windows() ? std::optional(Severity::note) : std::nullopt);
  }
  if (auto cmd = child_text(f.node, "Cmd", scratch); cmd && *cmd != "Get") {
    ctx.report(xml::child(f.node, "Cmd"), "results-refs", fmt::format("Results answer a Get, not {}", *cmd), &f);
  }
}

void finish(Context& ctx, const Node* body) {
  // The SyncHdr Status first, whenever the message answers another.
  const Node* first = nullptr;
  std::size_t commands = 0;
  const Node* first_status = nullptr;
  for (const Node* n = body->first_node(); n; n = n->next_sibling()) {
    if (!is_element(n) || name_of(n) == "Final") continue;
    if (!first) first = n;
    ++commands;
    if (!first_status && name_of(n) == "Status") first_status = n;
  }
  if (ctx.has_header && first_status && !ctx.header_status_seen) {
    ctx.report(first_status, "status-header-first",
               "the message answers another but has no Status for its SyncHdr (CmdRef 0, Cmd SyncHdr) first");
  }
  // A client does not send a message that only says "your header was fine".
  if (ctx.direction == Direction::client && ctx.has_header && commands == 1 && first && name_of(first) == "Status") {
    std::string a, b;
    auto cmd = child_text(first, "Cmd", a);
    auto data = child_text(first, "Data", b);
    if (cmd && *cmd == "SyncHdr" && data && (*data == "200" || *data == "212")) {
      ctx.report(first, "status-only-header", "a client message holding only a successful SyncHdr Status is not sent");
    }
  }
  // One Status per command, or one per Item with distinct refs.
  // Sorted through an index: a token-dense reply has a Status every 200 bytes, and sorting the
  // records themselves would want a buffer of their size.
  const auto& records = ctx.statuses;
  std::vector<std::uint32_t> order(records.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint32_t>(k);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return std::tie(records[x].msgref, records[x].cmdref) < std::tie(records[y].msgref, records[y].cmdref);
  });
  struct Sorted {
    const std::vector<Context::StatusRef>& records;
    const std::vector<std::uint32_t>& order;
    const Context::StatusRef& operator[](std::size_t k) const { return records[order[k]]; }
    std::size_t size() const { return order.size(); }
  } st{records, order};
  for (std::size_t i = 0; i < st.size();) {
    std::size_t j = i + 1;
    while (j < st.size() && st[j].msgref == st[i].msgref && st[j].cmdref == st[i].cmdref) ++j;
    if (j - i > 1) {
      // The group's TargetRef and SourceRef texts; views into `storage` when the text was split.
      std::deque<std::string> storage;
      std::vector<std::pair<std::string_view, std::string_view>> refs;
      for (std::size_t k = i; k < j; ++k) {
        auto ref = [&](std::string_view name) -> std::string_view {
          std::string scratch;
          auto v = child_text(st[k].node, name, scratch);
          if (!v) return {};
          if (scratch.empty()) return *v;
          storage.emplace_back(*v);
          return storage.back();
        };
        std::string_view target = ref("TargetRef");
        refs.emplace_back(target, ref("SourceRef"));
      }
      for (std::size_t k = i; k < j; ++k) {
        Frame f;
        if (!st[k].cmdid.empty()) f.cmdid = st[k].cmdid;
        auto [targetref, sourceref] = refs[k - i];
        if (targetref.empty() && sourceref.empty()) {
          ctx.report(st[k].node, "status-per-item",
                     fmt::format("command {} has {} Statuses: each must carry the TargetRef of its Item", st[k].cmdref,
                                 j - i),
                     &f);
          continue;
        }
        for (std::size_t m = i; m < k; ++m) {
          if (refs[m - i] == refs[k - i]) {
            ctx.report(st[k].node, "status-per-item",
                       fmt::format("a second Status for command {} and the same Item '{}'", st[k].cmdref,
                                   targetref.empty() ? sourceref : targetref),
                       &f);
            break;
          }
        }
      }
    }
    i = j;
  }
  // A chunk is the last thing in its message, and the package goes on.
  if (ctx.moredata_command) {
    bool after = false;
    for (const Node* n = body->first_node(); n; n = n->next_sibling()) {
      if (!is_element(n)) continue;
      if (n == ctx.moredata_command) {
        after = true;
        continue;
      }
      if (!after) continue;
      ctx.report(n, "moredata",
                 name_of(n) == "Final" ? "Final after a MoreData chunk: the object continues in the next message"
                                       : fmt::format("{} after a MoreData chunk: a chunk ends its message", name_of(n)),
                 nullptr, {}, Severity::error);
      break;
    }
  }
}

}  // namespace syncmldm::validate::detail::responses
