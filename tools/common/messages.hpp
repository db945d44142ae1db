#pragma once
// Lines a tool writes on stderr, and the verbosity that -q/-v set.
#include <string_view>

namespace tools {

// "name: message" on stderr (stdout is flushed first, so that the two stay in order).
void print_error(std::string_view name, std::string_view message);
// A note on stderr unless -q was given.
void print_note(std::string_view name, std::string_view message);

int verbosity();  // -1 with -q, 0 by default, N with N times -v
void set_verbosity(int level);

}  // namespace tools
