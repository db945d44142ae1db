#include "color.hpp"

#include <unistd.h>

#include <cstdlib>

namespace tools {

std::string& color_mode() {
  static std::string mode = "auto";
  return mode;
}

bool use_color_mode(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(fd) == 1;
}

bool use_color(int fd) { return use_color_mode(color_mode(), fd); }

}  // namespace tools
