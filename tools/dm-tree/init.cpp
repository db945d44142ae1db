// dm-tree init: a state with the standard objects, the DDFs' permanent nodes and defaults, and
// the leaves given with --set.

#include "common/clock.hpp"
#include "common/exit_codes.hpp"
#include "dm_tree.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_tree {

using namespace syncmldm;

int init(const InitOptions& o) {
  auto schema = load_schema(o.ddf, true);
  tree::Identity id;
  if (!o.dev_id.empty()) id.dev_id = o.dev_id;
  std::string now = tools::now_stamp();
  tree::Tree t = tree::make_standard_tree(id, schema, now);
  for (const auto& s : o.set) {
    auto eq = s.find('=');
    if (eq == std::string::npos) throw Error(ErrorKind::usage, "--set needs URI=VALUE, got '" + s + "'");
    try {
      tree::set_leaf(t, std::string_view(s).substr(0, eq), std::string_view(s).substr(eq + 1), now);
    } catch (const Error& e) {
      throw Error(e.kind(), "--set " + e.message(), e.where());
    }
  }
  save_state(t, o.output);
  return tools::kExitOk;
}

}  // namespace dm_tree
