// ASCII case rules: only A-Z change, whatever the bytes around them.
#include <doctest/doctest.h>

#include "syncmldm/util/text.hpp"

using namespace syncmldm;

TEST_CASE("text: ASCII case-insensitive comparison and lowering") {
  CHECK(iequals("Content-Type", "content-type"));
  CHECK_FALSE(iequals("Content-Type", "content-typ"));
  CHECK_FALSE(iequals("[", "{"));  // 0x5B and 0x7B differ by 0x20 but are not letters
  CHECK(iequals("\xC3\x84", "\xC3\x84"));
  CHECK_FALSE(iequals("\xC3\x84", "\xE3\xA4"));  // UTF-8 bytes are never folded
  CHECK(ascii_lower("SyncML:SYNCML1.2 \xC3\x84") == "syncml:syncml1.2 \xC3\x84");
  CHECK(ascii_lower('Z') == 'z');
  CHECK(ascii_lower('@') == '@');
  CHECK(istarts_with("Authorization: Basic x", "authorization:"));
  CHECK_FALSE(istarts_with("Auth", "authorization:"));
  CHECK(iends_with("application/VND.SYNCML.DM+WBXML", "+wbxml"));
  CHECK_FALSE(iends_with("xml", "+xml"));
}
