#pragma once
// Option groups shared by several tools, defined once so that every tool spells and documents
// them alike (cli-contract.md: streams, colour, verbosity, input formats).

#include <string>

#include <CLI/CLI.hpp>

namespace tools {

// -o/--output FILE ("-" or absent: stdout) and, for binary output, --force.
struct OutputOptions {
  std::string path = "-";
  bool force = false;
};
void add_output_options(CLI::App& app, OutputOptions& options, bool binary_output);

// --color auto|always|never; NO_COLOR in the environment turns "auto" off.
struct ColorOptions {
  std::string mode = "auto";
};
void add_color_option(CLI::App& app, ColorOptions& options);
// Whether to colour output written to file descriptor `fd`.
bool use_color(const ColorOptions& options, int fd);

// -q (notes off) and -v (repeatable, more detail). The level is global for print_note().
void add_verbosity_options(CLI::App& app);
int verbosity();  // -1 with -q, 0 by default, N with N times -v

// --input-format auto|xml|wbxml|hex|base64|http.
struct InputFormatOption {
  std::string format = "auto";
};
void add_input_format_option(CLI::App& app, InputFormatOption& option);

}  // namespace tools
