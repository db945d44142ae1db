// Decoding to a sink in pieces, mapped input files, attribute escaping.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <span>

#include "syncmldm/util/base64.hpp"
#include "syncmldm/codec/codec.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/util/mapped_file.hpp"

using namespace syncmldm;

namespace {

// A message of about `bytes` of XML: Replace commands with 160-character values.
std::string big_message(std::size_t bytes) {
  std::string xml =
      "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>"
      "<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>IMEI:1</LocURI></Target>"
      "<Source><LocURI>https://dm.example.net/</LocURI></Source></SyncHdr><SyncBody>";
  for (int id = 2; xml.size() < bytes; ++id) {
    xml += "<Replace><CmdID>" + std::to_string(id) + "</CmdID><Item><Target><LocURI>./Vendor/Node" +
           std::to_string(id) + "</LocURI></Target><Meta><Format xmlns=\"syncml:metinf\">chr</Format></Meta><Data>" +
           std::string(160, static_cast<char>('a' + id % 26)) + " &amp; &lt;</Data></Item></Replace>";
  }
  return xml + "<Final/></SyncBody></SyncML>";
}

std::string temp_file(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / ("syncmldm-unit-" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

}  // namespace

TEST_CASE("codec stream: pieces add up to the whole output, each at least a chunk but the last") {
  std::string wbxml = codec::xml_to_wbxml(big_message(3 * codec::kDecodeChunk), "t");
  std::string whole = codec::wbxml_to_xml(wbxml, "t");
  std::vector<std::string> pieces;
  codec::wbxml_to_xml(wbxml, "t", {}, [&](std::string_view p) { pieces.emplace_back(p); });
  REQUIRE(pieces.size() >= 3);
  std::string joined;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i + 1 < pieces.size()) CHECK(pieces[i].size() >= codec::kDecodeChunk);
    joined += pieces[i];
  }
  CHECK(joined == whole);
}

TEST_CASE("codec stream: a small message reaches the sink once, after it decoded") {
  std::string wbxml = codec::xml_to_wbxml(big_message(1000), "t");
  int calls = 0;
  codec::wbxml_to_xml(wbxml, "t", {}, [&](std::string_view) { ++calls; });
  CHECK(calls == 1);
  // Truncated: the error comes before anything reached the sink.
  calls = 0;
  CHECK_THROWS_AS(codec::wbxml_to_xml(wbxml.substr(0, wbxml.size() - 3), "t", {}, [&](std::string_view) { ++calls; }),
                  Error);
  CHECK(calls == 0);
}

TEST_CASE("codec stream: an error late in a large message still names its offset") {
  std::string wbxml = codec::xml_to_wbxml(big_message(2 * codec::kDecodeChunk), "t");
  std::string cut = wbxml.substr(0, wbxml.size() - 5);
  std::size_t passed = 0;
  try {
    codec::wbxml_to_xml(cut, "t", {}, [&](std::string_view p) { passed += p.size(); });
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.where().offset.has_value());
    CHECK(passed >= codec::kDecodeChunk);  // the XML before it was handed over
  }
}

TEST_CASE("codec stream: encoding to a sink gives the bytes of the string result") {
  // 2 MB of XML: the encoder's buffer is then a huge-page mapping of its own.
  std::string xml = big_message(2u << 20);
  for (auto table : {codec::StringTableMode::minimal, codec::StringTableMode::share}) {
    codec::EncodeOptions o;
    o.string_table = table;
    std::vector<std::string> pieces;
    codec::xml_to_wbxml(xml, "t", o, [&](std::string_view p) { pieces.emplace_back(p); });
    std::string whole = codec::xml_to_wbxml(xml, "t", o);
    // Share mode has a string table (the repeated values): its header comes as a piece first.
    CHECK(pieces.size() == (table == codec::StringTableMode::share ? 2u : 1u));
    std::string joined;
    for (const auto& p : pieces) joined += p;
    CHECK(joined == whole);
    CHECK(codec::wbxml_to_xml(whole, "t") == codec::wbxml_to_xml(codec::xml_to_wbxml(big_message(2u << 20), "t"), "t"));
  }
}

// A workspace large enough takes the output (the pieces lie in it), one too small is left alone;
// the bytes are the same either way, also with a nested document (whose output has a buffer of
// its own) in the message.
TEST_CASE("codec stream: the output goes into a workspace only when it is large enough") {
  std::string xml = big_message(1u << 20);
  xml.insert(xml.find("<Final/>"),
             "<Replace><CmdID>1</CmdID><Item><Target><LocURI>./DevInfo</LocURI></Target><Meta>"
             "<Type xmlns=\"syncml:metinf\">application/vnd.syncml-devinf+xml</Type></Meta><Data>"
             "<DevInf xmlns=\"syncml:devinf\"><VerDTD>1.2</VerDTD><DevID>IMEI:1</DevID></DevInf>"
             "</Data></Item></Replace>");
  std::string whole = codec::xml_to_wbxml(xml, "t");
  REQUIRE(whole.find("application/vnd.syncml-devinf+wbxml") != std::string::npos);  // nested, and patched
  for (std::size_t room : {xml.size() + 64, xml.size() + 63, std::size_t{0}}) {
    CAPTURE(room);
    std::string workspace(room, '#');
    std::string joined;
    bool inside = false;
    codec::xml_to_wbxml(xml, "t", {}, [&](std::string_view p) {
      joined += p;
      inside = p.data() >= workspace.data() && p.data() < workspace.data() + workspace.size();
    }, std::span<char>(workspace));
    CHECK(joined == whole);
    CHECK(inside == (room >= xml.size() + 64));
  }
}

TEST_CASE("codec stream: an encoding error reaches no sink") {
  std::string xml = big_message(1u << 20);
  xml.insert(xml.size() / 2, "<Bad>");
  int calls = 0;
  CHECK_THROWS_AS(codec::xml_to_wbxml(xml, "t", {}, [&](std::string_view) { ++calls; }), Error);
  CHECK(calls == 0);
}

TEST_CASE("codec: attribute values keep TAB and LF anywhere, also before an escaped character") {
  std::string xml = "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr note=\"a&#10;b&#9;c&amp;d&#10;\"/></SyncML>";
  codec::DecodeOptions o;
  o.indent = -1;
  o.xml_declaration = false;
  std::string out = codec::wbxml_to_xml(codec::xml_to_wbxml(xml, "t"), "t", o);
  CHECK(out.find("note=\"a&#10;b&#9;c&amp;d&#10;\"") != std::string::npos);
}

TEST_CASE("input: large files are mapped, small ones and wrapped ones read") {
  std::string xml = big_message(input::kMapMinBytes + 1000);
  std::string big = temp_file("mapped.xml", xml);
  input::Loaded loaded = input::load_mapped(big);
  CHECK(loaded.mapped.has_value());
  CHECK(loaded.payload.payload == input::Format::xml);
  CHECK(loaded.bytes() == xml);

  std::string small = temp_file("small.xml", big_message(100));
  input::Loaded s = input::load_mapped(small);
  CHECK_FALSE(s.mapped.has_value());
  CHECK(s.bytes() == big_message(100));

  // Base64 of a large WBXML message: unwrapped into memory.
  std::string wbxml = codec::xml_to_wbxml(xml, "t");
  std::string b64 = temp_file("mapped.b64", base64::encode(wbxml));
  input::Loaded w = input::load_mapped(b64);
  CHECK_FALSE(w.mapped.has_value());
  CHECK(w.payload.container == input::Format::base64);
  CHECK(w.bytes() == wbxml);
  for (const auto& p : {big, small, b64}) std::filesystem::remove(p);
}

// Up to MappedFile::kReadLimit a file is read into huge pages, beyond it mapped: both hold the
// file's bytes. The large one is sparse, so the test writes little.
TEST_CASE("mapped file: read into memory up to its limit, mapped beyond") {
  std::string content(300000, 'x');
  for (std::size_t i = 0; i < content.size(); i += 997) content[i] = static_cast<char>('a' + i % 26);
  std::string read_path = temp_file("read.bin", content);
  auto read = MappedFile::open(read_path, 1, std::size_t{1} << 31);
  REQUIRE(read.has_value());
  CHECK(read->bytes() == content);
  // As much room again after the content, writable, and the content untouched by writing it.
  std::span<char> spare = read->spare();
  REQUIRE(spare.size() >= content.size());
  CHECK(spare.data() == read->bytes().data() + content.size());
  std::fill(spare.begin(), spare.end(), '#');
  CHECK(read->bytes() == content);
  MappedFile moved = std::move(*read);
  CHECK(moved.bytes() == content);
  CHECK(moved.spare().size() == spare.size());

  std::string sparse_path = temp_file("sparse.bin", "");
  std::filesystem::resize_file(sparse_path, MappedFile::kReadLimit + 4096);
  {
    std::fstream f(sparse_path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(MappedFile::kReadLimit + 4000));
    f << "end";
  }
  auto mapped = MappedFile::open(sparse_path, 1, std::size_t{1} << 31);
  REQUIRE(mapped.has_value());
  CHECK(mapped->bytes().size() == MappedFile::kReadLimit + 4096);
  CHECK(mapped->bytes().substr(MappedFile::kReadLimit + 4000, 3) == "end");
  CHECK(mapped->bytes()[12345] == '\0');
  CHECK(mapped->spare().empty());  // a read-only mapping has no room to lend
  CHECK_FALSE(MappedFile::open(sparse_path, 1, MappedFile::kReadLimit).has_value());  // over max_bytes
  for (const auto& p : {read_path, sparse_path}) std::filesystem::remove(p);
}
