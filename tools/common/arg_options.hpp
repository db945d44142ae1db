#pragma once
// The shared option groups (option_defs.hpp) for tools parsed with ArgParser.
#include "arg_parser.hpp"
#include "option_defs.hpp"

namespace tools {

void add_output_options(ArgParser& parser, OutputOptions& options, bool binary_output);
void add_input_format_option(ArgParser& parser, InputFormatOption& option);
void add_verbosity_options(ArgParser& parser);
// --color WHEN into the process's mode (color.hpp).
void add_color_option(ArgParser& parser);

}  // namespace tools
