// dm-tree get: a node's value, child list, property or structure, as the device answers a Get
// (device::get), with values of nodes without Get masked unless asked for.

#include <fmt/format.h>

#include "common/exit_codes.hpp"
#include "common/messages.hpp"
#include "dm_tree.hpp"
#include "syncmldm/codes/explain.hpp"
#include "syncmldm/device/device.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_tree {

using namespace syncmldm;

namespace {

// One line per Results item: the bare value for the node asked, "URI = value" for a list.
std::string result_lines(const std::vector<message::Item>& items, const std::string& uri) {
  std::string out;
  for (const auto& it : items) {
    std::string data = it.data ? it.data->text : std::string();
    const std::string& source = it.source ? it.source->uri() : uri;
    if (items.size() > 1 || source != uri) out += source + (it.data ? " = " + data : std::string()) + "\n";
    else out += data + "\n";
  }
  return out;
}

}  // namespace

int get(const GetOptions& o) {
  tree::Tree t = load_state(o.state);
  auto problems = uri::check(o.uri);
  if (uri::has_error(problems))
    throw Error(ErrorKind::usage, fmt::format("{}: {}", o.uri, uri::describe(problems.front().kind)));
  // The device's answer to a server's Get, without ACL checks.
  device::Options options;
  options.secrets = o.show_secrets ? device::Secrets::reveal : device::Secrets::mask;
  auto result = device::get(t, o.uri, options);
  if (result.status == 404) return not_found(o.uri, t.schema().get());
  if (result.status != 200) {
    tools::print_error(kTool, fmt::format("{}: status {}", o.uri, codes::status_label(result.status)));
    return tools::kExitFindings;
  }
  print(result_lines(result.items, o.uri));
  return tools::kExitOk;
}

}  // namespace dm_tree
