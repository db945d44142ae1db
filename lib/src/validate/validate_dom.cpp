// DOM helpers and the Context shared by the rule areas.

#include <algorithm>

#include <fmt/format.h>

#include "validate/validate_context.hpp"

namespace syncmldm::validate::detail {

Kind command_kind(std::string_view n) {
  switch (n.size()) {
    case 3:
      if (n == "Add") return Kind::add;
      if (n == "Get") return Kind::get;
      if (n == "Map") return Kind::map;
      if (n == "Put") return Kind::put;
      break;
    case 4:
      if (n == "Copy") return Kind::copy;
      if (n == "Exec") return Kind::exec;
      if (n == "Sync") return Kind::sync;
      if (n == "Move") return Kind::move;
      break;
    case 5:
      if (n == "Alert") return Kind::alert;
      break;
    case 6:
      if (n == "Atomic") return Kind::atomic;
      if (n == "Delete") return Kind::delete_;
      if (n == "Status") return Kind::status;
      if (n == "Search") return Kind::search;
      break;
    case 7:
      if (n == "Replace") return Kind::replace;
      if (n == "Results") return Kind::results;
      break;
    case 8:
      if (n == "Sequence") return Kind::sequence;
      break;
    default: break;
  }
  return Kind::other;
}

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::add: return "Add";
    case Kind::alert: return "Alert";
    case Kind::atomic: return "Atomic";
    case Kind::copy: return "Copy";
    case Kind::delete_: return "Delete";
    case Kind::exec: return "Exec";
    case Kind::get: return "Get";
    case Kind::replace: return "Replace";
    case Kind::results: return "Results";
    case Kind::sequence: return "Sequence";
    case Kind::status: return "Status";
    case Kind::sync: return "Sync";
    case Kind::map: return "Map";
    case Kind::put: return "Put";
    case Kind::search: return "Search";
    case Kind::move: return "Move";
    case Kind::other: break;
  }
  return "";
}

void read_text(const Node* node, Text& out) {
  out.value = {};
  out.plain = true;
  out.has_cdata = false;
  out.has_elements = false;
  out.storage.clear();
  int pieces = 0;
  for (const Node* n = node->first_node(); n; n = n->next_sibling()) {
    auto type = n->type();
    if (type == xml::dom::node_element) {
      out.has_elements = true;
      out.plain = false;
      continue;
    }
    if (type != xml::dom::node_data && type != xml::dom::node_cdata) continue;
    if (type == xml::dom::node_cdata) {
      out.has_cdata = true;
      out.plain = false;
    }
    std::string_view piece(n->value(), n->value_size());
    if (pieces == 0) {
      out.value = piece;
    } else {
      if (pieces == 1) out.storage.assign(out.value);
      out.storage.append(piece);
      out.plain = false;
    }
    ++pieces;
  }
  if (pieces > 1) out.value = out.storage;
}

std::string_view trim(std::string_view s) {
  constexpr std::string_view ws = " \t\r\n";
  std::size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::optional<std::string_view> child_text(const Node* parent, std::string_view name, std::string& scratch) {
  const Node* c = xml::child(parent, name);
  if (!c) return std::nullopt;
  // The usual case, one text node, needs no copy.
  const Node* first = c->first_node();
  if (!first) return std::string_view{};
  if (!first->next_sibling() && (first->type() == xml::dom::node_data || first->type() == xml::dom::node_cdata)) {
    return trim(std::string_view(first->value(), first->value_size()));
  }
  scratch = xml::text(c);
  return trim(scratch);
}

void merge_meta(const Node* meta, MetaView& into) {
  if (!meta) return;
  for (const Node* n = meta->first_node(); n; n = n->next_sibling()) {
    if (!is_element(n)) continue;
    std::string_view name = name_of(n);
    if (name == "Format") into.format = n;
    else if (name == "Type") into.type = n;
    else if (name == "Size") into.size = n;
    else if (name == "Mark") into.mark = n;
  }
}

Context::Context(const xml::Document& d, const Options& o, const Locator& locator, std::string_view file,
                 std::vector<Diagnostic>& out)
    : doc(d), options(o), profile(o.profile), locator_(locator), file_(file), out_(out) {
  for (const auto& id : o.disabled) disabled_.push_back(id);
}

bool Context::enabled(std::string_view rule) const {
  const Rule* r = find_rule(rule);
  if (!r) return false;
  if (!(profile == Profile::windows ? r->windows : r->oma)) return false;
  return std::find(disabled_.begin(), disabled_.end(), rule) == disabled_.end();
}

void Context::report(const Node* at, std::string_view rule, std::string message, const Frame* frame,
                     std::optional<int> status, std::optional<Severity> severity, bool no_status) {
  const Rule* r = find_rule(rule);
  if (!r) return;
  auto level = profile == Profile::windows ? r->windows : r->oma;
  if (!level) return;
  if (std::find(disabled_.begin(), disabled_.end(), rule) != disabled_.end()) return;
  Diagnostic d;
  d.file = std::string(file_);
  d.severity = severity.value_or(*level);
  d.rule = r->id;
  if (status) d.status = status;
  else if (r->status != 0 && !no_status) d.status = r->status;
  if (frame && frame->cmdid) d.cmdid = std::string(*frame->cmdid);
  d.message = std::move(message);
  locator_.place(at, d);
  out_.push_back(std::move(d));
}

void check_order(Context& ctx, const Node* parent, std::initializer_list<ChildSpec> spec, const Frame* frame,
                 std::string_view rule, const std::function<bool(const Node*)>& on_unexpected) {
  std::size_t current = 0;
  bool seen_current = false;
  bool reported_order = false;
  for (const Node* n = parent->first_node(); n; n = n->next_sibling()) {
    if (!is_element(n)) continue;
    std::string_view name = name_of(n);
    std::size_t index = 0;
    for (const auto& s : spec) {
      if (s.name == name) break;
      ++index;
    }
    if (index == spec.size()) {
      if (on_unexpected && on_unexpected(n)) continue;
      ctx.report(n, "unexpected-child", fmt::format("{} is not allowed in {}", name, name_of(parent)), frame);
      continue;
    }
    const ChildSpec& s = *(spec.begin() + index);
    if (index < current) {
      if (!reported_order && !rule.empty()) {
        ctx.report(n, rule,
                   fmt::format("{} must come before {} in {}", name, (spec.begin() + current)->name,
                               name_of(parent)),
                   frame);
        reported_order = true;
      }
      continue;
    }
    if (index == current && seen_current && !s.repeat) {
      if (!rule.empty()) ctx.report(n, rule, fmt::format("{} appears more than once in {}", name, name_of(parent)), frame);
      continue;
    }
    seen_current = true;
    current = index;
  }
}

}  // namespace syncmldm::validate::detail
