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

}  // namespace syncmldm::ddf

namespace syncmldm::tree {

namespace {
template <class NodeT>
void add_children(const NodeT& n, std::set<std::string>& names) {
  for (const auto& [name, c] : n.children) names.insert(uri::encode_segment(name) + (c->is_interior() ? "/" : ""));
}
}  // namespace

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
