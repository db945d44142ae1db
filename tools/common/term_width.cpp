#include "term_width.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace tools {

std::size_t text_width(int fd) {
  struct winsize ws {};
  if (::isatty(fd) == 1 && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  const char* columns = std::getenv("COLUMNS");
  std::size_t n = 0;
  if (columns && *columns) {
    auto [end, ec] = std::from_chars(columns, columns + std::strlen(columns), n);
    if (ec != std::errc() || *end || n > 10000) n = 0;
  }
  return n;
}

std::string wrap_words(std::string_view text, std::size_t width, std::string_view indent) {
  std::string out;
  std::size_t column = 0;  // of the line being filled, after the indentation; 0 before its first word
  std::size_t breaks = 0;  // line breaks since the last word
  auto new_line = [&] {
    out += '\n';
    out += indent;
    column = 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      breaks += c == '\n';
      ++i;
      continue;
    }
    std::size_t end = text.find_first_of(" \t\r\n", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    if (column > 0 && breaks >= 2) {
      // A paragraph break: the indentation of the blank line is left out.
      out += '\n';
      new_line();
    } else if (column > 0 && width > 0 && indent.size() + column + 1 + word.size() > width) {
      new_line();
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    breaks = 0;
    i = end;
  }
  return out;
}

}  // namespace tools
