#pragma once
// Secret values in HTTP header lines (shared by HTTP streams and HAR documents).

#include <cstddef>
#include <string>
#include <string_view>

#include "syncmldm/redact/redact.hpp"

namespace syncmldm::redact::detail {

// Marks the secret parts of header `line` (name: value, no line ending) found at `pos` in
// `out`. Returns how many values were marked.
std::size_t redact_header_line(std::string& out, std::size_t pos, std::string_view line, const Options& options);

// The same for a header given as name and value (HAR): marks `value` in place.
std::size_t redact_header_value(std::string_view name, std::string& value, const Options& options);

}  // namespace syncmldm::redact::detail
