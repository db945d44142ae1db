#pragma once
// State files (DM trees in TNDS) that a tool reads, changes and writes back: dm-tree apply
// --in-place and dm-send --session. The lock held from reading to saving, the checks made
// before any work, and saving with the right permissions.
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/file_lock.hpp"
#include "syncmldm/tree/tree.hpp"

namespace tools {

struct StateFileOptions {
  double lock_timeout = 5;  // seconds to wait for another process's update of the same state
};

// --lock-timeout SECONDS.
CLI::Option* add_lock_timeout_option(CLI::App& app, StateFileOptions& options);

// Held for a read-modify-write of a state: constructed before the state is read, destroyed
// after it is saved. Refuses (Error{io}, exit 3) a read-only state unless `force`, then waits
// for the lock (Error{io} after --lock-timeout).
class StateUpdate {
 public:
  StateUpdate(const std::string& path, const StateFileOptions& options, bool force);

 private:
  std::optional<syncmldm::StateLock> lock_;
};

// Refuses (Error{io}) to replace a read-only file unless `force`.
void check_replaceable(const std::string& path, bool force);

// Writes `data` to `path` atomically (secret: a new file is made 0600 at most), after removing
// the temporaries that killed writers of this file left, with a note on stderr for each.
void save_file(std::string_view tool, const std::string& path, std::string_view data, bool secret);

// Saves a tree as a TNDS state; a tree that holds credentials is saved as a secret.
void save_state(std::string_view tool, const std::string& path, const syncmldm::tree::Tree& tree);

}  // namespace tools
