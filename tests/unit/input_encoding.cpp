#include <doctest/doctest.h>

#include <functional>

#include "syncmldm/input/encoding.hpp"
#include "syncmldm/input/input.hpp"

using namespace syncmldm;
using namespace std::string_literals;
using input::TextEncoding;

namespace {

// UTF-16LE of ASCII text and "é" (U+00E9, C3 A9 in UTF-8): all these tests need.
std::string utf16le(std::string_view text, bool bom = true) {
  std::string out = bom ? "\xFF\xFE"s : ""s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned cp = static_cast<unsigned char>(text[i]);
    if (cp == 0xC3) cp = 0xC0 | (static_cast<unsigned char>(text[++i]) & 0x3F);
    out += static_cast<char>(cp & 0xFF);
    out += static_cast<char>(cp >> 8);
  }
  return out;
}

std::string swap_pairs(std::string s) {
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) std::swap(s[i], s[i + 1]);
  return s;
}

Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error");
  return Error(ErrorKind::input, "");
}

}  // namespace

TEST_CASE("encoding: UTF-16 with and without BOM becomes UTF-8, the declaration renamed in place") {
  const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a>caf\xC3\xA9</a>\n";
  std::string le = utf16le(xml);
  CHECK(input::to_utf8(le, "f") == TextEncoding::utf16le_bom);
  CHECK(le == "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<a>caf\xC3\xA9</a>\n");
  std::string be = swap_pairs(utf16le(xml));
  CHECK(input::to_utf8(be, "f") == TextEncoding::utf16be_bom);
  CHECK(be == le);
  std::string no_bom = utf16le(xml, false);
  CHECK(input::to_utf8(no_bom, "f") == TextEncoding::utf16le);
  CHECK(no_bom == le);
  // UTF-8, with or without BOM, and binary data stay as they are.
  std::string bom8 = "\xEF\xBB\xBF<a/>";
  CHECK(input::to_utf8(bom8, "f") == TextEncoding::utf8_bom);
  CHECK(bom8 == "\xEF\xBB\xBF<a/>");
  std::string wbxml = "\x02\xA4\x01\x6A\x00\x6D\x12\x01"s;
  CHECK(input::to_utf8(wbxml, "f") == TextEncoding::utf8);
  CHECK(wbxml == "\x02\xA4\x01\x6A\x00\x6D\x12\x01"s);
}

TEST_CASE("encoding: surrogate pairs, broken UTF-16 and offsets in the original") {
  std::string pair = "\xFF\xFE<\0\x3D\xD8\x00\xDE>\0"s;  // U+1F600 between < and >
  CHECK(input::to_utf8(pair, "f") == TextEncoding::utf16le_bom);
  CHECK(pair == "<\xF0\x9F\x98\x80>");
  // '>' is byte 5 of the UTF-8 text and byte 8 of the file (BOM, '<', two units).
  CHECK(input::original_offset(pair, 5, TextEncoding::utf16le_bom) == 8);
  CHECK(input::original_offset(pair, 1, TextEncoding::utf16le_bom) == 4);
  CHECK(input::original_offset("abc", 2, TextEncoding::utf8) == 2);

  std::string lone = "\xFF\xFE<\0\x00\xDC>\0"s;
  Error e = error_of([&] { input::to_utf8(lone, "f"); });
  CHECK(e.where().offset == 4);
  CHECK(e.message().find("unpaired UTF-16 surrogate") != std::string::npos);
  std::string odd = "\xFF\xFE<\0a"s;
  CHECK(error_of([&] { input::to_utf8(odd, "f"); }).message().find("odd number") != std::string::npos);
  // A UTF-16 document declaring UTF-8 is refused with the converting command.
  std::string says8 = utf16le("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>");
  e = error_of([&] { input::to_utf8(says8, "in.xml"); });
  CHECK(e.message().find("iconv -f UTF-16LE -t UTF-8 in.xml > in.utf8.xml") != std::string::npos);
}

TEST_CASE("encoding: 8-bit text that is not UTF-8") {
  CHECK_NOTHROW(input::check_xml_encoding("<?xml version=\"1.0\" encoding=\"utf-8\"?><a>caf\xC3\xA9</a>", "f"));
  CHECK_NOTHROW(input::check_xml_encoding("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>cafe</a>", "f"));
  CHECK_NOTHROW(input::check_xml_encoding("not xml \xE9", "f"));
  Error e = error_of([] { input::check_xml_encoding("<?xml version='1.0' encoding='ISO-8859-1'?>\n<a>caf\xE9</a>", "d/m.xml"); });
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 7);
  CHECK(e.message().find("iconv -f ISO-8859-1 -t UTF-8 d/m.xml | sed '1s/ISO-8859-1/UTF-8/' > d/m.utf8.xml") !=
        std::string::npos);
  e = error_of([] { input::check_xml_encoding("<a>caf\xE9</a>", "-"); });
  CHECK(e.where().offset == 6);
  CHECK(e.message().find("byte 0xE9") != std::string::npos);
  CHECK(e.message().find("iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8") != std::string::npos);
  e = error_of([] { input::check_xml_encoding("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", "my file.xml"); });
  CHECK(e.message().find("'my file.xml'") != std::string::npos);
}

TEST_CASE("encoding: unwrap converts, notes and keeps offsets of the file") {
  auto p = input::unwrap(utf16le("<SyncML/>"), "f");
  CHECK(p.bytes == "<SyncML/>");
  CHECK(p.encoding == TextEncoding::utf16le_bom);
  // A hex dump written as UTF-16: the bad digit's offset is the one in the file.
  Error e = error_of([&] { input::unwrap(utf16le("02 a4 zz"), "f", input::Format::hex); });
  CHECK(e.where().offset == 2 + 2 * 6);
}

TEST_CASE("input: xxd -i arrays, and what follows an HTTP body") {
  auto p = input::unwrap("unsigned char m_wbxml[] = {\n  0x02, 0xa4, 0x01, 0x6a, 0x00, 0x6d, 0x12, 0x01\n};\n"
                         "unsigned int m_wbxml_len = 8;\n",
                         "f");
  CHECK(p.container == input::Format::hex);
  CHECK(p.bytes == "\x02\xA4\x01\x6A\x00\x6D\x12\x01"s);
  CHECK_THROWS_AS(input::unwrap("unsigned char m[] = {\n  0x02, 0xa4\n};\nunsigned int m_len = 3;\n", "f"), Error);

  auto two = input::unwrap("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n<a/>\r\nHTTP/1.1 200 OK\r\n\r\n<b/>", "f");
  CHECK(two.bytes == "<a/>");
  REQUIRE(two.notes.size() == 1);
  CHECK(two.notes[0].find("more than one HTTP message") != std::string::npos);
  auto cut = input::unwrap("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n<a/><b/>", "f");
  REQUIRE(cut.notes.size() == 1);
  CHECK(cut.notes[0] == "offset 42: the body was cut at its Content-Length (4 bytes); 4 more bytes follow it");
  CHECK(input::unwrap("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n<a/>\r\n", "f").notes.empty());
}
