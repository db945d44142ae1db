#include <doctest/doctest.h>

#include <string>

#include "syncmldm/wbxml/document.hpp"
#include "syncmldm/wbxml/wbxml.hpp"

using namespace syncmldm;
using namespace std::string_literals;

namespace {
std::string mb(std::uint32_t v) {
  std::string s;
  wbxml::put_mb_u_int32(s, v);
  return s;
}
std::string error_of(const std::string& bytes) {
  try {
    wbxml::Reader r(bytes, "t");
    wbxml::Event e;
    while (r.next(e)) {
    }
  } catch (const Error& e) {
    return e.describe();
  }
  return "";
}
}  // namespace

TEST_CASE("wbxml: mb_u_int32 encodes the reference values") {
  CHECK(mb(0) == "\x00"s);
  CHECK(mb(0x6A) == "\x6A");
  CHECK(mb(127) == "\x7F");
  CHECK(mb(128) == "\x81\x00"s);
  CHECK(mb(300) == "\x82\x2C");
  CHECK(mb(0x0FD3) == "\x9F\x53");
  CHECK(mb(0x1201) == "\xA4\x01");
  CHECK(mb(16384) == "\x81\x80\x00"s);
  CHECK(mb(0xFFFFFFFF) == "\x8F\xFF\xFF\xFF\x7F");
}

TEST_CASE("wbxml: mb_u_int32 reading rejects overlong and overflowing values") {
  std::size_t pos = 0;
  CHECK(wbxml::read_mb_u_int32("\x8F\xFF\xFF\xFF\x7F", pos, "t") == 0xFFFFFFFFu);
  CHECK(pos == 5);
  pos = 0;
  CHECK_THROWS_WITH(wbxml::read_mb_u_int32("\x90\x80\x80\x80\x00"s, pos, "t"), "t: offset 0: multi-byte integer overflows 32 bits");
  pos = 0;
  CHECK_THROWS_WITH(wbxml::read_mb_u_int32("\x81\x81\x81\x81\x81\x01", pos, "t"),
                    "t: offset 0: multi-byte integer longer than 5 bytes");
  pos = 0;
  CHECK_THROWS(wbxml::read_mb_u_int32("\x81", pos, "t"));
}

TEST_CASE("wbxml: header with numeric and string public ids") {
  wbxml::Reader a("\x02\xA4\x01\x6A\x00\x6D\x01"s, "t");
  CHECK(a.header().version == 2);
  CHECK(a.header().public_id == 0x1201);
  CHECK(a.header().language == &wbxml::syncml12());
  std::string fpi = "-//SYNCML//DTD SyncML 1.2//EN";
  std::string doc = "\x02\x00\x00\x6A\x1E"s + fpi + "\x00\x6D\x01"s;
  wbxml::Reader b(doc, "t");
  CHECK(b.header().public_id_is_string);
  CHECK(b.header().fpi == fpi);
  CHECK(b.header().language == &wbxml::syncml12());
  // WBXML 1.0 has no charset field.
  wbxml::Reader c("\x00\x9F\x53\x00\x6D\x01"s, "t");
  CHECK(c.header().language == &wbxml::syncml11());
  CHECK(c.header().charset == 0);
  // Lower-case FPI and the MetInf spellings.
  CHECK(wbxml::language_by_fpi("-//syncml//dtd syncml 1.2//en") == &wbxml::syncml12());
  CHECK(wbxml::language_by_fpi("-//OMA//DTD SYNCML-METINF 1.2//EN") == &wbxml::metinf12());
  CHECK(wbxml::language_by_fpi("-//SYNCML//DTD MetaInf 1.2//EN") == &wbxml::metinf12());
}

TEST_CASE("wbxml: events of a small document") {
  // <SyncML><Final/><Data>a</Data></SyncML> with a page switch and back.
  std::string doc = "\x02\xA4\x01\x6A\x00\x6D\x12\x00\x01\x47\x03" "chr\x00\x01\x00\x00\x4F\xC3\x02\xFF\x00\x01\x01"s;
  wbxml::Reader r(doc, "t");
  wbxml::Event e;
  std::string seen;
  while (r.next(e)) {
    switch (e.type) {
      case wbxml::EventType::start: seen += "<" + std::string(e.name) + ">"; break;
      case wbxml::EventType::end: seen += e.synthetic ? "/" : "</>"; break;
      case wbxml::EventType::text: seen += std::string(e.data); break;
      case wbxml::EventType::opaque: seen += "[" + std::to_string(e.data.size()) + "]"; break;
      case wbxml::EventType::switch_page: seen += "p" + std::to_string(e.value); break;
      default: break;
    }
  }
  CHECK(seen == "<SyncML><Final>/p1<Format>chr</>p0<Data>[2]</></>");
}

TEST_CASE("wbxml: bad input is reported with its offset") {
  std::string hdr = "\x02\xA4\x01\x6A\x00"s;
  CHECK(error_of("") == "t: offset 0: empty input");
  CHECK(error_of("\x07\x01"s) == "t: offset 0: unsupported WBXML version byte 0x07 (1.0-1.3 are 0x00-0x03)");
  CHECK(error_of(hdr + "\x6D\x6C") == "t: offset 7: truncated: input ends inside 2 open elements");
  CHECK(error_of(hdr + "\x6D\x01\x01") == "t: offset 7: END without an open element");
  CHECK(error_of(hdr + "\x6D\x3F\x01") == "");  // an undefined token is the decoder's business
  CHECK(error_of(hdr + "\x6D\x83\x05\x01") ==
        "t: offset 6: string table reference 5 is past the end of the table (0 bytes)");
  CHECK(error_of(hdr + "\x6D\xC3\x10\x41\x01") ==
        "t: offset 6: opaque length 16 is beyond the end of input (2 bytes left)");
  CHECK(error_of("\x02\xA4\x01\x6A\x20\x00"s) ==
        "t: offset 4: string table length 32 is beyond the end of input (1 bytes left)");
  CHECK(error_of("\x02\x00\x05\x6A\x00\x6D\x01"s).find("string table reference 5") != std::string::npos);
  CHECK(error_of("\x02\x07\x6A\x00\x6D\x01"s) == "t: offset 1: unknown public id 0x7 (force a language with --language)");
  CHECK(error_of(hdr + "\x6D\x03" "abc") == "t: offset 6: truncated: inline string without its terminating NUL");
  CHECK(error_of(hdr + "\x6D\x01\x6D\x01") == "t: offset 7: a second root element");
  CHECK(error_of(hdr + "\x6D\x02\x90\x80\x80\x80\x00\x01"s) == "t: offset 7: entity: multi-byte integer overflows 32 bits");
}

TEST_CASE("wbxml: nesting is bounded") {
  std::string doc = "\x02\xA4\x01\x6A\x00"s + std::string(100000, '\x6D');
  CHECK(error_of(doc) == "t: offset 1005: elements nested deeper than 1000");
}

TEST_CASE("wbxml: string-table references expand the document a bounded number of times") {
  // A 4 KiB string and references to it: each reference of two bytes stands for 4096.
  std::string table = std::string(4096, 'A') + '\0';
  std::string head = "\x02\xA4\x01\x6A"s + mb(static_cast<std::uint32_t>(table.size())) + table + "\x6D";
  auto doc = [&](std::size_t refs) {
    std::string d = head;
    for (std::size_t i = 0; i < refs; ++i) d += "\x83\x00"s;
    return d + "\x01";
  };
  // Within the bound: 64 times (document + 1 KiB) is some 390 KiB here.
  CHECK(error_of(doc(80)) == "");
  std::string bomb = doc(200);
  std::uint64_t limit = wbxml::table_expansion_limit(bomb.size());
  CHECK(limit == 64 * (bomb.size() + 1024));
  std::size_t refused = static_cast<std::size_t>(limit / 4096);  // the first reference over the limit
  CHECK(error_of(bomb) == "t: offset " + std::to_string(head.size() + 2 * refused) +
                              ": string table references would expand the document more than 64 times (over " +
                              std::to_string(limit) + " bytes)");
  // Attribute values and literal names draw on the same budget.
  std::string attr = "\x02\xA4\x01\x6A"s + mb(static_cast<std::uint32_t>(table.size() + 2)) + table + "x" + '\0' + "\xED";
  for (int i = 0; i < 150; ++i) attr += "\x04"s + mb(4097) + "\x83\x00"s;
  CHECK(error_of(attr + "\x01\x01").find("would expand the document more than 64 times") != std::string::npos);
  // A shared budget: readers of nested documents draw on their outer document's.
  wbxml::TableBudget shared{5000, 0};
  wbxml::ReadOptions o;
  o.budget = &shared;
  const std::string small = doc(1);  // the readers keep views into it
  wbxml::Reader r(small, "t", o);
  wbxml::Event e;
  while (r.next(e)) {
  }
  CHECK(shared.used == 4096);
  wbxml::Reader again(small, "t", o);
  CHECK_THROWS_WITH(([&] { while (again.next(e)) {} })(), doctest::Contains("more than 64 times (over 5000 bytes)"));
  CHECK(shared.exceeded);
}

TEST_CASE("wbxml: Nokia's xmlns attribute without a string table") {
  std::string doc = "\x02\xA4\x01\x6A\x00\xED\x04\x00\x03SYNCML:SYNCML1.2\x00\x01\x12\x01"s;
  wbxml::Reader r(doc, "t");
  wbxml::Event e;
  int attributes = 0;
  while (r.next(e)) {
    if (e.type == wbxml::EventType::attribute) {
      ++attributes;
      CHECK(e.name == "xmlns");
      CHECK(e.data == "SYNCML:SYNCML1.2");
    }
  }
  CHECK(attributes == 1);
}

TEST_CASE("wbxml: token tables") {
  const auto& s = wbxml::syncml12();
  CHECK(s.tag(0, 0x05) == "Add");
  CHECK(s.tag(0, 0x2D) == "SyncML");
  CHECK(s.tag(0, 0x30) == "");
  CHECK(s.tag(0, 0x3C) == "Correlator");
  CHECK(s.tag(1, 0x07) == "Format");
  CHECK(s.tag(1, 0x16) == "FieldLevel");
  CHECK(s.tag(2, 0x20) == "MgmtTree");
  CHECK(s.tag(2, 0x3C) == "ZeroOrOne");
  CHECK(*s.token(0, "Correlator") == 0x3C);
  CHECK(*s.token(1, "MaxObjSize") == 0x15);
  CHECK(!s.token(0, "Format"));
  CHECK(wbxml::syncml11().tag(0, 0x35) == "");
  CHECK(wbxml::syncml11().tag(0, 0x34) == "MoreData");
  CHECK(wbxml::devinf12().tag(0, 0x34) == "SupportHierarchicalSync");
  CHECK(wbxml::devinf11().tag(0, 0x1C) == "Size");
  CHECK(wbxml::devinf12().tag(0, 0x1C) == "MaxSize");
  CHECK(*wbxml::dmddf12().token(2, "verDTD") == 0x37);
  CHECK(*wbxml::dmddf12().token(2, "node") == 0x25);
  CHECK(*wbxml::dmddf12().token(2, "Node") == 0x24);
}

TEST_CASE("wbxml: dump shows offsets, pages and names") {
  std::string out;
  wbxml::dump("\x02\xA4\x01\x6A\x00\x6D\x12\x01"s, "t", out);
  CHECK(out.find("00000005     0  6d              <SyncML> +content") != std::string::npos);
  CHECK(out.find("<Final/>") != std::string::npos);
  CHECK(out.find("END </SyncML>") != std::string::npos);
  std::string partial;
  CHECK_THROWS(wbxml::dump("\x02\xA4\x01\x6A\x00\x6D\x6C"s, "t", partial));
  CHECK(partial.find("<SyncHdr>") != std::string::npos);
}

namespace {
// Events of a document as text, one per line; `leaves` takes an element's single inline string
// with Reader::leaf_text where it can (as the decoder does) and shows it the way next() would.
std::string events_of(const std::string& bytes, bool leaves) {
  wbxml::Reader r(bytes, "t");
  wbxml::Event e;
  std::string out;
  while (r.next(e)) {
    out += std::to_string(static_cast<int>(e.type)) + " " + std::to_string(e.offset) + " " + std::string(e.name) +
           " [" + std::string(e.data) + "]\n";
    std::string_view text;
    std::uint64_t at = 0;
    if (leaves && e.type == wbxml::EventType::start && e.has_content && !e.has_attributes && r.leaf_text(text, at)) {
      out += std::to_string(static_cast<int>(wbxml::EventType::text)) + " " + std::to_string(at) + "  [" +
             std::string(text) + "]\n";
      out += std::to_string(static_cast<int>(wbxml::EventType::end)) + " " + std::to_string(at + text.size() + 2) +
             "  []\n";
    }
  }
  return out;
}
}  // namespace

TEST_CASE("wbxml: leaf_text reads an element's single inline string as next() does") {
  const std::string head = "\x02\xA4\x01\x6A\x00"s;  // WBXML 1.2, SyncML 1.2, UTF-8, no string table
  // <SyncML><CmdID>v</CmdID>...</SyncML>, with values around the 8 bytes tested at once.
  for (std::string v : {""s, "1"s, "1234567"s, "12345678"s, "123456789"s, "a value longer than sixteen bytes"s}) {
    CAPTURE(v);
    std::string doc = head + "\x6D\x4B\x03"s + v + "\x00\x01\x4B\x03"s + v + "\x00\x01\x01"s;
    std::string plain = events_of(doc, false), fused = events_of(doc, true);
    CHECK(fused == plain);
    CHECK(fused.find("[" + v + "]") != std::string::npos);
  }
  // The string at the very end of the input (fewer than eight bytes after the STR_I).
  std::string tail = head + "\x6D\x4B\x03" "ab\x00\x01\x01"s;
  CHECK(events_of(tail, true) == events_of(tail, false));
  // Not a leaf: nothing is consumed, and next() goes on (or fails) as without the call.
  std::string two = head + "\x6D\x4B\x03" "a\x00\x03" "b\x00\x01\x01"s;  // two strings
  CHECK(events_of(two, true) == events_of(two, false));
  wbxml::Reader r(two, "t");
  wbxml::Event e;
  r.next(e);
  std::string_view text;
  std::uint64_t at = 0;
  CHECK_FALSE(r.leaf_text(text, at));  // <SyncML> holds an element
  r.next(e);
  CHECK_FALSE(r.leaf_text(text, at));
  CHECK(r.next(e));
  CHECK(e.type == wbxml::EventType::text);
  CHECK(e.data == "a");
  // Truncated inputs fail in next() with the same message, whether leaf_text was asked first.
  for (std::string bad : {head + "\x6D\x4B\x03" "ab"s, head + "\x6D\x4B\x03" "ab\x00"s, head + "\x6D\x4B\x03"s}) {
    std::string a, b;
    try {
      events_of(bad, false);
    } catch (const Error& err) {
      a = err.describe();
    }
    try {
      events_of(bad, true);
    } catch (const Error& err) {
      b = err.describe();
    }
    CHECK_FALSE(a.empty());
    CHECK(a == b);
  }
}

TEST_CASE("wbxml: document_length ends at the root's END and reads nothing after it") {
  std::string hdr = "\x02\xA4\x01\x6A\x00"s;
  std::string doc = hdr + "\x6D\x6C\x5B\x03" "1\x00\x01\x01\x01"s;
  CHECK(wbxml::document_length(doc, "t") == doc.size());
  // Another document (or anything) after it is not looked at.
  CHECK(wbxml::document_length(doc + doc, "t") == doc.size());
  CHECK(wbxml::document_length(doc + "\xFF\xFF"s, "t") == doc.size());
  // A root without content, and processing instructions after the root, are part of it.
  std::string empty_root = hdr + "\x2D"s;
  CHECK(wbxml::document_length(empty_root + doc, "t") == empty_root.size());
  std::string with_table = "\x02\xA4\x01\x6A\x02" "x\x00"s;
  std::string pi_after = with_table + "\x2D\x43\x04\x00\x01"s;
  CHECK(wbxml::document_length(pi_after + doc, "t") == pi_after.size());
  // Cut short: the Reader's error, at its offset.
  try {
    wbxml::document_length(doc.substr(0, doc.size() - 1), "t");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.describe() == "t: offset 13: truncated: input ends inside 1 open element");
  }
  CHECK_THROWS_AS(wbxml::document_length(hdr, "t"), Error);
  CHECK_THROWS_AS(wbxml::document_length("", "t"), Error);
}
