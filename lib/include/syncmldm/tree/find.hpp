#pragma once
// Finding nodes by URI where tree::find (tree.hpp) does not reach: the described nodes of a
// DDF schema that match a pattern, and the completions of a partial URI (shell completion).

#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::ddf {
class Schema;
// URIs (ddf::path_of, dynamic segments as "<x>") of the described nodes of `schema` that match
// `pattern` as tree::uri_matches reads it, in schema order (named children, then the dynamic one).
std::vector<std::string> find(const Schema& schema, std::string_view pattern);
}  // namespace syncmldm::ddf

namespace syncmldm::tree {
class Tree;
// Completions of `prefix`: the children of its parent URI (everything up to the last '/', else
// the root) in `tree` and in `schema` (either may be null) whose encoded names start with its
// last segment, each as the prefix's parent part plus the name, with a '/' after interior
// nodes. Sorted, without duplicates. "." and "" complete the root's children as "./Name".
std::vector<std::string> complete(std::string_view prefix, const Tree* tree, const ddf::Schema* schema);
}  // namespace syncmldm::tree
SYNCMLDM_API_END
