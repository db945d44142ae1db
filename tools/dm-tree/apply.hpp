#pragma once
// dm-tree apply: a package applied to a state as a Windows DM client would (apply.cpp).
#include <string>

#include "common/option_defs.hpp"
#include "common/state_file.hpp"

namespace dm_tree {

struct ApplyOptions {
  std::string state, package, output, server_id, msg_id = "1";
  std::string format = "text";  // of what a provisioning document set
  bool in_place = false, wbxml = false, fail_on_status = false, force = false;
  tools::InputFormatOption input;
  tools::StateFileOptions state_file;
};
int apply(const ApplyOptions& o);

}  // namespace dm_tree
