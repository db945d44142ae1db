// dm-tree find: the nodes of a state, or the described nodes of a DDF schema, whose URI matches
// a pattern (tree::uri_matches), or with --text whose Title or Description holds it; their URIs
// one per line, or as JSON.

#include <nlohmann/json.hpp>

#include "common/exit_codes.hpp"
#include "dm_tree.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/find.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_tree {

using namespace syncmldm;

namespace {

nlohmann::json schema_match(const ddf::SchemaNode& n) {
  return {{"uri", ddf::path_of(n)}, {"format", n.format}, {"title", n.title}, {"description", n.description}};
}

nlohmann::json state_match(const tree::Node& n) {
  return {{"uri", n.uri()}, {"format", n.format}, {"title", n.title}};
}

}  // namespace

int find(const FindOptions& o) {
  nlohmann::json found = nlohmann::json::array();
  std::string out;
  if (!o.ddf.empty()) {
    if (o.args.size() != 1) throw Error(ErrorKind::usage, "find --ddf FILE needs one PATTERN");
    for (const auto* n : ddf::find_nodes(*load_schema(o.ddf, false), o.args[0], o.text)) {
      out += ddf::path_of(*n) + "\n";
      found.push_back(schema_match(*n));
    }
  } else {
    if (o.args.size() != 2) throw Error(ErrorKind::usage, "find needs STATE PATTERN or --ddf FILE PATTERN");
    tree::Tree t = load_state(o.args[0]);
    for (const auto* n : tree::find_nodes(t.root(), o.args[1], o.text)) {
      out += n->uri() + "\n";
      found.push_back(state_match(*n));
    }
  }
  print(o.format == "json" ? found.dump(2) + "\n" : out);
  return found.empty() ? tools::kExitFindings : tools::kExitOk;
}

}  // namespace dm_tree
