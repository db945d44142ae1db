#include "syncmldm/util/error.hpp"

#include <fmt/format.h>

namespace syncmldm {

std::string Location::to_string() const {
  if (line != 0) return fmt::format("{}:{}:{}", file, line, column);
  if (offset) return file.empty() ? fmt::format("offset {}", *offset) : fmt::format("{}: offset {}", file, *offset);
  return file;
}

namespace {
std::string join(const Location& where, const std::string& message) {
  std::string place = where.to_string();
  return place.empty() ? message : place + ": " + message;
}
}  // namespace

Error::Error(ErrorKind kind, std::string message, Location where)
    : std::runtime_error(join(where, message)), kind_(kind), message_(std::move(message)), where_(std::move(where)) {}

std::string Error::describe() const { return what(); }

}  // namespace syncmldm
