#pragma once
// Whether a DM tree holds credentials, so that a state file of it is kept private (0600).

#include "syncmldm/tree/tree.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::tree {

// True when the subtree holds a DM account (a DMAcc node with an account below it, OMA's
// ./DMAcc or Windows' ./Vendor/MSFT/DMAcc) or an AAuthSecret / AAuthData value anywhere.
bool holds_credentials(const Node& root);

}  // namespace syncmldm::tree
SYNCMLDM_API_END
