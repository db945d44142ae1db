// Fuzz target: DM URI parsing, canonical forms, queries and the rule checker.
#include <cstdint>
#include <string_view>

#include "syncmldm/tree/uri.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace uri = syncmldm::uri;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  uri::Uri parsed = uri::parse(text);
  (void)uri::to_string(parsed);
  (void)uri::canonical_key(text);
  (void)uri::scope_of(uri::canonical(parsed));
  (void)uri::parse_list(parsed.query_value);
  uri::CheckOptions options;
  options.limits = {8, 64, 16};
  for (const auto& problem : uri::check(text, options)) {
    // Every reported place lies inside the text.
    if (problem.offset > text.size() || problem.length > text.size() - problem.offset) __builtin_trap();
  }
  // A name survives encoding and decoding unchanged.
  bool ok = true;
  if (uri::decode(uri::encode_segment(text), &ok) != text || !ok) __builtin_trap();
  return 0;
}
