#pragma once
// Running a tool's work once its options are parsed: one place that turns library errors into
// messages on stderr and documented exit codes (exit_codes.hpp), for every tool and parser.
#include <functional>
#include <string_view>

namespace tools {

// Runs `body` and returns its exit code; a failed flush of stdout is an error. syncml::Error
// maps by kind; nothing escapes: unexpected exceptions are reported and return 3.
int run_body(std::string_view name, const std::function<int()>& body);

}  // namespace tools
