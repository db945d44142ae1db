#include <doctest/doctest.h>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/tnds.hpp"

using namespace syncmldm;
using namespace syncmldm::tree;

namespace {
Tree sample() {
  auto schema = std::make_shared<ddf::Schema>();
  ddf::load_text(*schema, ddf::standard_objects_ddf(), "standard");
  ddf::load_path(*schema, std::string(SYNCMLDM_TESTDATA) + "/ddf/policy-like.ddf.xml");
  Tree t = make_standard_tree(Identity{}, schema, "20260101T000000Z");
  Node* n = t.ensure({"Vendor", "MSFT", "PolicyLike", "Config", "Camera", "CameraLevel"}, "int");
  n->value = "42";
  n->acl = "Get=*&Replace=srv";
  n->title = "Level & <more>";
  n->verno = 3;
  Node* b = t.ensure({"Vendor", "MSFT", "TestCSP", "BinValue"}, "bin");
  b->value = std::string("\x00\x01\xFF", 3);
  t.ensure({"User", "Empty"}, "node");
  return t;
}

Error read_error(const std::string& text) {
  try {
    tnds::read_state(text, "state.xml");
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error");
  return Error(ErrorKind::input, "");
}
}  // namespace

TEST_CASE("tnds: state round trip keeps values, properties and the schema") {
  Tree t = sample();
  std::string text = tnds::write_state(t);
  CHECK(text.find("<DFProperties>") != std::string::npos);
  CHECK(text.find("<RTProperties>") != std::string::npos);
  Tree back = tnds::read_state(text, "state.xml");
  Node* n = back.find("./Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel");
  REQUIRE(n);
  CHECK(n->value == "42");
  CHECK(n->format == "int");
  CHECK(n->acl == "Get=*&Replace=srv");
  CHECK(n->title == "Level & <more>");
  CHECK(n->verno == 3);
  CHECK(back.find("./Vendor/MSFT/TestCSP/BinValue")->value == std::string("\x00\x01\xFF", 3));
  CHECK(back.find("./User/Empty")->is_interior());
  CHECK(back.find("./DevInfo/DevId")->value == "IMEI:000000000000000");
  CHECK(back.root().acl == "Add=*&Get=*");
  // the schema came back: dynamic templates and allowed values included
  REQUIRE(back.schema());
  const ddf::SchemaNode* lvl = back.schema()->lookup("./Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel");
  REQUIRE(lvl);
  CHECK(lvl->allowed->value_type == "Range");
  CHECK(back.schema()->lookup("./Vendor/MSFT/PolicyLike/Config/App~Policy~X/P")->format == "chr");
  CHECK(back.schema()->lookup("./DevInfo/Man")->is_permanent());
  CHECK(back.schema()->size() == t.schema()->size());
  // writing again gives the same text
  CHECK(tnds::write_state(back) == text);
}

TEST_CASE("tnds: plain TNDS documents (no schema) read") {
  Tree t = tnds::read_state(R"(<MgmtTree xmlns="syncml:dmddf1.2"><VerDTD>1.2</VerDTD>
    <Node><NodeName>E-Mail</NodeName><Path>./Vendor</Path>
      <RTProperties><Format><node/></Format><Type><DDFName>com.operatorX.dm/1.0/EMail</DDFName></Type></RTProperties>
      <Node><NodeName>POPServer</NodeName>
        <RTProperties><ACL>Get=*</ACL><Format><chr/></Format><Type><MIME>text/plain</MIME></Type></RTProperties>
        <Value>mail.operatorx.com</Value></Node></Node></MgmtTree>)",
                            "plain.xml");
  CHECK_FALSE(t.schema());
  CHECK(t.find("./Vendor/E-Mail")->type == "com.operatorX.dm/1.0/EMail");
  CHECK(t.find("./Vendor/E-Mail/POPServer")->value == "mail.operatorx.com");
  CHECK(t.find("./Vendor/E-Mail/POPServer")->acl == "Get=*");
}

TEST_CASE("tnds: bad state files give file:line:col") {
  Error e = read_error("<MgmtTree>\n<Node><RTProperties/></Node></MgmtTree>");
  CHECK(e.where().line == 2);
  CHECK(e.describe().find("NodeName") != std::string::npos);
  e = read_error("<MgmtTree><Node><NodeName>A</NodeName>\n<RTProperties><ACL>Get=</ACL></RTProperties></Node></MgmtTree>");
  CHECK(e.where().line == 2);
  CHECK(e.describe().find("malformed ACL") != std::string::npos);
  e = read_error(
      "<MgmtTree><Node><NodeName>A</NodeName><RTProperties><Format><chr/></Format></RTProperties><Value>x</Value>\n"
      "<Node><NodeName>B</NodeName><RTProperties/></Node></Node></MgmtTree>");
  CHECK(e.describe().find("under leaf") != std::string::npos);
  e = read_error("<MgmtTree><Node><NodeName>A</NodeName><RTProperties><VerNo>70000</VerNo></RTProperties></Node></MgmtTree>");
  CHECK(e.describe().find("VerNo") != std::string::npos);
  e = read_error("<html/>");
  CHECK(e.describe().find("expected <MgmtTree>") != std::string::npos);
  e = read_error("<MgmtTree><Node><NodeName>A</NodeName></Node>");
  CHECK(e.kind() == ErrorKind::input);
}

TEST_CASE("tnds: subtree documents honour the property selection") {
  Tree t = sample();
  Node* cam = t.find("./Vendor/MSFT/PolicyLike/Config/Camera");
  tnds::Selection sel;
  sel.properties = {"Value", "ACL"};
  std::string doc = tnds::write_subtree(*cam, sel);
  CHECK(doc.find("<NodeName>Camera</NodeName>") != std::string::npos);
  CHECK(doc.find("<Value>42</Value>") != std::string::npos);
  CHECK(doc.find("<ACL>Get=*&amp;Replace=srv</ACL>") != std::string::npos);
  CHECK(doc.find("<Format>") == std::string::npos);
  auto payload = tnds::read_payload(doc, "payload");
  REQUIRE(payload->child("Camera"));
  CHECK(payload->child("Camera")->child("CameraLevel")->value == "42");
}
