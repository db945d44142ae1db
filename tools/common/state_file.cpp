#include "state_file.hpp"

#include <chrono>
#include <cmath>

#include "messages.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/tree/tnds.hpp"
#include "syncmldm/tree/tree_secrets.hpp"

namespace tools {

CLI::Option* add_lock_timeout_option(CLI::App& app, StateFileOptions& options) {
  return app.add_option("--lock-timeout", options.lock_timeout,
                 "Seconds to wait while another process updates the same state (default 5), then exit 3")
      ->option_text("SECONDS")
      ->check(CLI::Range(0.0, 86400.0));
}

void check_replaceable(const std::string& path, bool force) {
  if (!force && syncmldm::is_read_only_file(path))
    throw syncmldm::Error(syncmldm::ErrorKind::io, "the file is read-only: not replaced (--force replaces it)",
                          syncmldm::Location{path});
}

StateUpdate::StateUpdate(const std::string& path, const StateFileOptions& options, bool force) {
  if (path == "-") return;
  check_replaceable(path, force);
  lock_.emplace(path, std::chrono::milliseconds(std::llround(options.lock_timeout * 1000)));
}

void save_file(std::string_view tool, const std::string& path, std::string_view data, bool secret) {
  // Always said (unless -q): a leftover is the trace of a crash the user may want to know about.
  for (const auto& stale : syncmldm::remove_stale_temporaries(path))
    print_note(tool, "removed " + stale + ", a temporary file left by an interrupted write");
  syncmldm::FileWriteOptions o;
  o.secret = secret;
  syncmldm::write_file_atomically(path, data, o);
}

void save_state(std::string_view tool, const std::string& path, const syncmldm::tree::Tree& tree) {
  save_file(tool, path, syncmldm::tnds::write_state(tree), syncmldm::tree::holds_credentials(tree.root()));
}

}  // namespace tools
