#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "syncmldm/codec/codec.hpp"
#include "syncmldm/prov/plan.hpp"
#include "syncmldm/prov/prov.hpp"

using namespace syncmldm;

namespace {
std::string enrollment() {
  std::ifstream in(std::string(SYNCMLDM_TESTDATA) + "/prov/enrollment.xml", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Error read_error(std::string_view text) {
  try {
    prov::read(text, "doc.xml");
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error");
  return Error(ErrorKind::input, "");
}
}  // namespace

TEST_CASE("prov: the enrolment document reads into characteristics and parms with their places") {
  prov::Document doc = prov::read(enrollment(), "enrollment.xml");
  REQUIRE(doc.characteristics.size() == 3);
  CHECK(doc.version == "1.1");
  const prov::Characteristic& app = doc.characteristics[1];
  CHECK(app.type == "APPLICATION");
  CHECK(*app.value_of("APPID") == "w7");
  CHECK(app.parm("BACKCOMPATRETRYDISABLED") != nullptr);
  CHECK_FALSE(app.parm("BACKCOMPATRETRYDISABLED")->value);
  CHECK(app.children.size() == 2);
  CHECK(*app.children[1].value_of("AAUTHLEVEL") == "APPSRV");
  CHECK(app.where.line == 30);
  CHECK(app.where.column == 3);
  const prov::Parm* signing = doc.characteristics[2].children[0].children[0].parm("RequireMessageSigning");
  REQUIRE(signing);
  CHECK(signing->datatype == "boolean");
}

TEST_CASE("prov: XML -> WBXML -> model -> XML is the document again") {
  std::string xml = enrollment();
  std::string wbxml = codec::xml_to_wbxml(xml, "enrollment.xml");
  CHECK(prov::is_provisioning(wbxml));
  CHECK(prov::is_provisioning(xml));
  prov::Document from_xml = prov::read(xml, "enrollment.xml");
  prov::Document from_wbxml = prov::read(wbxml, "enrollment.wbxml");
  CHECK(from_wbxml.wbxml);
  CHECK(prov::to_xml(from_xml) == prov::to_xml(from_wbxml));
  // Places in WBXML are byte offsets.
  REQUIRE(from_wbxml.characteristics[1].where.offset);
  CHECK(*from_wbxml.characteristics[1].where.offset > 0);
  CHECK(from_wbxml.characteristics[1].where.line == 0);
  // The writer's XML reads back to the same model.
  CHECK(prov::to_xml(prov::read(prov::to_xml(from_xml), "again.xml")) == prov::to_xml(from_xml));
}

TEST_CASE("prov: structural problems have their places; collected, the reader steps over them") {
  std::string_view bad =
      "<wap-provisioningdoc>\n"
      "  <parm name='A' value='1'/>\n"
      "  <characteristic><parm value='x'/></characteristic>\n"
      "  <characteristic type='T'><foo/>text<parm name='B'><x/></parm></characteristic>\n"
      "</wap-provisioningdoc>\n";
  Error e = read_error(bad);
  CHECK(e.message() == "<parm> outside a characteristic");
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 3);
  std::vector<prov::Problem> problems;
  prov::Document doc = prov::read(bad, "doc.xml", {}, &problems);
  REQUIRE(problems.size() == 6);
  CHECK(problems[1].message == "<characteristic> without a type");
  CHECK(problems[2].message == "<parm> without a name");
  CHECK(problems[3].message.starts_with("unknown element <foo>"));
  CHECK(problems[4].message.starts_with("text content"));
  CHECK(problems[5].message == "<x> inside a <parm>: a parm holds no elements");
  CHECK(doc.characteristics.size() == 2);
  CHECK(doc.characteristics[1].parms.size() == 1);
}

TEST_CASE("prov: other documents and hostile nesting are refused with their place") {
  CHECK(read_error("<SyncML/>").message().starts_with("not a provisioning document: the root is <SyncML>"));
  CHECK_FALSE(prov::is_provisioning("<SyncML xmlns='SYNCML:SYNCML1.2'/>"));
  CHECK(prov::is_provisioning("<?xml version='1.0'?><!-- x --><wap-provisioningdoc/>"));
  std::string deep = "<wap-provisioningdoc>";
  for (int i = 0; i < 100; ++i) deep += "<characteristic type='x'>";
  for (int i = 0; i < 100; ++i) deep += "</characteristic>";
  deep += "</wap-provisioningdoc>";
  Error e = read_error(deep);
  CHECK(e.message() == "characteristics nested deeper than 64");
  CHECK(e.where().column > 1);
  prov::ReadOptions few;
  few.max_elements = 3;
  CHECK_THROWS_WITH(prov::read("<wap-provisioningdoc><characteristic type='a'><parm name='b'/><parm name='c'/>"
                               "</characteristic></wap-provisioningdoc>",
                               "x", few),
                    doctest::Contains("more than 3 elements"));
  std::string syncml = codec::xml_to_wbxml("<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr/></SyncML>", "s");
  CHECK_THROWS_WITH(prov::read(syncml, "s.wbxml"), doctest::Contains("not a provisioning document: WBXML of SyncML 1.2"));
}

TEST_CASE("prov: the w7 APPLICATION maps to the DM account as Windows names it") {
  CHECK(prov::account_uid("ContosoMDM") == "FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218");
  prov::Plan plan = prov::plan(prov::read(enrollment(), "enrollment.xml"));
  auto find = [&](std::string_view tail) -> const prov::Setting* {
    for (const auto& s : plan.settings) {
      if (s.uri.ends_with(tail)) return &s;
    }
    return nullptr;
  };
  const std::string acc = "./SyncML/DMAcc/FD20A8EA83D086E90A7355DEED555B7ECC75BFA29D52B00E608BEAE5E8C8F218";
  REQUIRE(find("/ServerID"));
  CHECK(find("/ServerID")->uri == acc + "/ServerID");
  CHECK(*find("/ServerID")->value == "ContosoMDM");
  CHECK(*find("/AppAddr/1/Addr")->value == "https://mdm.contoso.example/ManagementServer/MDM.svc");
  // APPSRV holds the client's credentials (CLCRED), CLIENT the server's (SRVCRED).
  CHECK(*find("/AppAuth/CLCRED/AAuthName")->value == "device-42");
  CHECK(find("/AppAuth/SRVCRED/AAuthSecret")->secret);
  CHECK(*find("/AppAuth/SRVCRED/AAuthLevel")->value == "SRVCRED");
  CHECK(find("/AppAuth/SRVCRED/AAuthData")->format == "b64");
  CHECK(*find("/Ext/Microsoft/BackCompatRetryDisabled")->value == "true");
  CHECK(find("/Ext/Microsoft/DefaultEncoding") != nullptr);
  // CSP characteristics: interior nodes and leaves under ./Vendor/MSFT, datatype as format.
  CHECK(find("./Vendor/MSFT/CertificateStore/My/User/PrivateKeyContainer")->interior);
  CHECK(find("/Provider/ContosoMDM/RequireMessageSigning")->format == "bool");
  CHECK(plan.skipped.empty());
}
