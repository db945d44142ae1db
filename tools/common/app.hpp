#pragma once
// The frame every tool's main() runs in: a CLI11 app with --version, and one place that turns
// parse errors and library errors into messages on stderr and documented exit codes.

#include <functional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace tools {

// An app named `name` (used as the prefix of every error line) with --help and --version.
void configure_app(CLI::App& app, const std::string& name);

// Parses argv into `app`, then runs `body` and returns its exit code. --help/--version print to
// stdout and return 0; usage errors return 2; syncmldm::Error maps by kind (exit_codes.hpp).
// Nothing escapes: unexpected exceptions are reported and return 3.
int run_main(CLI::App& app, int argc, char** argv, const std::function<int()>& body);

// "name: message" on stderr.
void print_error(std::string_view name, std::string_view message);
// A note on stderr unless -q was given (see options.hpp).
void print_note(std::string_view name, std::string_view message);

}  // namespace tools
