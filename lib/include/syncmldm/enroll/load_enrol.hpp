#pragma once
// The enrolment phase of a load run (dm-load --enroll): before the sessions start, every device
// of the shard enrols as dm-enroll does (discovery, policy, certificate request, with a key of its
// own), its provisioning document is applied to its copy of the template tree, and what its
// sessions need (server address, client certificate and key, headers) goes into its
// load::DeviceSetup. Enrolments are blocking HTTP exchanges run by a bounded number of threads,
// each device with a connection of its own; the sessions' open schedule starts only after this
// phase, so its timing stays as it was.

#include <functional>
#include <string>

#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/net/load.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::enroll {

struct LoadEnrolOptions {
  net::HttpOptions http;        // trust for the enrolment endpoints (no client certificate)
  std::string discovery_url;
  AuthPolicy policy = AuthPolicy::on_premise;  // OnPremise: user and password of each identity
  load::Template token;         // Federated: each device's security token
  DeviceContext device;         // device_id and hw_dev_id are set for each device
  bool probe = true;            // the GET before Discover, as Windows does
  int threads = 8;              // enrolments at once
  // A load-test shortcut: one RSA key pair for every device (each still sends its own request
  // and gets its own certificate). Off: a key of its own for each device, as Windows makes.
  bool shared_key = false;
  // Called about once a second from the calling thread: devices done so far, of them failed.
  std::function<void(std::uint64_t done, std::uint64_t failed, std::uint64_t total)> on_progress;
};

// Enrols the devices of `options.schedule`'s shard and fills `options.setups` (one per device;
// a device whose enrolment failed is marked skip). Returns a Result holding only the enrolment
// phase (enrolments, enroll_errors, the "enroll*" phases, its time); Result::stopped is set when
// options.should_stop or max_errors (counting failed enrolments) ended it early. Throws
// Error{usage} when the credentials the policy needs are missing.
load::Result enrol_devices(load::LoadOptions& options, const LoadEnrolOptions& enrol);

}  // namespace syncmldm::enroll
SYNCMLDM_API_END
