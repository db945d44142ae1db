// Setting a leaf from outside a DM session (a state file built on the command line).

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::tree {

Node& set_leaf(Tree& tree, std::string_view text, std::string_view value, const std::string& now) {
  auto problems = uri::check(text);
  if (uri::has_error(problems))
    throw Error(ErrorKind::usage, std::string(text) + ": " + std::string(uri::describe(problems.front().kind)));
  auto segs = uri::canonical(uri::parse(text)).segments;
  const ddf::SchemaNode* sch = tree.schema_of(segs);
  Node* n = tree.ensure(segs, sch && !sch->format.empty() ? sch->format : "chr");
  if (!n || n->is_interior()) throw Error(ErrorKind::usage, std::string(text) + ": not a leaf");
  n->value = value;
  if (n->type.empty()) n->type = sch ? sch->type() : "text/plain";
  n->tstamp = now;
  return *n;
}

}  // namespace syncmldm::tree
