// Atomic and Sequence rules: what may be nested, and what a Windows client refuses inside Atomic.

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "syncmldm/tree/uri.hpp"
#include "validate/validate_context.hpp"

namespace syncmldm::validate::detail::atomic {
namespace {

// Canonical keys of the Item targets of a command ("./Vendor/MSFT/X" for every scope spelling).
template <class F>
void for_each_target(const Node* command, std::string& scratch, F&& f) {
  for (const Node* item = xml::child(command, "Item"); item; item = xml::next_sibling(item, "Item")) {
    const Node* target = xml::child(item, "Target");
    if (!target) continue;
    if (auto uri = child_text(target, "LocURI", scratch); uri && !uri->empty()) f(uri::canonical_key(*uri));
  }
}

// "./Device/Vendor/MSFT/<CSP>/..." -> "<CSP>"; other trees by their first segment. A view into
// the LocURI text: no allocation per command.
std::string_view csp_of(std::string_view uri) {
  if (uri.starts_with("./")) uri.remove_prefix(2);
  for (std::string_view scope : {"Device/", "User/", "device/", "user/"}) {
    if (uri.starts_with(scope)) {
      uri.remove_prefix(scope.size());
      break;
    }
  }
  if (uri.starts_with("Vendor/MSFT/")) uri.remove_prefix(12);
  return uri.substr(0, uri.find('/'));
}

// The LocURI views of a command's Item targets (one text node each, the usual case).
template <class F>
void for_each_target_text(const Node* command, F&& f) {
  std::string scratch;
  for (const Node* item = xml::child(command, "Item"); item; item = xml::next_sibling(item, "Item")) {
    const Node* target = xml::child(item, "Target");
    if (!target) continue;
    const Node* loc = xml::child(target, "LocURI");
    const Node* text = loc ? loc->first_node() : nullptr;
    if (text && text->type() == xml::dom::node_data && !text->next_sibling()) {
      f(trim(std::string_view(text->value(), text->value_size())));
    }
  }
}

}  // namespace

void check_container(Context& ctx, const Frame& f) {
  const Node* c = f.node;
  // CmdID, NoResp and Meta come before the commands.
  bool seen_command = false;
  for (const Node* n = c->first_node(); n; n = n->next_sibling()) {
    if (!is_element(n)) continue;
    std::string_view name = name_of(n);
    bool head = name == "CmdID" || name == "NoResp" || name == "Meta";
    if (head && seen_command) {
      ctx.report(n, "element-order", fmt::format("{} must come before the commands of {}", name, kind_name(f.kind)), &f);
    }
    if (!head) seen_command = true;
    if (name == "Meta") meta::check_meta(ctx, n, &f);
  }
  if (!seen_command) {
    ctx.report(c, "item-count", fmt::format("{} holds no command", kind_name(f.kind)), &f);
  }
  if (f.kind != Kind::atomic) return;

  std::string scratch;
  std::vector<std::string> added;
  std::vector<std::string_view> csps;
  bool nested_reported = false;
  for (const Node* n = c->first_node(); n; n = n->next_sibling()) {
    if (!is_element(n)) continue;
    Kind k = command_kind(name_of(n));
    if (k == Kind::atomic && !nested_reported) {
      ctx.report(c, "atomic-nested", "Atomic contains a nested Atomic: the outer Atomic fails", &f, 507);
      nested_reported = true;
    }
    if (k == Kind::add) {
      for_each_target(n, scratch, [&](std::string key) { added.push_back(std::move(key)); });
    } else if (k == Kind::replace && !added.empty()) {
      for_each_target(n, scratch, [&](const std::string& key) {
        if (std::find(added.begin(), added.end(), key) != added.end()) {
          ctx.report(n, "atomic-add-replace",
                     fmt::format("Replace of {} after its Add in the same Atomic is not supported by Windows", key), &f);
        }
      });
    }
    if (k == Kind::add || k == Kind::replace || k == Kind::delete_ || k == Kind::exec) {
      for_each_target_text(n, [&](std::string_view uri) {
        std::string_view csp = csp_of(uri);
        if (!csp.empty() && std::find(csps.begin(), csps.end(), csp) == csps.end()) csps.push_back(csp);
      });
    }
  }
  if (csps.size() > 1) {
    ctx.report(c, "atomic-unrelated",
               fmt::format("Atomic spans {} and {}: one failure rolls back every setting", csps[0], csps[1]), &f);
  }
}

void check_child(Context& ctx, const Frame& child) {
  std::string_view name = kind_name(child.kind);
  if (child.container_kind == Kind::atomic) {
    switch (child.kind) {
      case Kind::atomic:
        ctx.report(child.node, "atomic-nested", "Atomic inside Atomic is not supported", &child, 500);
        break;
      case Kind::get:
        ctx.report(child.node, "atomic-get", "Get inside Atomic is not allowed", &child);
        break;
      case Kind::exec:
        if (!ctx.windows()) {
          ctx.report(child.node, "atomic-child", "Exec inside Atomic is not allowed by OMA DM (Windows accepts it)",
                     &child, {}, {}, true);
        }
        break;
      case Kind::alert:
        if (ctx.windows()) {
          ctx.report(child.node, "atomic-child", "Alert inside Atomic is not confirmed to work on Windows", &child, {},
                     Severity::warning, true);
        }
        break;
      case Kind::sequence:
      case Kind::status:
      case Kind::results:
        ctx.report(child.node, "atomic-child", fmt::format("{} is not allowed inside Atomic", name), &child);
        break;
      default: break;
    }
  } else if (child.container_kind == Kind::sequence) {
    switch (child.kind) {
      case Kind::sequence:
      case Kind::status:
      case Kind::results:
        ctx.report(child.node, "sequence-child", fmt::format("{} is not allowed inside Sequence", name), &child);
        break;
      case Kind::atomic:
        ctx.report(child.node, "sequence-child",
                   ctx.windows() ? "Atomic inside Sequence is not confirmed to work on Windows"
                                 : "Atomic is not in the DM list of Sequence children",
                   &child, {}, ctx.windows() ? std::optional(Severity::warning) : std::nullopt, true);
        break;
      default: break;
    }
  }
}

}  // namespace syncmldm::validate::detail::atomic
