#pragma once
// How wide the reader's lines are, and prose laid out to that width.
#include <cstddef>
#include <string>
#include <string_view>

namespace tools {

// Columns to lay text out in on file descriptor `fd`: the terminal's width when it is one, else
// COLUMNS when set (as ls does), else 0 (no wrapping: a pipe gets each paragraph on one line).
std::size_t text_width(int fd);

// `text` reflowed into lines of at most `width` columns (0: no limit): words split at white
// space, line breaks included, a blank line kept as a paragraph break. Every line is taken to
// start at column indent.size(): the caller writes the first line's lead-in, and each later
// line starts with `indent`. A word longer than a line stays whole. Ends without a newline.
std::string wrap_words(std::string_view text, std::size_t width, std::string_view indent);

}  // namespace tools
