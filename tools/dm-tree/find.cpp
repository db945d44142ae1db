// dm-tree find: the URIs of a state's nodes, or of a DDF schema's described nodes, that match a
// pattern (tree::uri_matches).

#include "common/exit_codes.hpp"
#include "dm_tree.hpp"
#include "syncmldm/tree/find.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_tree {

using namespace syncmldm;

int find(const FindOptions& o) {
  std::vector<std::string> uris;
  if (!o.ddf.empty()) {
    if (o.args.size() != 1) throw Error(ErrorKind::usage, "find --ddf FILE needs one PATTERN");
    uris = ddf::find(*load_schema(o.ddf, false), o.args[0]);
  } else {
    if (o.args.size() != 2) throw Error(ErrorKind::usage, "find needs STATE PATTERN or --ddf FILE PATTERN");
    uris = tree::find(load_state(o.args[0]).root(), o.args[1]);
  }
  std::string out;
  for (const auto& u : uris) out += u + "\n";
  print(out);
  return uris.empty() ? tools::kExitFindings : tools::kExitOk;
}

}  // namespace dm_tree
