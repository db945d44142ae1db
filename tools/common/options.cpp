#include "options.hpp"

#include "color.hpp"

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

void add_color_option(CLI::App& app, ColorOptions& options) {
  // configure_app gave the top-level app --color already; a subcommand may still take its own.
  if (app.get_option_no_throw("--color")) return;
  add(app, kColorOption, options.mode);
}

void add_global_color_option(CLI::App& app) { add(app, kColorOption, color_mode()); }

void exclusive(CLI::Option* a, CLI::Option* b) {
  a->excludes(b);
  b->excludes(a);
}

bool use_color(const ColorOptions& options, int fd) {
  // A tool's own --color left at auto defers to the one every tool takes (configure_app).
  return use_color_mode(options.mode == "auto" ? color_mode() : options.mode, fd);
}

void add_verbosity_options(CLI::App& app) {
  auto* quiet = app.add_flag_callback(kQuietOption.names, [] { set_verbosity(-1); }, kQuietOption.help);
  auto* verbose = app.add_flag_function(
      kVerboseOption.names, [](std::int64_t count) { set_verbosity(static_cast<int>(count)); }, kVerboseOption.help);
  exclusive(quiet, verbose);
}

void add_input_format_option(CLI::App& app, InputFormatOption& option) { add(app, kInputFormatOption, option.format); }

}  // namespace tools
