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

// <P> (nested `depth` times) ... the element `name` holding `value` ... a sibling, then the ends.
// `fused`: XmlWriter::leaf, else start(), text(), end(). Returns the output, or "bad N".
std::string write(bool fused, int indent, Before before, std::size_t depth, const std::string& value) {
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
  std::size_t bad;
  if (fused) {
    bad = w.leaf("CmdID", v, buffer.data() + buffer.size());
  } else {
    w.start("CmdID");
    bad = w.text(v);
    if (bad == std::string_view::npos) w.end();
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
          CHECK(write(true, indent, before, depth, v) == write(false, indent, before, depth, v));
        }
      }
    }
  }
  CHECK(write(true, 2, Before::open, 1, "200") == "<P>\n  <CmdID>200</CmdID>\n  <After/>\n</P>\n");
  CHECK(write(true, 2, Before::open, 1, "bad \xC3"s) == "bad 4");
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
