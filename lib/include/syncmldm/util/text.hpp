#pragma once
// ASCII case rules for protocol names: HTTP header names and media types, SyncML namespaces,
// public ids, authentication schemes, DM URI scope prefixes. Bytes outside A-Z are never
// changed, whatever the locale: these names are ASCII by definition, and node names in UTF-8
// must keep their bytes.

#include <string>
#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm {

// 'A'-'Z' to 'a'-'z'; every other byte as it is.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `text` with A-Z lowered.
std::string ascii_lower(std::string_view text);

// Equal when A-Z and a-z are taken as the same letters.
bool iequals(std::string_view a, std::string_view b);

// `text` starts (ends) with `affix`, letters compared as iequals does.
bool istarts_with(std::string_view text, std::string_view affix);
bool iends_with(std::string_view text, std::string_view affix);

}  // namespace syncmldm
SYNCMLDM_API_END
