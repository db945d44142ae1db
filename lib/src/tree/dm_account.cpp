// Finding the DM accounts of a tree (dm-send --session without a URL takes the address there).
#include "syncmldm/tree/dm_account.hpp"

#include <fmt/format.h>

namespace syncmldm::tree {

std::vector<DmAccount> dm_accounts(const Tree& tree) {
  std::vector<DmAccount> out;
  for (std::string_view base : {"./SyncML/DMAcc", "./DMAcc"}) {
    const Node* root = tree.find(base);
    if (!root || !root->is_interior()) continue;
    for (const auto& [name, acc] : root->children) {  // a map: name order
      if (!acc->is_interior()) continue;
      DmAccount a;
      a.uri = acc->uri();
      if (const Node* id = acc->child("ServerID")) a.server_id = id->value;
      if (const Node* addrs = acc->child("AppAddr")) {
        for (const auto& [_, addr] : addrs->children) {
          const Node* leaf = addr->child("Addr");
          if (leaf && !leaf->value.empty()) {
            a.address = leaf->value;
            break;
          }
        }
      }
      out.push_back(std::move(a));
    }
  }
  return out;
}

std::optional<std::string> dm_server_address(const Tree& tree, std::string_view server_id, std::string* why) {
  std::vector<const DmAccount*> fit;
  auto accounts = dm_accounts(tree);
  for (const auto& a : accounts) {
    if (!a.address.empty() && (server_id.empty() || a.server_id == server_id)) fit.push_back(&a);
  }
  if (fit.size() == 1) return fit.front()->address;
  if (why) {
    if (fit.empty()) {
      *why = server_id.empty() ? "the state holds no DM account with a server address (DMAcc/<x>/AppAddr/<x>/Addr)"
                               : fmt::format("the state holds no DM account with ServerID '{}' and an address", server_id);
    } else {
      *why = fmt::format("the state holds {} DM accounts with an address; choose one with --server-id", fit.size());
    }
  }
  return std::nullopt;
}

}  // namespace syncmldm::tree
