#pragma once
// The frame of the tools parsed with CLI11: an app with --version, and parse errors turned into
// messages on stderr and exit 2 (library errors: run.hpp).
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "completion.hpp"
#include "messages.hpp"

namespace tools {

// An app named `name` (used as the prefix of every error line) with --help, --version and
// --color (color.hpp).
void configure_app(CLI::App& app, const std::string& name);

// Lines shown under "Examples:" at the end of the app's (or a subcommand's) help.
void examples(CLI::App& app, const std::vector<std::string>& lines);

// Parses argv into `app`, then runs `body` and returns its exit code. --help/--version print to
// stdout and return 0; usage errors return 2; syncmldm::Error maps by kind (exit_codes.hpp).
// Nothing escapes: unexpected exceptions are reported and return 3.
// `TOOL --completion SHELL` prints the completion script instead (completion.hpp).
int run_main(CLI::App& app, int argc, char** argv, const std::function<int()>& body);

// The app's options, positionals and subcommands, for the completion scripts.
completion::Command completion_command(CLI::App& app);

}  // namespace tools
