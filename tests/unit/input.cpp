#include <doctest/doctest.h>

#include "syncmldm/input/input.hpp"

using namespace syncmldm;
using namespace std::string_literals;
using input::Format;

namespace {
const std::string kWbxml = "\x02\xA4\x01\x6A\x00\x6D\x12\x01"s;
}

TEST_CASE("input: sniffing by content") {
  CHECK(input::sniff("<SyncML/>") == Format::xml);
  CHECK(input::sniff("\xEF\xBB\xBF  \n<SyncML/>") == Format::xml);
  CHECK(input::sniff(kWbxml) == Format::wbxml);
  CHECK(input::sniff("02 a4 01 6a 00 6d 12 01") == Format::hex);
  CHECK(input::sniff("AqQBagBtEgE=") == Format::base64);
  CHECK(input::sniff("HTTP/1.1 200 OK\r\n\r\nx") == Format::http);
  CHECK(input::sniff("POST /dm HTTP/1.1\r\n") == Format::http);
  CHECK(input::sniff("hello world") == Format::automatic);
  CHECK(input::sniff("") == Format::automatic);
}

TEST_CASE("input: hex forms") {
  for (const char* text : {"02 a4 01 6a 00 6d 12 01", "0x02, 0xA4, 0x01, 0x6a, 0x00, 0x6D, 0x12, 0x01",
                           "02:a4:01:6a:00:6d:12:01", "02a4016a006d1201\n",
                           "00000000: 02a4 016a 006d 1201                      ...j.m..\n",
                           "00000000  02 a4 01 6a 00 6d 12 01                           |...j.m..|\n00000008\n",
                           "0000   02 a4 01 6a 00 6d 12 01   ...j.m..\n"}) {
    CAPTURE(text);
    auto p = input::unwrap(text, "t");
    CHECK(p.container == Format::hex);
    CHECK(p.payload == Format::wbxml);
    CHECK(p.bytes == kWbxml);
  }
  // hexdump -C folds repeated lines into '*'.
  std::string repeated =
      "00000000  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|\n*\n00000030\n";
  auto p = input::unwrap(repeated, "t", Format::hex);
  CHECK(p.bytes == std::string(48, 'A'));
  CHECK_THROWS_WITH(input::unwrap("02 a4 0g", "t", Format::hex), "t: offset 7: 'g' is not a hex digit");
  CHECK_THROWS_WITH(input::unwrap("02 a4 0", "t", Format::hex), "t: offset 7: odd number of hex digits");
  CHECK_THROWS(input::unwrap("00000000: 0203\n00000010: 0405\n", "t", Format::hex));
}

TEST_CASE("input: HTTP bodies by Content-Type, chunked and sized") {
  std::string chunked = "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.syncml.dm+wbxml\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "3\r\n\x02\xA4\x01\r\n5\r\n\x6A\x00\x6D\x12\x01\r\n0\r\n\r\n"s;
  auto p = input::unwrap(chunked, "t");
  CHECK(p.container == Format::http);
  CHECK(p.payload == Format::wbxml);
  CHECK(p.bytes == kWbxml);
  CHECK(p.content_type == "application/vnd.syncml.dm+wbxml");
  std::string sized = "POST /dm HTTP/1.1\nContent-Type: application/vnd.syncml.dm+xml; charset=utf-8\nContent-Length: 9\n\n<SyncML/>trailing";
  p = input::unwrap(sized, "t");
  CHECK(p.payload == Format::xml);
  CHECK(p.bytes == "<SyncML/>");
  CHECK_THROWS_WITH(input::unwrap("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nabc", "t"),
                    "t: offset 39: body is shorter than its Content-Length (3 of 50 bytes)");
  CHECK_THROWS_WITH(input::unwrap("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffff\r\nab", "t"),
                    "t: offset 47: chunk of 65535 bytes is longer than the 2 bytes left");
  CHECK_THROWS(input::unwrap("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nabc", "t"));
  // Two Content-Length values: the same one repeated is that value (RFC 9110 8.6), different
  // ones leave the body unknown and are refused.
  p = input::unwrap("HTTP/1.1 200 OK\r\nContent-Length: 4\r\ncontent-length: 4, 4\r\n\r\n<a/>trailing", "t");
  CHECK(p.bytes == "<a/>");
  CHECK_THROWS_WITH(input::unwrap("HTTP/1.1 200 OK\r\nContent-Length: 4\r\nContent-Length: 12\r\n\r\n<a/>trailing", "t"),
                    "t: offset 36: conflicting Content-Length values 4 and 12");
  CHECK_THROWS_WITH(input::unwrap("HTTP/1.1 200 OK\r\nContent-Length: 4, 12\r\n\r\n<a/>trailing", "t"),
                    "t: offset 17: conflicting Content-Length values 4 and 12");
  CHECK_THROWS_WITH(input::unwrap("HTTP/1.1 200 OK\r\nContent-Length: 4,\r\n\r\n<a/>", "t"),
                    "t: offset 17: bad Content-Length");
  // A hex dump of an HTTP message.
  p = input::unwrap("48 54 54 50 2f 31 2e 31 20 32 30 30 0a 0a 3c 61 2f 3e", "t");
  CHECK(p.container == Format::hex);
  CHECK(p.payload == Format::xml);
  CHECK(p.bytes == "<a/>");
}

TEST_CASE("input: errors name the place") {
  try {
    input::unwrap("", "f");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.describe() == "f: offset 0: empty input");
  }
  try {
    input::unwrap("hello", "f");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.describe() == "f: offset 0: input is not XML, WBXML, hex, Base64 or an HTTP message (first byte 0x68)");
  }
  CHECK(input::parse_format("hex") == Format::hex);
  CHECK_THROWS(input::parse_format("gif"));
  CHECK(input::format_of_content_type("Application/VND.SyncML.DM+WBXML") == Format::wbxml);
  CHECK(input::format_of_content_type("application/octet-stream") == Format::automatic);
}
