#include "syncmldm/tree/find.hpp"

#include <set>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/tree/uri.hpp"

namespace syncmldm::ddf {

namespace {
void collect(const SchemaNode& n, std::string_view pattern, std::vector<std::string>& out) {
  if (n.described) {
    std::string path = path_of(n);
    if (tree::uri_matches(pattern, path)) out.push_back(std::move(path));
  }
  for (const auto& [_, c] : n.children) collect(*c, pattern, out);
  if (n.dynamic) collect(*n.dynamic, pattern, out);
}
}  // namespace

std::vector<std::string> find(const Schema& schema, std::string_view pattern) {
  std::vector<std::string> out;
  collect(schema.root(), pattern, out);
  return out;
}

std::vector<const SchemaNode*> find_nodes(const Schema& schema, std::string_view pattern, bool text) {
  std::vector<const SchemaNode*> out;
  std::vector<const SchemaNode*> stack{&schema.root()};
  while (!stack.empty()) {
    const SchemaNode* n = stack.back();
    stack.pop_back();
    if (n->described && (tree::uri_matches(pattern, path_of(*n)) ||
                         (text && (tree::text_matches(pattern, n->title) || tree::text_matches(pattern, n->description)))))
      out.push_back(n);
    // Schema order: named children, then the dynamic one (pushed first, so popped last).
    if (n->dynamic) stack.push_back(n->dynamic.get());
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(it->second.get());
  }
  return out;
}

}  // namespace syncmldm::ddf

namespace syncmldm::tree {

namespace {
template <class NodeT>
void add_children(const NodeT& n, std::set<std::string>& names) {
  for (const auto& [name, c] : n.children) names.insert(uri::encode_segment(name) + (c->is_interior() ? "/" : ""));
}
}  // namespace

bool text_matches(std::string_view pattern, std::string_view text) {
  if (text.empty()) return false;
  if (pattern.find_first_of("*?") == std::string_view::npos) return uri_matches(pattern, text);
  return uri_matches("*" + std::string(pattern) + "*", text);
}

std::vector<const Node*> find_nodes(const Node& start, std::string_view pattern, bool text) {
  std::vector<const Node*> out;
  std::vector<const Node*> stack{&start};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (uri_matches(pattern, n->uri()) || (text && text_matches(pattern, n->title))) out.push_back(n);
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(it->second.get());
  }
  return out;
}

std::vector<std::string> complete(std::string_view prefix, const Tree* tree, const ddf::Schema* schema) {
  std::string_view parent = ".", partial = prefix, head = "./";
  auto slash = prefix.rfind('/');
  if (slash != std::string_view::npos) {
    parent = prefix.substr(0, slash);
    partial = prefix.substr(slash + 1);
    head = prefix.substr(0, slash + 1);
  } else if (prefix == ".") {
    partial = {};
  }
  std::set<std::string> names;
  if (tree)
    if (const Node* n = tree->find(parent)) add_children(*n, names);
  if (schema)
    if (const ddf::SchemaNode* n = schema->lookup(parent)) add_children(*n, names);
  std::vector<std::string> out;
  for (const auto& name : names)
    if (name.compare(0, partial.size(), partial) == 0) out.push_back(std::string(head) + name);
  return out;
}

}  // namespace syncmldm::tree
