#pragma once
// Files that hold secrets given to a tool (--password-file, --key-password-file).
#include <string>
#include <string_view>

namespace tools {

// A warning on stderr (even with -q, as ssh warns of an open key) when the group or others may
// read the file: the secret is not the user's alone. Nothing for "-", a missing file or a pipe.
void warn_if_readable_by_others(std::string_view tool, const std::string& path, std::string_view option);

}  // namespace tools
