#pragma once
// The --color choice every tool takes (auto, always, never; NO_COLOR turns auto off), kept once
// per process: a tool's parts ask use_color(fd) wherever they print. No CLI11 here (the codec
// tools include it).
#include <string>

namespace tools {

// The mode --color set ("auto" until then).
std::string& color_mode();
// Whether to colour what goes to file descriptor `fd` under `mode` (auto: a terminal, and
// NO_COLOR unset or empty).
bool use_color_mode(const std::string& mode, int fd);
// The same under the process's --color.
bool use_color(int fd);

}  // namespace tools
