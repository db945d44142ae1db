// The judgement's verdict in a few words, for the person who sent the command: what dm-tree
// apply -v prints beside a failing Status.

#include <fmt/format.h>

#include "syncmldm/device/judgement.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/uri.hpp"

namespace syncmldm::judgement {

namespace {

std::string prefix_uri(const std::vector<std::string>& segs, std::size_t depth) {
  uri::Uri u;
  u.dot_prefix = true;
  u.segments.assign(segs.begin(), segs.begin() + static_cast<std::ptrdiff_t>(std::min(depth, segs.size())));
  return uri::node_string(u);
}

// The described node of the first `depth` segments, from the node of the whole path.
const ddf::SchemaNode* ancestor(const ddf::SchemaNode* n, std::size_t levels_up) {
  for (; n && levels_up > 0; --levels_up) n = n->parent;
  return n;
}

std::string missing(const Verdict& v, const Request& r) {
  const auto& segs = r.segments;
  std::size_t depth = v.depth == 0 ? segs.size() : v.depth;
  const ddf::SchemaNode* at = v.node ? ancestor(v.node, segs.size() - std::min(depth, segs.size())) : nullptr;
  bool dynamic = at && at->described && at->name.empty();
  if (depth < segs.size()) {
    if (dynamic)
      return depth + 1 == segs.size() ? "no such node; the parent is dynamic, Add it first"
                                      : fmt::format("no such node; {} is dynamic, Add it first", prefix_uri(segs, depth));
    return fmt::format("no such node: {} does not exist", prefix_uri(segs, depth));
  }
  if (r.property || r.other_query) return "no such node in the tree yet (its properties come once it is set)";
  if (dynamic && r.command == "Delete") return "no such node: a dynamic node exists once added";
  if (dynamic) return r.command == "Add" ? "no such node" : "no such node; it is dynamic, Add it first";
  if (v.node && !v.node->is_interior() && r.command == "Get") return "not set yet: a device answers 404 until a value is set";
  return "no such node";
}

std::string allowed_list(const ddf::SchemaNode& n) {
  if (!n.allowed || n.allowed->value_type != "ENUM" || n.allowed->values.empty() || n.allowed->values.size() > 8) return "";
  std::string list;
  for (const auto& a : n.allowed->values) list += (list.empty() ? "" : ", ") + a;
  return " (allowed: " + list + ")";
}

}  // namespace

std::string explain(const Verdict& v, const Request& r) {
  switch (v.reason) {
    case Reason::ok:
    case Reason::area_not_loaded:
    case Reason::outside:
      break;
    case Reason::unknown_node:
      if (v.scope_hint == uri::Scope::device) return "not a node of the loaded DDFs; the DDF defines it in device scope: ./Device/...";
      if (v.scope_hint == uri::Scope::user) return "not a node of the loaded DDFs; the DDF defines it in user scope: ./User/...";
      if (!v.suggestion.empty()) return fmt::format("not a node of the loaded DDFs; did you mean {}?", v.suggestion);
      return "not a node of the loaded DDFs";
    case Reason::missing: return missing(v, r);
    case Reason::exists:
      if (v.node && v.node->is_permanent() && !v.stored) return "the node is permanent: it exists with its parent (Replace sets it)";
      return v.node && !v.node->is_interior() ? "the node exists already (Replace sets its value)" : "the node exists already";
    case Reason::access:
      return fmt::format("{} is not in the node's AccessType ({})", r.command,
                         v.node && !v.node->access.to_string().empty() ? v.node->access.to_string() : "none");
    case Reason::interior:
      if (v.depth > 0 && v.depth < r.segments.size())
        return fmt::format("{} is a leaf: it has no child nodes", prefix_uri(r.segments, v.depth));
      return fmt::format("{} of a value on an interior node", r.command);
    case Reason::bad_name:
      if (v.depth == 0 || v.depth > r.segments.size()) return "the name breaks the naming rule of its parent";
      return fmt::format("'{}' breaks the naming rule (a RegEx AllowedValues) of the nodes under {}",
                         r.segments[v.depth - 1], prefix_uri(r.segments, v.depth - 1));
    case Reason::format_name: return fmt::format("'{}' is not a DM format", r.format ? *r.format : std::string());
    case Reason::format: return fmt::format("Format {} does not match the node's DFFormat {}", v.format, v.detail);
    case Reason::data: return fmt::format("the Data is not a valid {} value", v.detail);
    case Reason::value: return "not one of the node's allowed values" + (v.node ? allowed_list(*v.node) : std::string());
  }
  if (v.status == 404) return missing(v, r);
  if (v.status == 418) return "the node exists already";
  return "";
}

}  // namespace syncmldm::judgement
