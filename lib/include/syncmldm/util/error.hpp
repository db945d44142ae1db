#pragma once
// Errors the library reports: a kind (which the tools map to exit codes, see
// doc/cli-contract.md), a message, and the place in the input where known.
// Findings of the validator are data, not errors: see validate.hpp.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm {

enum class ErrorKind {
  input,      // input that cannot be read or decoded (tools exit 3)
  io,         // a file that cannot be opened or written (tools exit 3)
  usage,      // a request that makes no sense, e.g. binary to a terminal (tools exit 2)
  transport,  // connection, TLS, timeout, HTTP status (tools exit 4)
  auth,       // authentication rejected (tools exit 5)
};

// Where a problem sits. Every part is optional: line/column 0 and no offset mean unknown.
struct Location {
  std::string file;                     // "-" for standard input
  std::optional<std::uint64_t> offset;  // byte offset from the start of the input
  std::uint32_t line = 0;               // 1-based
  std::uint32_t column = 0;             // 1-based

  // "file:12:5", "file: offset 40", "file", or "" when nothing is known.
  std::string to_string() const;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, Location where = {});

  ErrorKind kind() const noexcept { return kind_; }
  const Location& where() const noexcept { return where_; }
  // The message without the place.
  const std::string& message() const noexcept { return message_; }
  // "place: message" (just the message when the place is unknown), as tools print it.
  std::string describe() const;

 private:
  ErrorKind kind_;
  std::string message_;
  Location where_;
};

}  // namespace syncmldm
SYNCMLDM_API_END
