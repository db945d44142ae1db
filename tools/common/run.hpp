#pragma once
// Running a tool's work once its options are parsed: one place that turns library errors into
// messages on stderr and documented exit codes (exit_codes.hpp), for every tool and parser.
#include <functional>
#include <string_view>

namespace tools {

// Runs `body` and returns its exit code; a failed flush of stdout is an error. syncml::Error
// maps by kind; nothing escapes: unexpected exceptions are reported and return 3.
int run_body(std::string_view name, const std::function<int()>& body);

// Ends the process with `code` once standard output is flushed (if that fails: an error
// message and exit status 3), without running static destructors: for a tool run once per small message, whose time is
// mostly start-up and exit, those are pages of code faulted in only to free memory that the
// kernel takes back anyway. For mains whose objects hold nothing that must be released.
[[noreturn]] void exit_now(std::string_view name, int code);

}  // namespace tools
