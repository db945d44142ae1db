#include "output.hpp"

#include <unistd.h>

#include <cstdio>

#include "syncmldm/atomic_file.hpp"
#include "syncmldm/error.hpp"

namespace tools {

void write_output(const OutputOptions& options, std::string_view data, bool binary) {
  if (!writes_to_stdout(options)) {
    syncmldm::write_file_atomically(options.path, data);
    return;
  }
  if (binary && !options.force && ::isatty(STDOUT_FILENO) == 1) {
    throw syncmldm::Error(syncmldm::ErrorKind::usage,
                          "refusing to write binary output to a terminal (use -o FILE or --force)");
  }
  if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size()) {
    throw syncmldm::Error(syncmldm::ErrorKind::io, "cannot write to standard output");
  }
}

bool writes_to_stdout(const OutputOptions& options) { return options.path.empty() || options.path == "-"; }

}  // namespace tools
