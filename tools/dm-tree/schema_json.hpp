#pragma once
// A DDF schema node as JSON: show --ddf --format json draws subtrees of it, describe one node.
#include <nlohmann/json.hpp>

#include "syncmldm/tree/ddf.hpp"

namespace dm_tree {

// `n` and its children down to `depth` levels below `level` (depth < 0: all).
// AccessType as a list of command names, in DDF order: ["Add", "Get"].
nlohmann::json access_list(const syncmldm::ddf::AccessType& a);
nlohmann::json schema_json(const syncmldm::ddf::SchemaNode& n, int depth, int level);

}  // namespace dm_tree
