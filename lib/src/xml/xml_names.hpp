#pragma once
// Internal: the XML name rule the codec holds literal tag and attribute names to, so that what
// one side writes the other reads back as the same name.

#include <string_view>

#include "xml/xml_writer.hpp"

namespace syncmldm::detail {

// Letters, digits, '_', '-', '.', any valid UTF-8 beyond ASCII; not starting with a digit, '-'
// or '.'; at most one ':' and never at either end.
inline bool is_xml_name(std::string_view s) {
  if (s.empty() || s.front() == ':' || s.back() == ':' || s.find(':') != s.rfind(':')) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool letter = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' || c == ':' || c >= 0x80;
    bool later = (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!letter && !(i > 0 && later)) return false;
  }
  return find_invalid_xml_text(s) == std::string_view::npos;
}

}  // namespace syncmldm::detail
