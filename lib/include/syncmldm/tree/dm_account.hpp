#pragma once
// The DM accounts a tree holds (DMAcc, OMA DM 1.2 layout), where Windows keeps them
// (./SyncML/DMAcc/<x>) or where the OMA layout puts them (./DMAcc/<x>).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/tree/tree.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::tree {

struct DmAccount {
  std::string uri;        // ./SyncML/DMAcc/<x>
  std::string server_id;  // ServerID, "" when unset
  std::string address;    // the first AppAddr/<x>/Addr, "" when unset
};

// Every account with its server id and address, ./SyncML/DMAcc first, in name order.
std::vector<DmAccount> dm_accounts(const Tree& tree);

// The server address of the account with ServerID `server_id` (any account when empty, if
// only one has an address). nullopt when none fits; `why` then says what was found.
std::optional<std::string> dm_server_address(const Tree& tree, std::string_view server_id, std::string* why = nullptr);

}  // namespace syncmldm::tree
SYNCMLDM_API_END
