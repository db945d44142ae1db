#pragma once
// Writing a tool's result: to stdout, or atomically to the file named by -o.

#include <string_view>

#include "option_defs.hpp"

namespace tools {

// Writes `data` where `options` say. Binary data is refused on a terminal unless --force
// (throws syncmldm::Error{usage}). Files are replaced atomically, never left half-written.
void write_output(const OutputOptions& options, std::string_view data, bool binary);

// Whether write_output writes to stdout (no -o, or "-o -"): then it may be called once per
// piece of the output; a file must be given the whole output in one call.
bool writes_to_stdout(const OutputOptions& options);

}  // namespace tools
