#pragma once
// TNDS 1.2 (Tree and Description Serialization) documents: the dm-tree state file, `?list=TNDS`
// results and TNDS payloads of Add/Replace.
//
// A state file carries the instance tree (RTProperties, Value) and, beside it, the schema it was
// made with (DFProperties, with dynamic nodes as empty NodeNames), so that a state needs no DDF
// afterwards. A Node with RTProperties is an instance; one with only DFProperties is schema.

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/tree.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::tnds {

// Reads a state file. Throws Error{input} with file:line:col for anything that is not a valid
// TNDS document (root not MgmtTree, Node without NodeName, unknown Format, malformed ACL, a node
// under a leaf, nesting deeper than 128).
tree::Tree read_state(std::string_view text, const std::string& source_name);

// Writes the whole tree, with its schema's DFProperties when the tree has one.
std::string write_state(const tree::Tree& tree);

// Properties to include in a TNDS subtree: ACL Format Name Size Title TStamp Type VerNo Value.
struct Selection {
  std::set<std::string> properties = {"ACL", "Format", "Name", "Size", "Title", "TStamp", "Type", "VerNo", "Value"};
  // Only nodes for which `visible` returns true are written (ACL Get filtering); null: all.
  std::function<bool(const tree::Node&)> visible;
  // Leaves whose value `value_visible` refuses (no Get for the reader) get no Value, or the
  // `hidden_value` marker when that is not empty; null: every value is written.
  std::function<bool(const tree::Node&)> value_visible;
  std::string hidden_value;
};
// A TNDS document of the subtree at `start` (the start node is the top-level Node).
std::string write_subtree(const tree::Node& start, const Selection& selection);

// Reads a TNDS payload (Add/Replace with Type application/vnd.syncml.dmtnds+xml) into a detached
// interior node whose children are the document's top-level Nodes (Path appended relative to
// the target). Throws Error{input} on malformed documents.
std::unique_ptr<tree::Node> read_payload(std::string_view text, const std::string& source_name);

}  // namespace syncmldm::tnds
SYNCMLDM_API_END
