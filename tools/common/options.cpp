#include "options.hpp"

#include <unistd.h>

#include <cstdlib>

namespace tools {

namespace {

// One CLI11 option from its shared definition.
CLI::Option* add(CLI::App& app, const OptionDef& def, std::string& target) {
  CLI::Option* o = app.add_option(def.names, target, def.help)->option_text(def.value_name);
  if (!def.choices.empty()) o->check(CLI::IsMember(def.choices));
  return o;
}

}  // namespace

void add_output_options(CLI::App& app, OutputOptions& options, bool binary_output) {
  add(app, kOutputOption, options.path);
  if (binary_output) app.add_flag(kForceOption.names, options.force, kForceOption.help);
}

void add_color_option(CLI::App& app, ColorOptions& options) { add(app, kColorOption, options.mode); }

bool use_color(const ColorOptions& options, int fd) {
  if (options.mode == "always") return true;
  if (options.mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(fd) == 1;
}

void add_verbosity_options(CLI::App& app) {
  app.add_flag_callback(kQuietOption.names, [] { set_verbosity(-1); }, kQuietOption.help);
  app.add_flag_function(
      kVerboseOption.names, [](std::int64_t count) { set_verbosity(static_cast<int>(count)); }, kVerboseOption.help);
}

void add_input_format_option(CLI::App& app, InputFormatOption& option) { add(app, kInputFormatOption, option.format); }

}  // namespace tools
