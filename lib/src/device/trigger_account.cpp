// Package 0 against the device's DM accounts.
#include "syncmldm/device/trigger_account.hpp"

#include <cctype>

#include <fmt/format.h>

#include "syncmldm/auth/auth.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::device {

namespace {

constexpr std::string_view kAccountRoots[] = {"./DMAcc", "./SyncML/DMAcc", "./Vendor/MSFT/DMAcc"};

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

std::string leaf(const tree::Node& node, const std::string& name) {
  const tree::Node* c = node.child(name);
  return c ? c->value : std::string();
}

void take_srvcred(const tree::Node& account, TriggerAccount& out) {
  const tree::Node* app_auth = account.child("AppAuth");
  if (!app_auth) return;
  for (const auto& [name, entry] : app_auth->children) {
    if (!iequal(leaf(*entry, "AAuthLevel"), "SRVCRED")) continue;
    out.password = leaf(*entry, "AAuthSecret");
    out.nonce = leaf(*entry, "AAuthData");
    out.has_srvcred = true;
    return;
  }
}

}  // namespace

std::optional<TriggerAccount> find_trigger_account(const tree::Tree& tree, std::string_view server_id) {
  for (std::string_view root : kAccountRoots) {
    const tree::Node* accounts = tree.find(root);
    if (!accounts) continue;
    for (const auto& [name, account] : accounts->children) {
      const tree::Node* id = account->child("ServerID");
      if (!id || id->value != server_id) continue;
      TriggerAccount out;
      out.uri = account->uri();
      take_srvcred(*account, out);
      return out;
    }
  }
  return std::nullopt;
}

trigger::NonceMatch verify_trigger(const tree::Tree& tree, std::string_view message, const trigger::Notification& n) {
  auto account = find_trigger_account(tree, n.server_id);
  if (!account)
    throw Error(ErrorKind::auth, fmt::format("no DM account with ServerID '{}' in the state: the trigger is not for this device",
                                             n.server_id));
  if (!account->has_srvcred)
    throw Error(ErrorKind::auth, fmt::format("{} holds no server credentials (AppAuth with AAuthLevel SRVCRED) to check "
                                             "the trigger against", account->uri));
  auto match = trigger::verify_digest(message, n.server_id, account->password, account->nonce);
  auth::wipe(account->password);
  if (!match)
    throw Error(ErrorKind::auth, fmt::format("the trigger's digest does not verify against the server credentials of {}",
                                             account->uri));
  return *match;
}

}  // namespace syncmldm::device
