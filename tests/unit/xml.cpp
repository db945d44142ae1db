#include <doctest/doctest.h>

#include <string>

#include "syncmldm/xml/xml.hpp"
#include "xml/dom.hpp"

using namespace syncmldm;

namespace {
// Parses and returns the error's location and message; fails the test when parsing succeeds.
Error parse_error(std::string_view text) {
  try {
    xml::Document::parse(text, "t.xml");
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected a parse error for: " << text);
  return Error(ErrorKind::input, "unreachable");
}
}  // namespace

TEST_CASE("xml: positions of elements, text and CDATA") {
  std::string text = "<SyncML xmlns='SYNCML:SYNCML1.2'>\n  <SyncBody>\n    <Data>a&amp;b</Data><Data><![CDATA[x<y]]></Data>\n</SyncBody></SyncML>";
  auto doc = xml::Document::parse(text, "m.xml");
  xml::Node* body = xml::child(doc.root(), "SyncBody");
  REQUIRE(body);
  CHECK(doc.position(body).line == 2);
  CHECK(doc.position(body).column == 3);
  xml::Node* data = xml::child(body, "Data");
  CHECK(doc.offset_of(data) == text.find("<Data>"));
  CHECK(xml::text(data) == "a&b");
  xml::Node* second = xml::next_sibling(data, "Data");
  REQUIRE(second);
  CHECK(xml::text(second) == "x<y");
  CHECK(xml::offset_of(doc, xml::dom::node(second)->first_node()) == text.find("<![CDATA["));
  Location where = doc.location_of(second);
  CHECK(where.to_string() == "m.xml:3:" + std::to_string(text.find("<Data><!") - text.rfind('\n', text.find("<Data><!")) ));
}

TEST_CASE("xml: columns count characters, not bytes") {
  auto doc = xml::Document::parse("<a>\xC3\xA9\xC3\xA9<b/></a>", "u.xml");
  CHECK(doc.position(xml::child(doc.root(), "b")).column == 6);
}

TEST_CASE("xml: namespaces resolve through ancestors and prefixes") {
  auto doc = xml::Document::parse(
      "<SyncML xmlns='SYNCML:SYNCML1.2' xmlns:m='syncml:metinf'><Meta><m:Format>int</m:Format>"
      "<Type xmlns='syncml:metinf'>text/plain</Type></Meta></SyncML>",
      "n.xml");
  xml::Node* meta = xml::child(doc.root(), "Meta");
  CHECK(xml::namespace_of(meta) == xml::kSyncML12);
  xml::Node* format = xml::child(meta, "Format");
  REQUIRE(format);
  CHECK(xml::local_name(format) == "Format");
  CHECK(xml::namespace_of(format) == xml::kMetInf);
  CHECK(xml::namespace_of(xml::child(meta, "Type")) == xml::kMetInf);
  CHECK(xml::iequals("syncml:syncml1.2", xml::kSyncML12));
  CHECK_FALSE(xml::iequals("syncml:syncml1.1", xml::kSyncML12));
}

TEST_CASE("xml: malformed input is rejected with line and column") {
  CHECK(parse_error("<a>\n  x & y</a>").where().to_string() == "t.xml:2:5");
  CHECK(parse_error("<a>&unknown;</a>").where().column == 4);
  CHECK(parse_error("<a><b></a>").where().line == 1);
  CHECK(parse_error("").message().find("empty") != std::string::npos);
  CHECK(parse_error("   \n ").message().find("empty") != std::string::npos);
  CHECK(parse_error("<a>\xFF</a>").message() == "invalid UTF-8");
  CHECK(parse_error("<a>\xC0\x80</a>").message() == "invalid UTF-8");  // overlong
  CHECK(parse_error("<a>\x01</a>").message().find("control") != std::string::npos);
  CHECK(parse_error("<a>&#0;</a>").where().column == 4);
  CHECK(parse_error("<a b='<'/>").where().column == 7);
  CHECK(parse_error("<a><!-- open</a>").message() == "unterminated comment");
  CHECK(parse_error("<a/><b/>").message() == "more than one root element");
  CHECK(parse_error("</a>").where().column == 1);
  CHECK(parse_error("<a>x").where().line == 1);
  // A quote anywhere but after '=' (RapidXML would read it as part of a name).
  CHECK(parse_error("<a><p\" b=\"x\"/></a>").where().column == 6);
  CHECK(parse_error("<a><p b\"c=\"x\"/></a>").message().find("quote outside") != std::string::npos);
  CHECK(parse_error("<a><p b=\"x\"\"y\"/></a>").where().column == 12);
  CHECK_NOTHROW(xml::Document::parse("<a><p b = 'x' c=\"y\" /></a>", "t.xml"));
  CHECK(parse_error("<a><F:&nal/></a>").message() == "'&' is not allowed in a tag name");
  CHECK(parse_error("<a><F:&nal/></a>").where().column == 7);
}

TEST_CASE("xml: nesting depth is bounded before the recursive parser runs") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  Error e = parse_error(deep);
  CHECK(e.message() == "elements nested deeper than 1000 levels");
  CHECK(e.where().offset == 1000u * 3u);

  std::string ok;
  for (int i = 0; i < 50; ++i) ok += "<a>";
  for (int i = 0; i < 50; ++i) ok += "</a>";
  CHECK_NOTHROW(xml::Document::parse(ok, "ok.xml"));
}

TEST_CASE("xml: BOM, DOCTYPE, comments and entities are accepted") {
  auto doc = xml::Document::parse(
      "\xEF\xBB\xBF<?xml version='1.0'?>\n<!DOCTYPE SyncML PUBLIC '-//SYNCML//DTD SyncML 1.2//EN' 'x.dtd' [<!ENTITY e 'v'>]>"
      "<!-- c --><SyncML>&lt;&#x41;&#66;&quot;</SyncML>",
      "b.xml");
  CHECK(xml::local_name(doc.root()) == "SyncML");
  CHECK(xml::text(doc.root()) == "<AB\"");
  CHECK(doc.position(doc.root()).line == 2);
}

TEST_CASE("xml: source lines are kept on request") {
  xml::ParseOptions options;
  options.keep_source = true;
  auto doc = xml::Document::parse("<a>\r\n <b>&amp;</b>\r\n</a>", "s.xml", options);
  CHECK(doc.source_line(2) == " <b>&amp;</b>");
  CHECK(doc.line_count() == 3);
}

TEST_CASE("xml: declarations other than DOCTYPE are refused; a DOCTYPE subset is skipped") {
  // Not a CDATA section: refused where it stands, before any element after it is read.
  std::string text = "<r><![C>";
  for (int i = 0; i < 1500; ++i) text += "<a>";
  Error e = parse_error(text);
  CHECK(e.message() == "conditional section (<![IGNORE[, <![INCLUDE[) allowed only in a DTD");
  CHECK(e.where().offset == 3u);
  // A real DOCTYPE subset may hold '>' inside brackets.
  CHECK_NOTHROW(xml::Document::parse("<!DOCTYPE r [<!ENTITY x 'y'> [nested] ]><r/>", "d.xml"));
}

// The pre-scan skips text and attribute values 16 bytes at a time and reads tags without
// attributes by a shortcut: problems inside or after a skipped run keep their exact offsets.
TEST_CASE("xml: pre-scan offsets hold across skipped runs") {
  for (std::size_t k = 0; k <= 40; ++k) {
    std::string pad(k, 'x');
    CAPTURE(k);
    Error amp = parse_error("<a>" + pad + "&bad;</a>");
    CHECK(amp.message() == "'&' must start an entity reference (&amp; &lt; &gt; &quot; &apos; &#N;)");
    CHECK(amp.where().offset == 3 + k);
    Error lt = parse_error("<a b='" + pad + "<'/>");
    CHECK(lt.message() == "'<' not allowed in an attribute value");
    CHECK(lt.where().offset == 6 + k);
    Error ref = parse_error("<a b='" + pad + "&amp;&bogus;'/>");
    CHECK(ref.where().offset == 11 + k);
    Error name = parse_error("<a><" + pad + "b&/></a>");
    CHECK(name.message() == "'&' is not allowed in a tag name");
    CHECK(name.where().offset == 5 + k);
    // A tag after a run of text, split anywhere across a 16-byte block.
    CHECK_NOTHROW(xml::Document::parse("<a>" + pad + "<b c='" + pad + "'>y</b><" + pad + "d/></a>", "t.xml"));
  }
}

TEST_CASE("xml: pre-scan at the end of the input and with non-ASCII names") {
  CHECK(parse_error("<a></a").message() == "unterminated end tag");
  CHECK(parse_error("<a></a").where().offset == 3u);
  CHECK(parse_error("<a><bcd").message() == "unterminated start tag");
  CHECK(parse_error("<a><bcd").where().offset == 3u);
  CHECK(parse_error("<a><").message() == "'<' must start a tag (write &lt; for a literal '<')");
  CHECK(parse_error("<a><-b/></a>").where().offset == 3u);
  CHECK_NOTHROW(xml::Document::parse("<a><\xC3\xA9t\xC3\xA9/></a>", "t.xml"));
  CHECK(parse_error("<a><x\xC3\xA9&/></a>").where().offset == 7u);
  // A bad character far after a markup problem is still the one reported.
  std::string late = "<a>&bad;" + std::string(70000, 'x') + "\x01</a>";
  CHECK(parse_error(late).message() == "control character not allowed in XML");
  CHECK(parse_error(late).where().offset == 70008u);
}

namespace {
// The DOM's children of `n` as "<name>", "text:...", "cdata:...".
std::string children_of(const xml::dom::Node* n) {
  std::string out;
  for (const xml::dom::Node* c = n->first_node(); c; c = c->next_sibling()) {
    CHECK(c->parent() == n);
    if (c->type() == xml::dom::node_element) out += "<" + std::string(c->name(), c->name_size()) + ">";
    else if (c->type() == xml::dom::node_data) out += "text:" + std::string(c->value(), c->value_size()) + "|";
    else out += "cdata:" + std::string(c->value(), c->value_size()) + "|";
  }
  return out;
}
}  // namespace

TEST_CASE("xml: the compact tree links text, elements, CDATA and attributes") {
  std::string text =
      "<r a='1' b=\"x&amp;y\"><one>solo</one><mixed>a<b/>c</mixed><split>x<!--c-->y</split>"
      "<attr k='v'>t</attr><cd><![CDATA[<raw>]]></cd><e/><ent>&lt;&#65;&#x20AC;</ent></r>";
  auto doc = xml::Document::parse(text, "t.xml");
  const xml::dom::Node* r = xml::dom::root(doc);
  REQUIRE(r);
  CHECK(children_of(r) == "<one><mixed><split><attr><cd><e><ent>");
  const xml::dom::Attribute* a = r->first_attribute();
  REQUIRE(a);
  CHECK(std::string(a->name(), a->name_size()) == "a");
  CHECK(std::string(a->value(), a->value_size()) == "1");
  a = a->next_attribute();
  REQUIRE(a);
  CHECK(std::string(a->value(), a->value_size()) == "x&y");
  CHECK(a->next_attribute() == nullptr);
  CHECK(r->first_attribute("b") == a);
  CHECK(xml::offset_of(doc, a) == text.find("b=\""));
  auto el = [&](const char* name) { return xml::dom::node(xml::child(xml::dom::handle(r), name)); };
  // A sole text child, then text beside elements, text split by a comment, text under attributes.
  CHECK(children_of(el("one")) == "text:solo|");
  CHECK(el("one")->first_node()->next_sibling() == nullptr);
  CHECK(xml::offset_of(doc, el("one")->first_node()) == text.find("solo"));
  CHECK(children_of(el("mixed")) == "text:a|<b>text:c|");
  CHECK(children_of(el("split")) == "text:x|text:y|");
  CHECK(children_of(el("attr")) == "text:t|");
  CHECK(children_of(el("cd")) == "cdata:<raw>|");
  CHECK(xml::offset_of(doc, el("cd")->first_node()) == text.find("<![CDATA["));
  CHECK(el("e")->first_node() == nullptr);
  CHECK(xml::text(xml::dom::handle(el("ent"))) == "<A\xE2\x82\xAC");
  CHECK(el("ent")->next_sibling() == nullptr);
  CHECK(doc.offset_of(xml::dom::handle(el("ent"))) == text.find("<ent>"));
  // Printed back as XML, as the message model copies a Data's elements.
  std::string printed;
  xml::dom::print(el("mixed"), printed);
  xml::dom::print(el("cd"), printed);
  xml::dom::print(el("e"), printed);
  printed.clear();
  xml::dom::print(r, printed);
  CHECK(printed ==
        "<r a=\"1\" b=\"x&amp;y\"><one>solo</one><mixed>a<b/>c</mixed><split>xy</split><attr k=\"v\">t</attr>"
        "<cd><![CDATA[<raw>]]></cd><e/><ent>&lt;A\xE2\x82\xAC</ent></r>");
}

TEST_CASE("xml: an adopted large document frees its string and keeps positions") {
  std::string text = "<SyncML>\n";
  // Over 1 MiB: the block is a mapping of its own, and it grows (by mremap) while nodes are added.
  for (int i = 0; i < 60000; ++i) text += "  <CmdID>" + std::to_string(i) + "</CmdID>\n";
  text += "</SyncML>\n";
  std::size_t last = text.rfind("<CmdID>");
  auto doc = xml::Document::adopt(text, "big.xml");
  std::size_t count = 0;
  const xml::Node* lastnode = nullptr;
  for (xml::Node* n = xml::child(doc.root(), "CmdID"); n; n = xml::next_sibling(n, "CmdID")) {
    ++count;
    lastnode = n;
  }
  CHECK(count == 60000);
  REQUIRE(lastnode);
  CHECK(doc.offset_of(lastnode) == last);
  CHECK(doc.position(lastnode).line == 60001);
  CHECK(doc.position(lastnode).column == 3);
  CHECK(xml::text(lastnode) == "59999");
}
