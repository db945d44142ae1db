// dm-tree complete: the completions of a partial URI from a state and the DDFs (with the
// standard objects), one per line, for shell completion.

#include <optional>

#include "common/completion.hpp"
#include "common/exit_codes.hpp"
#include "dm_tree.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/find.hpp"

namespace dm_tree {

using namespace syncmldm;

int complete(const CompleteOptions& o) {
  std::optional<tree::Tree> state;
  if (!o.state.empty()) state = load_state(o.state);
  // Without --ddf, the DDF folder the shell's completion names (SYNCMLDM_DDF_DIR).
  auto schema = load_schema(o.ddf.empty() ? tools::completion::ddf_paths_from_environment() : o.ddf, true);
  std::string out;
  for (const auto& c : tree::complete(o.prefix, state ? &*state : nullptr, schema.get())) out += c + "\n";
  print(out);
  return tools::kExitOk;
}

}  // namespace dm_tree
