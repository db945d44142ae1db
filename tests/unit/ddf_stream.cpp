// The streaming DDF loader against the DOM loader: the same schema, node by node and field by
// field (places included), for Microsoft's files, the test schema and documents written to
// hit every corner of the reader; and it must give up, never guess, where the DOM decides.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tree/ddf_stream.hpp"
#include "../support/ddf_flat.hpp"
#include "syncmldm/tree/ddf.hpp"

using namespace syncmldm;
using namespace syncmldm::ddf;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using ddf_flat::flat;

// Loads `text` both ways; returns whether the streaming loader took it.
bool same_both_ways(const std::string& text, const std::string& name) {
  Schema streamed, dom;
  bool took = detail::load_streaming(streamed, text, name);
  detail::load_dom(dom, text, name);
  if (took) {
    auto a = flat(streamed), b = flat(dom);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i] == b[i]);
  }
  // What load_text does must equal the DOM either way.
  Schema loaded;
  load_text(loaded, text, name);
  CHECK(flat(loaded) == flat(dom));
  return took;
}

std::string wrap(const std::string& nodes) {
  return "<?xml version=\"1.0\"?>\n<MgmtTree xmlns:MSFT=\"http://schemas.microsoft.com/MobileDevice/DM\">\n"
         "<VerDTD>1.2</VerDTD>\n" + nodes + "</MgmtTree>\n";
}

const char* kLeaf =
    "<Node><NodeName>Leaf</NodeName><DFProperties><AccessType><Get/><Replace /></AccessType>"
    "<DefaultValue>1</DefaultValue><DFFormat><int/></DFFormat><Occurrence><ZeroOrOne/></Occurrence>"
    "<DFType><MIME>text/plain</MIME></DFType></DFProperties></Node>";

}  // namespace

TEST_CASE("ddf stream: the test schema and Microsoft's files read as the DOM reads them") {
  CHECK(same_both_ways(slurp(std::string(SYNCMLDM_TESTDATA) + "/ddf/policy-like.ddf.xml"), "policy-like.ddf.xml"));
  CHECK(same_both_ways(std::string(standard_objects_ddf()), "<standard objects>"));
  namespace fs = std::filesystem;
  const char* env = std::getenv("SYNCMLDM_SHARED");
  fs::path dir = std::string(env ? env : SYNCMLDM_SHARED_DIR) + "/data/ms-ddf";
  std::error_code ec;
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".xml") continue;
    CAPTURE(e.path().string());
    CHECK(same_both_ways(slurp(e.path().string()), e.path().string()));  // DOCTYPEs with internal subsets too
    ++files;
  }
  if (files == 0) MESSAGE("Microsoft DDF files not found; that part skipped");
}

TEST_CASE("ddf stream: text, entities, CDATA, comments, attributes and places") {
  std::string doc = wrap(
      "<!-- a comment --><?pi stuff?>\n"
      "<Node>\n  <NodeName>A&amp;B</NodeName>\n  <Path>./Vendor/MSFT</Path>\n"
      "  <DFProperties>\n    <AccessType><Get /></AccessType>\n"
      "    <Description>  two\n   lines &lt;x&gt; &#233;&#x4E2D; <![CDATA[<raw & kept>]]> tail </Description>\n"
      "    <DFFormat><node/></DFFormat><Scope><Permanent/></Scope>\n"
      "    <DFType><DDFName>urn:x&quot;y</DDFName></DFType>\n"
      "    <MSFT:AllowedValues ValueType='RegEx'><MSFT:Value>^[a-z]+$</MSFT:Value>"
      "<MSFT:List Delimiter=\"&#124;\"/></MSFT:AllowedValues>\n"
      "    <MSFT:DynamicNodeNaming><MSFT:UniqueName> [0-9]+ </MSFT:UniqueName></MSFT:DynamicNodeNaming>\n"
      "  </DFProperties>\n"
      "  <Node><NodeName>*</NodeName><DFProperties><AccessType><Add/></AccessType><DFFormat><chr/></DFFormat>"
      "<DFTitle>é title</DFTitle><CaseSense><CIS/></CaseSense></DFProperties>" + std::string(kLeaf) + "</Node>\n"
      "  <Value>v1</Value>\n"
      "  <MSFT:Applicability><MSFT:OsBuildVersion>10.0</MSFT:OsBuildVersion></MSFT:Applicability>\n"
      "</Node>\n"
      "<Node><NodeName>Rt</NodeName><RTProperties><Format><bool/></Format></RTProperties></Node>\n"
      "<Node><NodeName>Both</NodeName><DFProperties><DFFormat><int/></DFFormat></DFProperties>"
      "<RTProperties><Format><bool/></Format></RTProperties><Value>first</Value><Value>second</Value></Node>\n");
  CHECK(same_both_ways(doc, "corners.xml"));
  CHECK(same_both_ways("\xEF\xBB\xBF" + doc, "bom.xml"));
  // The DOCTYPE after the XML declaration, which may only come first.
  std::string with_doctype = wrap(kLeaf);
  with_doctype.insert(with_doctype.find('\n') + 1,
                      "<!DOCTYPE MgmtTree PUBLIC \"-//OMA//DTD-DM-DDF 1.2//EN\" \"x.dtd\"[<?oma-dm-ddf-ver supported-versions=\"1.2\"?>]>");
  CHECK(same_both_ways(with_doctype, "doctype.xml"));
  // Many nodes on one line, with multi-byte characters before them: columns count characters.
  std::string line = "<MgmtTree>";
  for (int i = 0; i < 50; ++i)
    line += "<Node><NodeName>N" + std::to_string(i) + "</NodeName><DFProperties><Description>\xC3\xA9t\xC3\xA9 " +
            std::to_string(i) + "</Description><DFFormat><chr/></DFFormat></DFProperties></Node>";
  line += "</MgmtTree>";
  CHECK(same_both_ways(line, "one-line.xml"));
  // A relative Path, the same node twice (merged, later wins), Nodes nested three deep.
  CHECK(same_both_ways(wrap("<Node><NodeName>X</NodeName><Path>Vendor</Path>" + std::string(kLeaf) + "</Node>"
                            "<Node><NodeName>X</NodeName><Path>./Vendor</Path><DFProperties><DFTitle>again</DFTitle>"
                            "</DFProperties><Node><NodeName>Y</NodeName>" + std::string(kLeaf) + "</Node></Node>"),
                       "merge.xml"));
}

TEST_CASE("ddf stream: gives up where the DOM decides") {
  // NodeName or the first Path after a child Node: the DOM still finds them.
  CHECK_FALSE(same_both_ways(wrap("<Node>" + std::string(kLeaf) + "<NodeName>Late</NodeName></Node>"), "late.xml"));
  CHECK_FALSE(same_both_ways(
      wrap("<Node><NodeName>P</NodeName>" + std::string(kLeaf) + "<Path>./Elsewhere</Path></Node>"), "late-path.xml"));
  // Giving up half-way takes back what the streaming load did to a schema that was not empty.
  {
    std::string late = wrap("<Node><NodeName>DevInfo</NodeName><DFProperties><DFTitle>changed</DFTitle>"
                            "</DFProperties><Node><NodeName>New</NodeName>" + std::string(kLeaf) + "</Node>"
                            "<Path>./Moved</Path></Node>");
    Schema streamed, dom;
    load_text(streamed, standard_objects_ddf(), "std");
    load_text(dom, standard_objects_ddf(), "std");
    CHECK_FALSE(detail::load_streaming(streamed, late, "late.xml"));
    CHECK(flat(streamed) == flat(dom));  // as before the attempt
    load_text(streamed, late, "late.xml");
    detail::load_dom(dom, late, "late.xml");
    CHECK(flat(streamed) == flat(dom));
    CHECK(streamed.lookup("./Moved/DevInfo/New/Leaf"));
    CHECK_FALSE(streamed.lookup("./DevInfo/New"));
  }
  // Errors come from the DOM loader, with its messages and places.
  auto error_of = [](const std::string& text) {
    Schema s;
    try {
      load_text(s, text, "bad.xml");
    } catch (const Error& e) {
      return e.describe();
    }
    return std::string("no error");
  };
  auto dom_error_of = [](const std::string& text) {
    Schema s;
    try {
      detail::load_dom(s, text, "bad.xml");
    } catch (const Error& e) {
      return e.describe();
    }
    return std::string("no error");
  };
  const std::string bad[] = {
      wrap("<Node><NodeName>A</NodeName></Nod>"),
      wrap("<Node><DFProperties/></Node>"),
      wrap("<Node><NodeName>A</NodeName><DFProperties><DFFormat><text/></DFFormat></DFProperties></Node>"),
      wrap("<Node><NodeName>A</NodeName><DFProperties x></DFProperties></Node>"),
      wrap("<Node><NodeName>A</NodeName></Node>") + "<MgmtTree/>",
      "<Other/>",
      "",
      "<MgmtTree><Node><NodeName>A & B</NodeName></Node></MgmtTree>",
  };
  for (const auto& text : bad) {
    CAPTURE(text);
    Schema s;
    CHECK_FALSE(detail::load_streaming(s, text, "bad.xml"));
    std::string e = error_of(text);
    CHECK(e != "no error");
    CHECK(e == dom_error_of(text));
  }
}

TEST_CASE("ddf stream: a Path ending in '/' places the node as the DOM does") {
  std::string text = wrap("<Node><NodeName>Inner</NodeName><Path>./Vendor/MSFT/Host/</Path><DFProperties>"
                          "<AccessType><Get/></AccessType><DFFormat><node/></DFFormat></DFProperties>" +
                          std::string(kLeaf) + "</Node>");
  CHECK(same_both_ways(text, "slash.xml"));
  Schema s;
  load_text(s, text, "slash.xml");
  CHECK(s.lookup("./Vendor/MSFT/Host/h1/Inner/Leaf"));
}
