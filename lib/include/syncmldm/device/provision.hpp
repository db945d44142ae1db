#pragma once
// Applying a provisioning document to a DM tree as a Windows device does at enrolment: the
// document's plan (prov/plan.hpp) becomes one SyncML message of Add (a node the tree lacks) and
// Replace (one it has) commands, which device::apply executes with the same judgement as any
// server package. Interior nodes that exist already (in the state, or by the DDF: a CSP's root)
// are not added again.

#include <string>
#include <vector>

#include "syncmldm/device/device.hpp"
#include "syncmldm/prov/plan.hpp"
#include "syncmldm/prov/prov.hpp"
#include "syncmldm/tree/tree.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::device {

struct ProvisionStep {
  prov::Setting setting;
  std::string command;  // Add or Replace
  int status = 0;       // what the device answered
  std::string reason;   // why, when the status is an error (Failure::reason)
};

struct ProvisionResult {
  std::vector<ProvisionStep> steps;
  std::vector<prov::Skipped> skipped;
  bool changed = false;
  bool failed = false;  // some step's status is not 2xx
};

// `options.server_id` enforces ACLs as in apply; msg_id and the rest are the message's.
ProvisionResult provision(tree::Tree& tree, const prov::Document& doc, const Options& options = {});

// The result as text (one line per node set: status, command, URI, value; secrets masked;
// skipped characteristics as notes at the end) or as a JSON document.
std::string describe(const ProvisionResult& result, bool json);

}  // namespace syncmldm::device
SYNCMLDM_API_END
