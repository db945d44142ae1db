// Item rules: the Target/Source/Data each command kind needs, Data last, and Alert items per code.

#include <fmt/format.h>

#include "syncmldm/codes/status.hpp"
#include "validate/validate_context.hpp"

namespace syncmldm::validate::detail::items {
namespace {

bool is_metinf_name(std::string_view n) {
  return n == "Format" || n == "Type" || n == "Size" || n == "Mark" || n == "MaxMsgSize" || n == "MaxObjSize" ||
         n == "NextNonce" || n == "EMI";
}

// Checks one address element (Target or Source) and its LocURI; returns the LocURI text.
std::optional<std::string_view> check_address(Context& ctx, const Frame& f, const Node* addr, bool is_target) {
  if (!addr) return std::nullopt;
  if (is_target) {
    check_order(ctx, addr, {{"LocURI"}, {"LocName"}, {"Filter"}}, &f);
  } else {
    check_order(ctx, addr, {{"LocURI"}, {"LocName"}}, &f);
  }
  const Node* loc = xml::child(addr, "LocURI");
  if (!loc) {
    ctx.report(addr, is_target ? "item-target" : "item-source", fmt::format("{} without LocURI", name_of(addr)), &f);
    return std::nullopt;
  }
  locuri::check(ctx, f, loc, is_target);
  Text t;
  read_text(loc, t);
  if (!t.storage.empty()) {
    ctx.owned.emplace_back(trim(t.value));
    return std::string_view(ctx.owned.back());
  }
  return trim(t.value);
}

void check_item_shape(Context& ctx, const Frame& f, const Node* item) {
  // Data must be last (MoreData may follow it); other order faults are element-order.
  const Node* data = xml::child(item, "Data");
  bool data_not_last = false;
  if (data) {
    for (const Node* n = data->next_sibling(); n; n = n->next_sibling()) {
      if (is_element(n) && name_of(n) != "MoreData") {
        ctx.report(n, "item-data-last", fmt::format("{} after Data: Data must be the last element of Item", name_of(n)), &f);
        data_not_last = true;
        break;
      }
    }
  }
  // Meta is judged on its own: Microsoft's samples put it before Target and Windows answers 200
  // to them, so that order is a note under --profile windows and an error under --profile oma.
  std::string_view rule = data_not_last ? std::string_view{} : std::string_view{"element-order"};
  const Node* meta = nullptr;
  bool meta_first_reported = false;
  for (const Node* n = item->first_node(); n; n = n->next_sibling()) {
    if (!is_element(n)) continue;
    std::string_view name = name_of(n);
    if (name == "Meta") {
      if (meta && !rule.empty()) ctx.report(n, rule, "Meta appears more than once in Item", &f);
      if (!meta) meta = n;
    } else if (meta && !meta_first_reported && !rule.empty() &&
               (name == "Target" || name == "Source" || name == "SourceParent" || name == "TargetParent")) {
      meta_first_reported = true;
      ctx.report(n, rule,
                 fmt::format("{} must come before Meta in Item{}", name,
                             ctx.windows() ? " (Windows accepts this order)" : ""),
                 &f, {}, ctx.windows() ? Severity::note : Severity::error);
    }
  }
  check_order(ctx, item, {{"Target"}, {"Source"}, {"SourceParent"}, {"TargetParent"}, {"Data"}, {"MoreData"}}, &f,
              rule, [&](const Node* n) {
                if (name_of(n) == "Meta") return true;
                if (!is_metinf_name(name_of(n))) return false;
                ctx.report(n, "meta-misplaced", fmt::format("{} must be inside Meta", name_of(n)), &f);
                return true;
              });
}

std::string_view format_of(const MetaView& m, std::string& scratch) {
  if (!m.format) return "chr";
  Text t;
  read_text(m.format, t);
  scratch.assign(trim(t.value));
  return scratch;
}

}  // namespace

void check(Context& ctx, const Frame& f) {
  const Node* c = f.node;
  MetaView base = f.inherited;
  if (const Node* m = xml::child(c, "Meta")) {
    meta::check_meta(ctx, m, &f);
    merge_meta(m, base);
  }
  std::size_t count = 0;
  std::string scratch;
  for (const Node* item = xml::child(c, "Item"); item; item = xml::next_sibling(item, "Item")) {
    ++count;
    if (f.kind == Kind::exec && count == 2) {
      ctx.report(item, "item-count", "Exec carries exactly one Item", &f);
    }
    check_item_shape(ctx, f, item);
    const Node* target = xml::child(item, "Target");
    const Node* source = xml::child(item, "Source");
    auto target_uri = check_address(ctx, f, target, true);
    check_address(ctx, f, source, false);
    switch (f.kind) {
      case Kind::add: case Kind::delete_: case Kind::get: case Kind::exec:
        if (!target) ctx.report(item, "item-target", fmt::format("{} Item without Target", kind_name(f.kind)), &f);
        break;
      case Kind::copy:
        if (!target) ctx.report(item, "item-target", "Copy Item without Target", &f);
        if (!source) ctx.report(item, "item-source", "Copy Item without Source", &f);
        break;
      case Kind::replace:
        if (!target && !source) {
          ctx.report(item, ctx.direction == Direction::client ? "item-source" : "item-target",
                     ctx.direction == Direction::client ? "Replace Item without Source" : "Replace Item without Target",
                     &f);
        }
        break;
      case Kind::results:
        if (!source) ctx.report(item, "item-source", "Results Item without Source (the node read)", &f);
        break;
      default: break;
    }
    MetaView effective = base;
    if (const Node* m = xml::child(item, "Meta")) {
      meta::check_meta(ctx, m, &f);
      merge_meta(m, effective);
    }
    if ((f.kind == Kind::add || f.kind == Kind::replace) && !xml::child(item, "Data")) {
      std::string_view format = format_of(effective, scratch);
      bool exempt = format == "node" || format == "null" || (f.kind == Kind::add && ctx.windows());
      if (!exempt) {
        ctx.report(item, "item-data", fmt::format("{} Item without Data (Format {})", kind_name(f.kind), format), &f);
      }
    }
    bool ddf_judged = ctx.options.schema && target_uri && ddf_rules::check(ctx, f, item, *target_uri, effective);
    meta::check_item_data(ctx, f, item, effective, ddf_judged);
  }
  if (count == 0) ctx.report(c, "item-count", fmt::format("{} has no Item", kind_name(f.kind)), &f);
}

void check_alert(Context& ctx, const Frame& f) {
  const Node* c = f.node;
  std::string scratch;
  const Node* data = xml::child(c, "Data");
  auto code_text = child_text(c, "Data", scratch);
  if (!data || !code_text || code_text->empty()) {
    ctx.report(c, "alert-code", "Alert without an alert code in Data", &f, 412);
    return;
  }
  auto code = codes::parse_code(*code_text);
  auto alert = code ? codes::find_alert(*code) : std::nullopt;
  if (!alert) {
    ctx.report(data, "alert-code", fmt::format("'{}' is not an OMA DM alert code", *code_text), &f);
    return;
  }
  using codes::AlertDirection;
  if (ctx.direction == Direction::server && alert->direction == AlertDirection::client_to_server) {
    ctx.report(c, "command-direction", fmt::format("alert {} ({}) is sent by a client", alert->code, alert->name), &f);
  } else if (ctx.direction == Direction::client && alert->direction == AlertDirection::server_to_client) {
    ctx.report(c, "command-direction", fmt::format("alert {} ({}) is sent by a server", alert->code, alert->name), &f);
  }
  if (!alert->windows_supported) {
    ctx.report(c, "alert-unsupported", fmt::format("the Windows client does not support alert {} ({})", alert->code, alert->name), &f);
  }
  if (const Node* corr = xml::child(c, "Correlator")) {
    ctx.report(corr, "alert-unsupported", "the Windows client does not support Correlator", &f);
  }

  std::size_t count = 0;
  for (const Node* item = xml::child(c, "Item"); item; item = xml::next_sibling(item, "Item")) {
    ++count;
    check_item_shape(ctx, f, item);
    check_address(ctx, f, xml::child(item, "Target"), true);
    check_address(ctx, f, xml::child(item, "Source"), false);
    MetaView effective;
    if (const Node* m = xml::child(item, "Meta")) {
      meta::check_meta(ctx, m, &f);
      merge_meta(m, effective);
    }
    if (alert->code == 1224 || alert->code == 1226) {
      if (!effective.type) {
        ctx.report(item, "alert-items", fmt::format("alert {} Item without Meta Type (the event type)", alert->code), &f);
      } else if (alert->code == 1226) {
        Text t;
        read_text(effective.type, t);
        std::string_view type = trim(t.value);
        if (!type.starts_with("Content-Type:") && !type.starts_with("Reversed-Domain-Name:")) {
          ctx.report(effective.type, "alert-type",
                     fmt::format("Generic Alert Type '{}' is neither Content-Type: nor Reversed-Domain-Name:", type), &f);
        }
      }
      if (!effective.format) {
        Severity s = ctx.windows() ? (alert->code == 1224 ? Severity::note : Severity::warning) : Severity::error;
        ctx.report(item, "alert-meta-format", fmt::format("alert {} Item without Meta Format", alert->code), &f, {}, s);
      }
      if (effective.mark) {
        Text t;
        read_text(effective.mark, t);
        if (!codes::is_mark(trim(t.value))) {
          ctx.report(effective.mark, "alert-mark", fmt::format("Mark '{}' is not a defined value", trim(t.value)), &f);
        }
      }
      if (!xml::child(item, "Data")) {
        ctx.report(item, "alert-items", fmt::format("alert {} Item without Data", alert->code), &f);
      }
    }
    meta::check_item_data(ctx, f, item, effective);
  }
  std::size_t min = 0, max = SIZE_MAX;
  switch (alert->code) {
    case 1100: case 1101: min = max = 2; break;
    case 1102: min = 2; break;
    case 1103: case 1104: min = 3; break;
    case 1200: case 1201: case 1223: max = 0; break;
    case 1224: case 1226: case 1225: min = 1; break;
    default: break;
  }
  if (count < min || count > max) {
    std::string need = min == max ? fmt::format("{}", min) : max == 0 ? "no" : fmt::format("at least {}", min);
    Severity s = max == 0 ? Severity::warning : Severity::error;
    ctx.report(c, "alert-items", fmt::format("alert {} carries {} Item(s); it needs {}", alert->code, count, need), &f,
               {}, s);
  }
}

}  // namespace syncmldm::validate::detail::items
