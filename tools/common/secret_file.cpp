#include "secret_file.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include "messages.hpp"

namespace tools {

void warn_if_readable_by_others(std::string_view tool, const std::string& path, std::string_view option) {
  struct stat st {};
  if (path.empty() || path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  if ((st.st_mode & 0044) == 0) return;
  print_error(tool, fmt::format("warning: {} {}: readable by {} (mode {:04o}); keep it private: chmod 600 {}", option,
                                path, (st.st_mode & 0004) ? "others" : "the group", st.st_mode & 07777, path));
}

}  // namespace tools
