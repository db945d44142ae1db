#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/codec/codec.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/xml/xml.hpp"

using namespace syncmldm;
using namespace std::string_literals;

namespace {

std::string encode(const std::string& xml, codec::EncodeOptions o = {}) { return codec::xml_to_wbxml(xml, "t", o); }
std::string decode(const std::string& wbxml, codec::DecodeOptions o = {}) {
  o.xml_declaration = false;
  o.indent = -1;
  std::string x = codec::wbxml_to_xml(wbxml, "t", o);
  if (!x.empty() && x.back() == '\n') x.pop_back();
  return x;
}
std::string compact(const std::string& xml) {
  codec::DecodeOptions o;
  o.xml_declaration = false;
  o.indent = -1;
  std::string x = codec::reformat_xml(xml, "t", o);
  if (!x.empty() && x.back() == '\n') x.pop_back();
  return x;
}

const std::string kHdr = "\x02\xA4\x01\x6A\x00"s;

}  // namespace

TEST_CASE("codec: the worked example encodes byte for byte") {
  std::string xml =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD></SyncHdr><SyncBody><Results><Item><Meta>"
      "<Format xmlns='syncml:metinf'>chr</Format></Meta><Data>en-US</Data></Item></Results><Final/></SyncBody>"
      "</SyncML>";
  std::string w = encode(xml);
  CHECK(w == kHdr + "\x6D\x6C\x71\x03" "1.2\x00\x01\x01\x6B\x62\x54\x5A\x00\x01\x47\x03" "chr\x00\x01\x01\x00\x00\x4F\x03" "en-US\x00\x01\x01\x01\x12\x01\x01"s);
  CHECK(decode(w) == compact(xml));
}

TEST_CASE("codec: Format without its namespace is found by name; decoding adds the namespace") {
  std::string w = encode("<SyncML xmlns='SYNCML:SYNCML1.2'><Meta><Format>int</Format></Meta></SyncML>");
  CHECK(decode(w) == "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><Meta><Format xmlns=\"syncml:metinf\">int</Format></Meta></SyncML>");
}

TEST_CASE("codec: text is kept exactly; layout whitespace is not content") {
  std::string xml = "<SyncML xmlns=\"SYNCML:SYNCML1.2\">\n  <Data>  a &amp; b\r\n </Data>\n  <Data><![CDATA[<x/>]]></Data></SyncML>";
  std::string w = encode(xml);
  CHECK(decode(w) == "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><Data>  a &amp; b&#13;\n </Data><Data><![CDATA[<x/>]]></Data></SyncML>");
  CHECK(encode(decode(w)) == w);
  // White space between elements is layout, written plainly or as references.
  CHECK(encode("<SyncML xmlns='SYNCML:SYNCML1.2'>\n &#9;&#x20;<Final/>&#10;</SyncML>") ==
        encode("<SyncML xmlns='SYNCML:SYNCML1.2'><Final/></SyncML>"));
}

TEST_CASE("codec: text split by comments or PIs is one string, as decoding reads it back") {
  std::string split =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><Data>a &amp;<!-- c --> b<?pi x?>&lt;c<!---->d</Data>"
      "<Data>a &amp; b&lt;cd</Data><Meta><Type xmlns='syncml:metinf'>application/vnd.syncml-devinf<!-- c -->+xml</Type>"
      "</Meta><Item><Data><DevInf xmlns='syncml:devinf'><VerDTD>1.2</VerDTD></DevInf></Data></Item></SyncML>";
  std::string whole =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><Data>a &amp; b&lt;cd</Data>"
      "<Data>a &amp; b&lt;cd</Data><Meta><Type xmlns='syncml:metinf'>application/vnd.syncml-devinf+xml</Type>"
      "</Meta><Item><Data><DevInf xmlns='syncml:devinf'><VerDTD>1.2</VerDTD></DevInf></Data></Item></SyncML>";
  for (auto mode : {codec::StringTableMode::minimal, codec::StringTableMode::share}) {
    codec::EncodeOptions o;
    o.string_table = mode;
    std::string w = encode(split, o);
    CHECK(w == encode(whole, o));
    CHECK(encode(decode(w), o) == w);
    CHECK(w.find("devinf+wbxml") != std::string::npos);  // the joined Type is still rewritten
  }
}

TEST_CASE("codec: Format bin travels as raw OPAQUE") {
  std::string xml =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><Replace><Item><Meta><Format xmlns='syncml:metinf'>bin</Format></Meta>"
      "<Data>AAECgP/+</Data></Item></Replace></SyncML>";
  std::string w = encode(xml);
  CHECK(w.find("\xC3\x06\x00\x01\x02\x80\xFF\xFE"s) != std::string::npos);
  CHECK(decode(w) == compact(xml));
}

TEST_CASE("codec: binary OPAQUE decodes to marked Base64 and back") {
  std::string w = kHdr + "\x6D\x5A\x00\x01\x50\xC3\x08\x00\xFF\x10\x20\x80\x7F\x41\x42\x01\x01\x01"s;
  std::string x = decode(w);
  CHECK(x == "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><Meta><NextNonce xmlns=\"syncml:metinf\" opaque=\"base64\">AP8QIIB/QUI=</NextNonce></Meta></SyncML>");
  CHECK(encode(x) == w);
}

TEST_CASE("codec: nested DevInf and its Type") {
  std::string xml =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><Results><Meta><Type xmlns='syncml:metinf'>application/vnd.syncml-devinf+xml</Type>"
      "</Meta><Item><Data><DevInf xmlns='syncml:devinf'><VerDTD>1.2</VerDTD><UTC/></DevInf></Data></Item></Results></SyncML>";
  std::string w = encode(xml);
  CHECK(w.find("application/vnd.syncml-devinf+wbxml") != std::string::npos);
  CHECK(w.find("\x4F\xC3\x0F\x02\xA4\x03\x6A\x00\x4A\x65\x03" "1.2\x00\x01\x28\x01\x01"s) != std::string::npos);
  CHECK(decode(w) == compact(xml));
  CHECK(encode(decode(w)) == w);
}

TEST_CASE("codec: a nested-document Type keeps its case both ways") {
  for (std::string type : {"application/vnd.syncml-dEvinf+xml", "APPLICATION/VND.SYNCML-DEVINF+XML"}) {
    std::string xml = "<SyncML xmlns='SYNCML:SYNCML1.2'><Results><Meta><Type xmlns='syncml:metinf'>" + type +
                      "</Type></Meta><Item><Data><DevInf xmlns='syncml:devinf'><VerDTD>1.2</VerDTD></DevInf></Data>"
                      "</Item></Results></SyncML>";
    std::string w = encode(xml);
    CHECK(decode(w).find(">" + type + "<") != std::string::npos);
    CHECK(encode(decode(w)) == w);
  }
}

TEST_CASE("codec: string-table sharing counts each nested document on its own") {
  // Without a Type the nested DevInf decodes as Base64 OPAQUE, and its texts are not seen when
  // encoding again: the outer document's sharing must not depend on them.
  std::string xml =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><Results><Item><Data><DevInf xmlns='syncml:devinf'><Man>repeated</Man>"
      "<Mod>repeated</Mod></DevInf></Data></Item><Item><Data>repeated</Data></Item><Item><Data>repeated</Data>"
      "</Item></Results></SyncML>";
  codec::EncodeOptions share;
  share.string_table = codec::StringTableMode::share;
  std::string w = encode(xml, share);
  CHECK(encode(decode(w), share) == w);
}

TEST_CASE("codec: nested documents draw on their outer document's string-table budget") {
  // A DevInf in which a string-table text stands in for 219 of 220 equal texts: about 76 times
  // its own size, within its own bound (64 times its size plus 1 KiB) but not within the outer
  // document's once 30 of them are nested.
  std::string text(1000, 'x');
  std::string devinf = "<DevInf xmlns='syncml:devinf'>";
  for (int i = 0; i < 220; ++i) devinf += "<Man>" + text + "</Man>";
  devinf += "</DevInf>";
  auto message = [&](int nested) {
    std::string xml = "<SyncML xmlns='SYNCML:SYNCML1.2'><Results><Meta><Type xmlns='syncml:metinf'>"
                      "application/vnd.syncml-devinf+xml</Type></Meta>";
    for (int i = 0; i < nested; ++i) xml += "<Item><Data>" + devinf + "</Data></Item>";
    return xml + "</Results></SyncML>";
  };
  codec::EncodeOptions share;
  share.string_table = codec::StringTableMode::share;
  std::string one = encode(message(1), share);
  CHECK(decode(one) == compact(message(1)));
  std::string many = encode(message(30), share);
  CHECK(many.size() < 30 * 3000);
  // The error is placed at the OPAQUE holding the nested document that went over the bound
  // (not shown as raw bytes instead).
  CHECK_THROWS_WITH(decode(many), doctest::Contains("string table references would expand the document more than 64 times"));
  try {
    decode(many);
  } catch (const Error& e) {
    REQUIRE(e.where().offset);
    CHECK(static_cast<unsigned char>(many[*e.where().offset]) == 0xC3);
  }
}

TEST_CASE("codec: a token inside a literal with its own default namespace keeps its namespace") {
  std::string xml =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncBody><Results><Item><Meta><Type xmlns='syncml:metinf'>"
      "application/vnd.syncml.dmtnds+xml</Type></Meta><Data><MgmtTree xmlns='syncml:dmddf1.2'><Node><RTProperties>"
      "<Vendor xmlns='urn:vendor'><Type xmlns='syncml:dmddf1.2'>abc</Type></Vendor></RTProperties></Node></MgmtTree>"
      "</Data></Item></Results></SyncBody></SyncML>";
  std::string w = encode(xml);
  std::string x = decode(w);
  CHECK(x.find("<Vendor xmlns=\"urn:vendor\"><Type xmlns=\"syncml:dmddf1.2\">abc</Type></Vendor>") != std::string::npos);
  CHECK(encode(x) == w);
}

TEST_CASE("codec: only the nearest Type in scope turns +wbxml for a nested document") {
  std::string xml =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><Results><Meta><Type xmlns='syncml:metinf'>application/vnd.syncml-devinf+xml"
      "</Type></Meta><Item><Meta><Type xmlns='syncml:metinf'>text/plain</Type></Meta><Data><DevInf "
      "xmlns='syncml:devinf'><VerDTD>1.2</VerDTD></DevInf></Data></Item></Results></SyncML>";
  std::string w = encode(xml);
  CHECK(w.find("devinf+xml") != std::string::npos);  // the outer Type does not speak for this Data
  CHECK(encode(decode(w)) == w);
}

TEST_CASE("codec: unknown elements and attributes as literals") {
  std::string xml = "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncBody xmlns:msft='urn:x'><Data msft:originalerror='0x86000002'>404</Data><Vendor>x</Vendor></SyncBody></SyncML>";
  std::string w = encode(xml);
  CHECK(decode(w) == compact(xml));
  codec::EncodeOptions none;
  none.string_table = codec::StringTableMode::none;
  CHECK_THROWS(encode(xml, none));
}

// A literal root names its document by the public id; its own name may point elsewhere
// (<SyncML> in a MetInf document), so decoding declares the language's namespace on it.
TEST_CASE("codec: a literal root keeps its document type through a round trip") {
  std::string xml = "<SyncML xmlns=\"syncml:metinf\"><NextNonce>x</NextNonce></SyncML>";
  std::string wbxml = encode(xml);
  CHECK(wbxml.substr(0, 3) == "\x02\xA4\x02"s);  // MetInf 1.2
  CHECK(decode(wbxml) == xml);
  CHECK(encode(decode(wbxml)) == wbxml);
}

TEST_CASE("codec: a foreign default namespace travels with its literal element") {
  std::string xml = "<SyncML xmlns=\"urn:not-syncml\"><SyncHdr/></SyncML>";
  CHECK(decode(encode(xml)) == xml);
  CHECK(encode(decode(encode(xml))) == encode(xml));
}

TEST_CASE("codec: literal names must read back as the same XML") {
  const std::string table_a = "\x02\xA4\x01\x6A\x02" "a\x00"s;
  // SyncML with attribute a="x" twice
  CHECK_THROWS_WITH(decode(table_a + "\xED\x04\x00\x03x\x00\x04\x00\x03y\x00\x01\x01"s),
                    "t: offset 13: attribute \"a\" given twice");
  // an attribute whose name is the empty string at table index 1
  CHECK_THROWS_WITH(decode(table_a + "\xED\x04\x01\x03x\x00\x01\x01"s),
                    "t: offset 8: attribute name \"\" is not an XML name");
  // a literal tag named "a b"
  CHECK_THROWS_WITH(decode("\x02\xA4\x01\x6A\x04" "a b\x00"s + "\x44\x00\x01"s),
                    "t: offset 9: literal tag name \"a b\" is not an XML name");
  // a root that tells no document type could not be encoded again
  CHECK_THROWS_WITH(decode("\x02\xA4\x01\x6A\x04" "Foo\x00"s + "\x04\x00"s),
                    "t: offset 9: the root is the literal <Foo>, which names no document type");
  codec::DecodeOptions keep;
  keep.keep_unknown = true;
  CHECK_THROWS_WITH(decode(kHdr + "\x00\x01\x3E"s, keep), "t: offset 7: the root is the unknown tag 0x3E on code page 1 of SyncML 1.2");
  // the decoder's own Base64 marker cannot come from the input
  CHECK_THROWS_WITH(decode("\x02\xA4\x01\x6A\x07" "opaque\x00"s + "\xED\x04\x00\x03" "base64\x00\x01\x01"s),
                    "t: offset 13: attribute name \"opaque\" is reserved for the decoder's own markers");
  CHECK(decode("\x02\xA4\x01\x6A\x07" "opaque\x00"s + "\xED\x04\x00\x03" "base32\x00\x01\x01"s) ==
        "<SyncML xmlns=\"SYNCML:SYNCML1.2\" opaque=\"base32\"/>");
}

TEST_CASE("codec: unknown tokens fail, or are kept on request") {
  std::string w = kHdr + "\x6D\x00\x01\x57\x01\x01"s;  // MetInf 0x17 (FP) is known
  CHECK(decode(w) == "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><FP xmlns=\"syncml:metinf\"/></SyncML>");
  std::string bad = kHdr + "\x6D\x00\x01\x3E\x01"s;
  CHECK_THROWS_WITH(decode(bad), "t: offset 8: unknown tag token 0x3E on code page 1 of SyncML 1.2");
  codec::DecodeOptions keep;
  keep.keep_unknown = true;
  std::string x = decode(bad, keep);
  CHECK(x == "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><unknown page=\"1\" token=\"0x3E\"/></SyncML>");
  CHECK(encode(x) == bad);
  CHECK_THROWS_WITH(decode(kHdr + "\x6D\x00\x07\x45\x01"s), "t: offset 8: tag 0x45 on code page 7, which SyncML 1.2 does not have");
}

TEST_CASE("codec: invalid UTF-8 and control characters are refused") {
  CHECK_THROWS_WITH(decode(kHdr + "\x6D\x4F\x03\xC3\x28\x00\x01\x01"s), "t: offset 7: invalid UTF-8 in a string (byte 0xC3 at index 0)");
  CHECK_THROWS_WITH(decode(kHdr + "\x6D\x4F\x03\x01\x00\x01\x01"s),
                    "t: offset 7: control character 0x01 in a string cannot be written as XML");
}

TEST_CASE("codec: DDF documents use the string-form public id and page 2") {
  std::string xml = "<MgmtTree xmlns='syncml:dmddf1.2'><VerDTD>1.2</VerDTD><Node><NodeName>a</NodeName></Node></MgmtTree>";
  std::string w = encode(xml);
  CHECK(w.substr(0, 5) == "\x02\x00\x00\x6A\x1B"s);
  CHECK(w.find("-//OMA//DTD-DM-DDF 1.2//EN\x00\x00\x02\x60"s) != std::string::npos);
  CHECK(decode(w) == compact(xml));
}

TEST_CASE("codec: every message in testdata round-trips") {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(SYNCMLDM_TESTDATA) / "messages")) {
    if (entry.path().extension() != ".xml") continue;
    CAPTURE(entry.path().string());
    std::string xml = read_file(entry.path().string());
    for (auto form : {codec::PublicIdForm::number, codec::PublicIdForm::string}) {
      for (auto table : {codec::StringTableMode::minimal, codec::StringTableMode::share}) {
        codec::EncodeOptions o;
        o.public_id = form;
        o.string_table = table;
        std::string w = codec::xml_to_wbxml(xml, "t", o);
        std::string back = codec::wbxml_to_xml(w, "t");
        // XML -> WBXML -> XML keeps the document; WBXML -> XML -> WBXML keeps the bytes.
        CHECK(back == codec::reformat_xml(xml, "t"));
        CHECK(codec::xml_to_wbxml(back, "t", o) == w);
      }
    }
    ++files;
  }
  CHECK(files >= 5);
}

TEST_CASE("codec: every WBXML file in testdata decodes and re-encodes to the same bytes") {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(SYNCMLDM_TESTDATA) / "wbxml")) {
    CAPTURE(entry.path().string());
    input::Payload p = input::load(entry.path().string());
    if (p.payload != input::Format::wbxml) continue;
    wbxml::Reader r(p.bytes, "t");
    codec::EncodeOptions o;
    o.version = r.header().version;
    o.public_id = r.header().public_id_is_string ? codec::PublicIdForm::string : codec::PublicIdForm::number;
    std::string xml = codec::wbxml_to_xml(p.bytes, "t");
    CHECK(codec::xml_to_wbxml(xml, "t", o) == p.bytes);
    ++files;
  }
  CHECK(files >= 10);
}

TEST_CASE("codec: indentation options and XML input reformatting") {
  std::string w = encode("<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD></SyncHdr></SyncML>");
  codec::DecodeOptions o;
  o.indent = 4;
  CHECK(codec::wbxml_to_xml(w, "t", o) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SyncML xmlns=\"SYNCML:SYNCML1.2\">\n    <SyncHdr>\n"
        "        <VerDTD>1.2</VerDTD>\n    </SyncHdr>\n</SyncML>\n");
  // A UTF-8 BOM, a comment and a DOCTYPE are accepted; the comment is not carried.
  std::string bom = "\xEF\xBB\xBF<!DOCTYPE SyncML PUBLIC \"-//SYNCML//DTD SyncML 1.1//EN\" \"x\"><SyncML><!-- c --><Final/></SyncML>";
  std::string w11 = codec::xml_to_wbxml(bom, "t");
  CHECK(w11 == "\x02\x9F\x53\x6A\x00\x6D\x12\x01"s);
  CHECK(codec::detect_language(bom) == &wbxml::syncml11());
  CHECK(codec::detect_language("<MgmtTree xmlns='syncml:dmddf1.2'/>") == &wbxml::dmddf12());
  CHECK(codec::detect_language("<html/>") == nullptr);
}

TEST_CASE("codec: malformed XML is reported with line and column") {
  try {
    codec::xml_to_wbxml("<SyncML>\n  <SyncHdr>\n</SyncML>", "m.xml");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.describe() == "m.xml:3:1: end tag </SyncML> does not match <SyncHdr>");
  }
  CHECK_THROWS(codec::xml_to_wbxml("<SyncML a></SyncML>", "m.xml"));
  CHECK_THROWS(codec::xml_to_wbxml("<SyncML/><SyncML/>", "m.xml"));
  CHECK_THROWS(codec::xml_to_wbxml("", "m.xml"));
}

// The encoder checks markup as it reads it instead of running the XML layer's pre-scan first; a
// malformed document must still get the XML layer's message, at the same place, even where the
// encoder met a problem of its own earlier on.
TEST_CASE("codec: markup problems are reported as the XML layer reports them") {
  const std::string h = "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncBody>", t = "</SyncBody></SyncML>";
  std::string nested = "<SyncML xmlns=\"SYNCML:SYNCML1.2\">";
  for (int i = 0; i < 1000; ++i) nested += "<a>";
  const std::vector<std::string> bad = {
      h + "<Data>a & b</Data>" + t, h + "<Data>&#0;</Data>" + t, h + "<Data>&#x110000;</Data>" + t,
      h + "<Data>&amp x</Data>" + t, h + "<Data>&am", h + "<a b=\"x<y\"/>" + t, h + "<a b=\"&zz;\"/>" + t,
      h + "<a b=\"1\"\"c\"/>" + t, h + "<Fo!o/>" + t, h + "<1a/>" + t, h + "<-a/>" + t, h + "<a=b/>" + t,
      h + "<a\"b/>" + t, h + "< a/>" + t, h + "<", h + "<a b=\"1\"", h + "<a ", h + "<a></a",
      h + "<Data><![CDATA[x", h + "<!-- x", h + "<?x", h + t + "<!-->", h + t + "<?>", "<!-->" + h + t, nested,
      // The encoder's own objection comes first in the text, the markup problem after it.
      "<Foo>&bad;</Foo>", h + "<a></b>&bad;" + t, h + "<Data>x</Data><Data>&#1;</Data>" + t};
  for (const auto& xml : bad) {
    CAPTURE(xml);
    std::string expected;
    try {
      xml::Document::parse(xml, "t");
    } catch (const Error& e) {
      expected = e.describe();
    }
    REQUIRE(!expected.empty());
    try {
      encode(xml);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.describe() == expected);
    }
  }
  CHECK_THROWS_WITH(encode("<Foo>&bad;</Foo>"), "t:1:6: '&' must start an entity reference (&amp; &lt; &gt; &quot; &apos; &#N;)");
}

// A comment or PI ends at the first terminator after its opening: "<!-->" and "<?>" do not end
// themselves, as XML has it (and the XML layer).
TEST_CASE("codec: comments and PIs end where XML says") {
  const std::string h = "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncBody>", t = "<Final/></SyncBody></SyncML>";
  std::string plain = encode(h + t);
  CHECK(encode(h + "<!-->x-->" + t) == plain);
  CHECK(encode(h + "<!--->x-->" + t) == plain);
  CHECK(encode(h + "<?a >x?>" + t) == plain);
  CHECK(encode("<!-->x-->" + h + t) == plain);
  // What XML 1.0 does not allow is refused, as the XML layer refuses it: a PI without a target,
  // "--" inside a comment, any other "<!" declaration.
  CHECK_THROWS_WITH(encode(h + "<?>x?>" + t), "t:1:44: processing instruction without a target name");
  CHECK_THROWS_WITH(encode(h + "<!-- a -- b -->" + t), "t:1:51: '--' not allowed inside a comment");
  CHECK_THROWS_WITH(encode("<!DOCTYPEx a>" + h + t),
                    "t:1:1: '<!' must start a comment (<!--), a CDATA section (<![CDATA[) or the DOCTYPE declaration");
}

// The encoder reads names 16 bytes at a time and remembers the token of each name it has seen:
// names of every length, prefixes, look-alike names and names near the end must come out as
// they always did.
TEST_CASE("codec: names of any length and position encode as before") {
  const std::string root = "<SyncML xmlns='SYNCML:SYNCML1.2'>";
  for (std::size_t k = 1; k <= 40; ++k) {
    CAPTURE(k);
    std::string name = "N" + std::string(k - 1, 'x');
    std::string xml = root + "<Data>" + std::string(k, 'y') + "</Data><" + name + " a='1'><" + name + "/></" + name +
                      "></SyncML>";
    CHECK(decode(encode(xml)) == compact(xml));
    // A prefix of any length, bound to the SyncML namespace, names the same token.
    std::string p(k, 'p');
    CHECK(encode(root + "<" + p + ":Final xmlns:" + p + "='SYNCML:SYNCML1.2'/></SyncML>") ==
          encode(root + "<Final/></SyncML>"));
  }
  // Names that share length, first, middle and last byte are told apart.
  std::string look = root + "<Meta/><Mxta/><Meta/><MetA/></SyncML>";
  CHECK(decode(encode(look)) == compact(look));
  // The same name in two languages (a nested DevInf) keeps each language's token.
  std::string nested = root + "<SyncHdr><VerDTD>1.2</VerDTD></SyncHdr><Item><Meta><Type xmlns='syncml:metinf'>"
                       "application/vnd.syncml-devinf+xml</Type></Meta><Data><DevInf xmlns='syncml:devinf'>"
                       "<VerDTD>1.2</VerDTD></DevInf></Data></Item><VerDTD>1.1</VerDTD></SyncML>";
  CHECK(decode(encode(decode(encode(nested)))) == decode(encode(nested)));
  std::string w = encode(nested);
  CHECK(w.find("\x71\x03" "1.1") != std::string::npos);  // the last VerDTD: SyncML's token 0x31 + content
  // A name within 16 bytes of the end, seen before far from it.
  CHECK(encode(root + "<Final/><Final/></SyncML>") == kHdr + "\x6D\x12\x12\x01"s);
}

// Layout is recognised 16 bytes a test (one load for a short run): every length, every kind of
// white space, and one other byte anywhere in the run makes it text.
TEST_CASE("codec: layout runs of any length, and text hidden in one") {
  const std::string root = "<SyncML xmlns='SYNCML:SYNCML1.2'>";
  const std::string plain = encode(root + "<Item><Final/></Item></SyncML>");
  for (std::size_t k = 0; k <= 40; ++k) {
    CAPTURE(k);
    std::string ws;
    for (std::size_t i = 0; i < k; ++i) ws += " \n\t\r"[i % 4];
    CHECK(encode(root + ws + "<Item>" + ws + "<Final/>" + ws + "</Item>" + ws + "</SyncML>" + ws) == plain);
    for (std::size_t at = 0; at < k; at += 3) {
      std::string run = ws;
      run[at] = 'x';
      std::string w = encode(root + "<Item>" + run + "<Final/></Item></SyncML>");
      CHECK(w.find("\x03" + run + "\x00"s) != std::string::npos);
    }
  }
}
