#pragma once
// Option groups shared by several tools (option_defs.hpp), for tools parsed with CLI11.
#include <CLI/CLI.hpp>

#include "messages.hpp"
#include "option_defs.hpp"

namespace tools {

void add_output_options(CLI::App& app, OutputOptions& options, bool binary_output);
void add_color_option(CLI::App& app, ColorOptions& options);
// --color bound to the process's mode (color.hpp): configure_app gives it to every tool.
void add_global_color_option(CLI::App& app);
// Whether to colour output written to file descriptor `fd` (options at auto: the global --color).
bool use_color(const ColorOptions& options, int fd);
// Two options that cannot be given together: a usage error (exit 2) naming both, whichever
// comes first. Tools declare their conflicts with this, e.g. exclusive(compact, indent).
void exclusive(CLI::Option* a, CLI::Option* b);
// -q and -v set the level that print_note() and verbosity() (messages.hpp) read.
void add_verbosity_options(CLI::App& app);
void add_input_format_option(CLI::App& app, InputFormatOption& option);

}  // namespace tools
