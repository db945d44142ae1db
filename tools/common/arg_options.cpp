#include "arg_options.hpp"

#include "color.hpp"
#include "messages.hpp"

namespace tools {

void add_output_options(ArgParser& parser, OutputOptions& options, bool binary_output) {
  parser.option(kOutputOption, options.path);
  if (binary_output) parser.flag(kForceOption, options.force);
}

void add_input_format_option(ArgParser& parser, InputFormatOption& option) {
  parser.option(kInputFormatOption, option.format);
}

void add_verbosity_options(ArgParser& parser) {
  parser.flag(kQuietOption, [] { set_verbosity(-1); });
  parser.flag(kVerboseOption, [] { set_verbosity(verbosity() < 0 ? 1 : verbosity() + 1); });
  parser.conflicts("--quiet", "--verbose");
}

void add_color_option(ArgParser& parser) { parser.option(kColorOption, color_mode()); }

}  // namespace tools
