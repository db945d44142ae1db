#include "messages.hpp"

#include <cstdio>

#include <fmt/format.h>

namespace tools {

namespace {
int g_verbosity = 0;
}

void print_error(std::string_view name, std::string_view message) {
  std::fflush(stdout);
  fmt::print(stderr, "{}: {}\n", name, message);
}

void print_note(std::string_view name, std::string_view message) {
  if (g_verbosity < 0) return;
  print_error(name, message);
}

int verbosity() { return g_verbosity; }
void set_verbosity(int level) { g_verbosity = level; }

}  // namespace tools
