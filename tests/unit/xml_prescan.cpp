#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "xml/xml_prescan.hpp"
#include "syncmldm/wbxml/wbxml_tables.hpp"

using namespace syncmldm::xml::detail;

// The encoder's 16-byte test of a tag name must agree with the pre-scan's byte tables for every
// byte at every position, names of every length up to past one block.
TEST_CASE("prescan: the 16-byte tag-name test agrees with the byte tables") {
  const std::string stops = " \t\n\r/>=<\"'";
  for (int b = 1; b < 256; ++b) {
    char c = static_cast<char>(b);
    if (stops.find(c) != std::string::npos) continue;
    for (std::size_t length = 1; length <= 18; ++length) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string name(length, 'a');
        name[at] = c;
        for (char after : {'>', ' ', '/', '=', '<', '"', '\'', '\0'}) {
          std::string buffer = name + after + std::string(32, 'x');  // readable beyond the name
          std::string_view view(buffer.data(), length);
          CAPTURE(b);
          CAPTURE(length);
          CAPTURE(at);
          CHECK(tag_name_ok(view, after, buffer.data() + buffer.size()) == tag_name_ok(view, after));
        }
      }
    }
  }
  CHECK(tag_name_ok("SyncML", '>'));
  CHECK_FALSE(tag_name_ok("1a", '>'));
  CHECK_FALSE(tag_name_ok("a!b", '>'));
  CHECK_FALSE(tag_name_ok("a", '='));
}

// The encoder does not check a start tag's name byte by byte when the name (without a prefix) is
// one of the code pages': that holds only while every name in every table is one the pre-scan
// takes.
TEST_CASE("prescan: every element name of every code page is a tag name") {
  std::string_view names = syncmldm::wbxml::language_names();
  std::size_t checked = 0;
  while (!names.empty()) {
    std::size_t space = names.find(' ');
    std::string_view language_name = names.substr(0, space);
    names = space == std::string_view::npos ? std::string_view{} : names.substr(space + 1);
    const syncmldm::wbxml::Language* language = syncmldm::wbxml::language_by_name(language_name);
    REQUIRE(language != nullptr);
    for (const syncmldm::wbxml::CodePage* page : language->pages) {
      for (std::string_view tag : page->tags) {
        if (tag.empty()) continue;
        CAPTURE(language_name);
        CAPTURE(tag);
        CHECK(tag_name_ok(tag, '>'));
        ++checked;
      }
    }
  }
  CHECK(checked > 200);
}
