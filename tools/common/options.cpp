#include "options.hpp"

#include <unistd.h>

#include <cstdlib>

namespace tools {

namespace {
int g_verbosity = 0;
}

void add_output_options(CLI::App& app, OutputOptions& options, bool binary_output) {
  app.add_option("-o,--output", options.path, "Write to FILE instead of standard output ('-' is stdout)")
      ->option_text("FILE");
  if (binary_output) {
    app.add_flag("--force", options.force, "Write binary output even to a terminal");
  }
}

void add_color_option(CLI::App& app, ColorOptions& options) {
  app.add_option("--color", options.mode, "Colour: auto (only on a terminal, off with NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->option_text("WHEN");
}

bool use_color(const ColorOptions& options, int fd) {
  if (options.mode == "always") return true;
  if (options.mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(fd) == 1;
}

void add_verbosity_options(CLI::App& app) {
  app.add_flag_callback("-q,--quiet", [] { g_verbosity = -1; }, "Print no notes, only errors");
  app.add_flag_function(
      "-v,--verbose", [](std::int64_t count) { g_verbosity = static_cast<int>(count); },
      "Print more detail (repeat for more)");
}

int verbosity() { return g_verbosity; }

void add_input_format_option(CLI::App& app, InputFormatOption& option) {
  app.add_option("--input-format", option.format,
                 "Input format: auto (sniffed from the content), xml, wbxml, hex, base64, http")
      ->check(CLI::IsMember({"auto", "xml", "wbxml", "hex", "base64", "http"}))
      ->option_text("FORMAT");
}

}  // namespace tools
