#pragma once
// What a device does with package 0 before it calls back: find the DM account the trigger names
// (DMAcc ServerID = the trigger's server identifier) and check the digest against that
// account's server credentials (AppAuth with AAuthLevel SRVCRED: AAuthSecret is the password,
// AAuthData the nonce octets).

#include <optional>
#include <string>
#include <string_view>

#include "syncmldm/tree/tree.hpp"
#include "syncmldm/trigger/trigger.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::device {

struct TriggerAccount {
  std::string uri;       // the account node, e.g. "./DMAcc/srv1"
  std::string password;  // SRVCRED AAuthSecret
  std::string nonce;     // SRVCRED AAuthData (raw octets)
  bool has_srvcred = false;
};

// The account under ./DMAcc, ./SyncML/DMAcc or ./Vendor/MSFT/DMAcc whose ServerID is
// `server_id`; nullopt when there is none.
std::optional<TriggerAccount> find_trigger_account(const tree::Tree& tree, std::string_view server_id);

// Checks `message` (a whole package 0 as trigger::parse read it into `n`) against the account of
// its server identifier, trying the reset nonces too. Throws Error{auth} when no account
// matches, the account holds no server credentials, or the digest does not verify.
trigger::NonceMatch verify_trigger(const tree::Tree& tree, std::string_view message, const trigger::Notification& n);

}  // namespace syncmldm::device
SYNCMLDM_API_END
