#pragma once
// Writing a file so that readers see the old content or the new, never a half-written mix:
// a temporary file in the same folder, flushed to disk, then renamed over the target.

#include <string>
#include <string_view>

namespace syncmldm {

// Throws Error{ErrorKind::io} naming the file when any step fails; the target is untouched then.
void write_file_atomically(const std::string& path, std::string_view data);

// Reads a whole file ("-" reads standard input). Refuses inputs larger than max_bytes.
// Throws Error{ErrorKind::io} naming the file.
std::string read_file(const std::string& path, std::size_t max_bytes = std::size_t{1} << 31);

}  // namespace syncmldm
