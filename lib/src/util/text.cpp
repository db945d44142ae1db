#include "syncmldm/util/text.hpp"

namespace syncmldm {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool istarts_with(std::string_view text, std::string_view affix) {
  return text.size() >= affix.size() && iequals(text.substr(0, affix.size()), affix);
}

bool iends_with(std::string_view text, std::string_view affix) {
  return text.size() >= affix.size() && iequals(text.substr(text.size() - affix.size()), affix);
}

}  // namespace syncmldm
