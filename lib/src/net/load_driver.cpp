// The load driver's entry: the options checked, then the event loop (load_loop.cpp) plays the
// sessions (load_session.cpp) over libcurl (load_transfer.cpp).
#include "net/load_driver.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::load {

Result run(const LoadOptions& options) {
  const Schedule& s = options.schedule;
  if (!options.state) throw Error(ErrorKind::usage, "no state template for the devices");
  if (s.shard_count == 0 || s.shard_index >= s.shard_count)
    throw Error(ErrorKind::usage, "shard " + std::to_string(s.shard_index) + "/" + std::to_string(s.shard_count) +
                                      ": the index must be below the count");
  if (s.concurrency < 1) throw Error(ErrorKind::usage, "the concurrency must be at least 1");
  if (s.check_ins == 0 && s.duration.count() <= 0)
    throw Error(ErrorKind::usage, "sessions without a limit per device need a duration");
  if (!options.identities.accounts.empty() && options.identities.accounts.size() < s.devices)
    throw Error(ErrorKind::usage, std::to_string(options.identities.accounts.size()) + " accounts for " +
                                      std::to_string(s.devices) + " devices: every device needs its own line");
  if (!options.setups.empty() && options.setups.size() != s.local_devices())
    throw Error(ErrorKind::usage, "the device setups do not match the devices of this shard");
  if (options.client.url.empty())
    for (const auto& d : options.setups)
      if (!d.skip && d.url.empty()) throw Error(ErrorKind::usage, "no server URL for the devices");
  if (options.client.url.empty() && options.setups.empty()) throw Error(ErrorKind::usage, "no server URL");
  detail::Driver driver(options);
  return driver.go();
}

}  // namespace syncmldm::load
