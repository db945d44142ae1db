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
struct SchemaNode;
// The same nodes themselves; with `text`, also those whose Title or Description holds the
// pattern (text_matches).
std::vector<const SchemaNode*> find_nodes(const Schema& schema, std::string_view pattern, bool text);
}  // namespace syncmldm::ddf

namespace syncmldm::tree {
class Tree;
struct Node;
// A pattern read against prose (a Title, a Description): without '*' or '?' a case-insensitive
// substring, else a glob over the whole text with '*' on both ends.
bool text_matches(std::string_view pattern, std::string_view text);
// The nodes under `start` (itself included) whose URI matches `pattern` (tree::find), or with
// `text` whose Title matches it (text_matches), in URI order.
std::vector<const Node*> find_nodes(const Node& start, std::string_view pattern, bool text);
// Completions of `prefix`: the children of its parent URI (everything up to the last '/', else
// the root) in `tree` and in `schema` (either may be null) whose encoded names start with its
// last segment, each as the prefix's parent part plus the name, with a '/' after interior
// nodes. Sorted, without duplicates. "." and "" complete the root's children as "./Name".
std::vector<std::string> complete(std::string_view prefix, const Tree* tree, const ddf::Schema* schema);
}  // namespace syncmldm::tree
SYNCMLDM_API_END
