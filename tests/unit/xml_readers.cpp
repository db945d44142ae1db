// Every XML reader of the project (pre-scan, DOM, pull reader, encoder) over a table of hand-written
// edge cases: each must get the expected verdict, and all readers must agree on it (the check the
// differential fuzz target makes, see tests/fuzz/xml_agreement.hpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../fuzz/xml_agreement.hpp"

namespace {

struct Case {
  std::string text;
  std::string expected;  // "" when well-formed, else "t:line:col: message"
};

const std::string H = "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncBody>";  // 43 bytes
const std::string T = "</SyncBody></SyncML>";
const std::string at44 = "t:1:44: ";  // the first byte after H

std::vector<Case> cases() {
  return {
      // Well-formed look-alikes of what follows: every reader takes them.
      {H + "<Final/>" + T, ""},
      {"<?xml version=\"1.0\"?>" + H + "<Final/>" + T, ""},
      {"\xEF\xBB\xBF<?xml version=\"1.0\"?>" + H + T, ""},
      {"<?xml version=\"1.0\"?><!DOCTYPE SyncML [<!ENTITY e 'v'>]><!-- c -->" + H + T + "<!-- d --><?pi x?>", ""},
      {H + "<Final a=\"1\" b='2' />" + T, ""},
      {H + "<Data>a]]b>c ]] > ]]&gt;</Data>" + T, ""},
      {H + "<Data>a]]<!-- -->>b</Data>" + T, ""},  // "]]" and ">" in two runs of text
      {H + "<Data><![CDATA[ ]] > ]]]></Data>" + T, ""},
      {H + "<!-- - a-b - --><!----><!-->x--><Final/>" + T, ""},
      {H + "<?xml-stylesheet href='a'?><?a ?><Final/>" + T, ""},
      {H + "<Data a=\"]]>\"/>" + T, ""},  // "]]>" is allowed in an attribute value
      {H + "<Final></Final  >" + T, ""},
      // Duplicate attributes.
      {H + "<Final a=\"1\" a=\"2\"/>" + T, "t:1:57: attribute 'a' given twice"},
      {H + "<Final a='1' b='2' a='1'/>" + T, "t:1:63: attribute 'a' given twice"},
      {"<SyncML xmlns=\"SYNCML:SYNCML1.2\" xmlns=\"x\"><SyncBody/></SyncML>", "t:1:34: attribute 'xmlns' given twice"},
      {H + "<Final x:a='1' x:a='1'/>" + T, "t:1:59: attribute 'x:a' given twice"},
      // Conditional sections belong in a DTD.
      {H + "<![IGNORE[ <Final/> ]]>" + T, at44 + "conditional section (<![IGNORE[, <![INCLUDE[) allowed only in a DTD"},
      {H + "<![INCLUDE[ <Final/> ]]>" + T, at44 + "conditional section (<![IGNORE[, <![INCLUDE[) allowed only in a DTD"},
      {"<![IGNORE[ x ]]>" + H + T, "t:1:1: conditional section (<![IGNORE[, <![INCLUDE[) allowed only in a DTD"},
      {H + "<![cdata[x]]>" + T, at44 + "conditional section (<![IGNORE[, <![INCLUDE[) allowed only in a DTD"},
      // CDATA and text outside the root.
      {H + T + "<![CDATA[x]]>", "t:1:64: CDATA section outside the root element"},
      {H + T + "\n<![CDATA[]]>", "t:2:1: CDATA section outside the root element"},
      {"<![CDATA[x]]>" + H + T, "t:1:1: CDATA section outside the root element"},
      {H + T + "x", "t:1:64: text after the root element"},
      {H + T + "&amp;", "t:1:64: text after the root element"},
      {" x" + H + T, "t:1:2: text before the root element"},
      {H + T + "<a/>", "t:1:64: more than one root element"},
      {H + T + "</a>", "t:1:64: end tag without a matching start tag"},
      // Comments: no "--" inside, no '-' before "-->".
      {H + "<!-- a -- b -->" + T, "t:1:51: '--' not allowed inside a comment"},
      {H + "<!-- a --->" + T, "t:1:51: '--' not allowed inside a comment"},
      {"<!-- a -- b -->" + H + T, "t:1:8: '--' not allowed inside a comment"},
      {H + T + "<!-- a -- b -->", "t:1:71: '--' not allowed inside a comment"},
      {H + "<!-- open" + T, at44 + "unterminated comment"},
      // Markup that only looks like a comment, as found in published samples.
      {H + "<!- not a comment --><Final/>" + T, at44 + "not a comment: a comment starts with '<!--'"},
      {H + "<!\xE2\x80\x94 not a comment \xE2\x80\x94><Final/>" + T, at44 + "not a comment: a comment starts with '<!--'"},
      {H + "<!\xE2\x80\x93-><Final/>" + T, at44 + "not a comment: a comment starts with '<!--'"},
      {"<!- x ->" + H + T, "t:1:1: not a comment: a comment starts with '<!--'"},
      {"<!ELEMENT x ANY>" + H + T,
       "t:1:1: '<!' must start a comment (<!--), a CDATA section (<![CDATA[) or the DOCTYPE declaration"},
      {"<!DOCTYPEx a>" + H + T,
       "t:1:1: '<!' must start a comment (<!--), a CDATA section (<![CDATA[) or the DOCTYPE declaration"},
      {H + "<!>" + T, at44 + "'<!' must start a comment (<!--), a CDATA section (<![CDATA[) or the DOCTYPE declaration"},
      // "]]>" in text.
      {H + "<Data>a]]>b</Data>" + T, "t:1:51: ']]>' not allowed in text (write ]]&gt;)"},
      {H + "]]>" + T, at44 + "']]>' not allowed in text (write ]]&gt;)"},
      {H + "<Data>&amp;]]></Data>" + T, "t:1:55: ']]>' not allowed in text (write ]]&gt;)"},
      // The XML declaration only at the very start; "xml" in another case never.
      {H + "<?xml version=\"1.0\"?>" + T, at44 + "XML declaration allowed only at the very start of the document"},
      {" <?xml version=\"1.0\"?>" + H + T, "t:1:2: XML declaration allowed only at the very start of the document"},
      {"<!-- c --><?xml version=\"1.0\"?>" + H + T, "t:1:11: XML declaration allowed only at the very start of the document"},
      {"<?XML version=\"1.0\"?>" + H + T, "t:1:1: processing instruction target 'XML' is reserved"},
      {H + "<?>x?>" + T, at44 + "processing instruction without a target name"},
      {H + "<?a>?>" + T, "t:1:47: '>' is not allowed in a processing instruction's target name"},
      // DOCTYPE: once, before the root.
      {"<!DOCTYPE a><!DOCTYPE a>" + H + T, "t:1:13: DOCTYPE declaration allowed only once, before the root element"},
      {H + "<!DOCTYPE a>" + T, at44 + "DOCTYPE declaration allowed only once, before the root element"},
      {H + T + "<!DOCTYPE a>", "t:1:64: DOCTYPE declaration allowed only once, before the root element"},
      // Start tags as XML has them.
      {H + "<Final a=\"1\"b=\"2\"/>" + T, "t:1:56: white space required before an attribute"},
      {H + "<Final a/>" + T, "t:1:52: '/' is not allowed in an attribute name"},
      {H + "<Final a />" + T, "t:1:53: attribute 'a' without '=' and a value"},
      {H + "<Final a=1/>" + T, "t:1:53: attribute value without quotes"},
      {H + "<Final a!='1'/>" + T, "t:1:52: '!' is not allowed in an attribute name"},
      {H + "<Final -a='1'/>" + T, "t:1:51: '-' cannot start an attribute name"},
      {H + "<Final / >" + T, "t:1:51: expected '>' after '/'"},
      // End tags and the end of the input.
      {H + "<Final></Finale>" + T, "t:1:51: end tag </Finale> does not match <Final>"},
      {H + "<Final></ Final>" + T, "t:1:51: end tag </ Final> does not match <Final>"},
      {H + "<Final>", "t:1:44: element <Final> is not closed"},
      {"<!-- c -->", "t:1:11: no root element"},
      {"", "t:1:1: empty document: no root element"},
      // Columns count characters, also for a problem the pre-scan finds (fuzzing found the DOM
      // counting bytes there).
      {"<a>\xC3\xA9\xFF</a>", "t:1:5: invalid UTF-8"},
      {"<a>\xC3\xA9&x;</a>", "t:1:5: '&' must start an entity reference (&amp; &lt; &gt; &quot; &apos; &#N;)"},
  };
}

}  // namespace

TEST_CASE("xml readers: every reader gives each hand-written case the same verdict") {
  for (const Case& c : cases()) {
    CAPTURE(c.text);
    xml_agreement::Verdicts v = xml_agreement::check(c.text);
    CHECK(v.disagreement == "");
    CHECK(v.dom == c.expected);
    CHECK(v.encoder == c.expected);
  }
}

// 100,000 attributes: the duplicate check of the pre-scan and of the encoder must not be quadratic
// (a test that hangs instead of failing).
TEST_CASE("xml readers: a start tag with very many attributes is checked in linear time") {
  std::string tag = "<SyncML";
  for (int i = 0; i < 100000; ++i) tag += " a" + std::to_string(i) + "='1'";
  std::string dup = tag + " a99999='2'/>";
  xml_agreement::Verdicts v = xml_agreement::check(dup);
  CHECK(v.disagreement == "");
  CHECK(v.dom.find("attribute 'a99999' given twice") != std::string::npos);
  CHECK(v.encoder == v.dom);
}
