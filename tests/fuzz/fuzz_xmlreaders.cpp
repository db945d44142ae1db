// Fuzz target: every XML reader of the project over the same bytes (the pre-scan, the DOM, the
// pull reader, the encoder). They must accept and refuse the same documents, with the same
// message at the same place; the pull reader, when it reads a document to its end, must read
// what the DOM holds. Any disagreement is a finding (see xml_agreement.hpp).
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "xml_agreement.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  xml_agreement::Verdicts v = xml_agreement::check(text);
  if (!v.disagreement.empty()) {
    std::fprintf(stderr, "XML readers disagree: %s\n", v.disagreement.c_str());
    __builtin_trap();
  }
  return 0;
}
