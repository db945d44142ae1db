#pragma once
// A fast pass over raw XML before RapidXML parses it: RapidXML accepts some malformed input
// (stray '&', bad UTF-8) and recurses once per nesting level, so both are checked here first.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/error.hpp"

namespace syncmldm::xml::detail {

// Byte offsets where each line starts (the first is 0).
std::vector<std::uint64_t> line_starts(std::string_view text);

// Throws Error{input} with the offset of the first problem: invalid UTF-8, characters XML
// forbids, undefined or malformed entity references, unterminated markup, nesting deeper
// than max_depth. The offset is turned into line:column by the caller.
struct PrescanProblem {
  std::uint64_t offset;
  std::string message;
};
// Returns true when the text passed; otherwise fills `problem`.
bool prescan(std::string_view text, std::size_t max_depth, PrescanProblem& problem);

}  // namespace syncmldm::xml::detail
