#pragma once
// Splitting one large JSON document, read in pieces, into the elements of one array in it
// (a HAR's log.entries, the packets of tshark's output) without holding more than one element:
// a scan that follows strings and nesting only, then each element handed over whole.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/trace/capture.hpp"

namespace syncmldm::trace::json_scan {

struct SplitOptions {
  // Member names from the root to the array: {"log", "entries"}; empty: the root is the array.
  std::vector<std::string> path;
  std::string what = "JSON";        // what the document is called in errors ("HAR")
  std::string element = "element";  // what an element is called ("entry")
  std::size_t max_element_bytes = std::size_t{256} << 20;
};

// Calls `on_element(text, offset, index)` for every element of the array, in order (offset: of
// its first byte in the document; index: 1-based). Throws Error{input} with the place for a
// truncated document, a document whose root or path is not what `options` say (what is not
// HAR), or an element over the limit.
void split(Source& source, std::string_view head, const SplitOptions& options,
           const std::function<void(std::string_view, std::uint64_t, std::size_t)>& on_element);

}  // namespace syncmldm::trace::json_scan
