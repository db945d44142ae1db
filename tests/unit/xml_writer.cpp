#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "xml/xml_writer.hpp"

using syncmldm::detail::XmlWriter;
using namespace std::string_literals;

namespace {

// What is written before the element under test: nothing (the parent's start tag still open),
// a sibling element, or text (mixed content).
enum class Before { open, element, text };

// How the element is written: start(), text() and end(), or in one step by leaf() or
// leaf_static().
enum class How { apart, leaf, leaf_static };

// <P> (nested `depth` times) ... the element `name` holding `value` (twice) ... a sibling, then
// the ends; the element written `how`. Returns the output, or "bad N".
std::string write(How how, int indent, Before before, std::size_t depth, const std::string& value,
                  std::string_view name = "CmdID") {
  std::string out;
  XmlWriter w(out, indent);
  for (std::size_t i = 0; i < depth; ++i) w.start("P");
  if (before == Before::element) {
    w.start("Sib");
    w.end();
  } else if (before == Before::text) {
    w.text("t");
  }
  // The value inside a larger buffer, so that reading past its end is allowed.
  std::string buffer = value + std::string(32, 'z');
  std::string_view v(buffer.data(), value.size());
  std::size_t bad = std::string_view::npos;
  // Twice: the second time leaf_static() has the name's tags ready.
  for (int i = 0; i < 2 && bad == std::string_view::npos; ++i) {
    if (how == How::leaf) {
      bad = w.leaf(name, v, buffer.data() + buffer.size());
    } else if (how == How::leaf_static) {
      bad = w.leaf_static(name, v, buffer.data() + buffer.size());
    } else {
      w.start(name);
      bad = w.text(v);
      if (bad == std::string_view::npos) w.end();
    }
  }
  if (bad != std::string_view::npos) return "bad " + std::to_string(bad);
  w.start("After");
  w.end();
  for (std::size_t i = 0; i < depth; ++i) w.end();
  w.finish();
  return out;
}

}  // namespace

TEST_CASE("xml writer: leaf() writes what start(), text() and end() write") {
  const std::vector<std::string> values = {
      ""s, "200"s, "exactly 16 bytes"s, "a value longer than sixteen bytes"s, "a<b"s, "a&b"s, "x>y"s,
      "tab\there"s, "line\nbreak"s, "cr\r"s, "quote\"s"s, "caf\xC3\xA9"s, "bad \xC3"s, "ctl \x01"s, "\x7F"s};
  for (int indent : {-1, 0, 2, 4}) {
    for (Before before : {Before::open, Before::element, Before::text}) {
      for (std::size_t depth : {1u, 3u, 12u}) {  // 12 levels of 2: a line break over 16 bytes
        for (const auto& v : values) {
          CAPTURE(indent);
          CAPTURE(static_cast<int>(before));
          CAPTURE(depth);
          CAPTURE(v);
          CHECK(write(How::leaf, indent, before, depth, v) == write(How::apart, indent, before, depth, v));
        }
      }
    }
  }
  CHECK(write(How::leaf, 2, Before::open, 1, "200") ==
        "<P>\n  <CmdID>200</CmdID>\n  <CmdID>200</CmdID>\n  <After/>\n</P>\n");
  CHECK(write(How::leaf, 2, Before::open, 1, "bad \xC3"s) == "bad 4");
}

TEST_CASE("xml writer: leaf_static() writes what start(), text() and end() write") {
  const std::vector<std::string> values = {
      ""s, "200"s, "exactly 16 bytes"s, "a value of 32 bytes, just so 32."s, "a value longer than thirty-two bytes"s,
      "a<b"s, "a&b"s, "tab\there"s, "cr\r"s, "caf\xC3\xA9"s, "bad \xC3"s, "ctl \x01"s};
  // Names whose end tag fits in 32 bytes, or just not.
  const std::vector<std::string_view> names = {"A", "CmdID", "SupportNumberOfChanges", "TwentyNineBytesOfNameXXXXXXXX",
                                               "ThirtyBytesOfNameXXXXXXXXXXXXX"};
  for (int indent : {-1, 0, 2, 16}) {
    for (Before before : {Before::open, Before::element, Before::text}) {
      for (std::size_t depth : {1u, 3u, 12u}) {  // 12 levels of 2: a line break over 16 bytes
        for (std::string_view name : names) {
          for (const auto& v : values) {
            CAPTURE(indent);
            CAPTURE(static_cast<int>(before));
            CAPTURE(depth);
            CAPTURE(name);
            CAPTURE(v);
            CHECK(write(How::leaf_static, indent, before, depth, v, name) ==
                  write(How::apart, indent, before, depth, v, name));
          }
        }
      }
    }
  }
  CHECK(write(How::leaf_static, 2, Before::open, 1, "200") ==
        "<P>\n  <CmdID>200</CmdID>\n  <CmdID>200</CmdID>\n  <After/>\n</P>\n");
  CHECK(write(How::leaf_static, 2, Before::open, 1, "bad \xC3"s) == "bad 4");
}

TEST_CASE("xml writer: leaf() without readable memory past the value") {
  std::string a, b;
  XmlWriter wa(a, 2), wb(b, 2);
  wa.start("P");
  wb.start("P");
  std::string v = "12";
  CHECK(wa.leaf("CmdID", v) == std::string_view::npos);
  wb.start("CmdID");
  wb.text(v);
  wb.end();
  wa.end();
  wb.end();
  wa.finish();
  wb.finish();
  CHECK(a == b);
}

TEST_CASE("xml writer: attribute values escape what normalisation would change") {
  std::string out;
  XmlWriter w(out, -1);
  w.start("E");
  w.attribute("a", "x<y>&\"\t\n\r z");
  w.attribute("b", "syncml:metinf");
  w.end();
  w.finish();
  CHECK(out == "<E a=\"x&lt;y&gt;&amp;&quot;&#9;&#10;&#13; z\" b=\"syncml:metinf\"/>\n");
}
