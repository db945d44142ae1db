#include <doctest/doctest.h>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/device/device.hpp"

using namespace syncmldm;
using message::Kind;

namespace {

tree::Tree make_tree() {
  auto schema = std::make_shared<ddf::Schema>();
  ddf::load_text(*schema, ddf::standard_objects_ddf(), "standard");
  ddf::load_path(*schema, std::string(SYNCMLDM_TESTDATA) + "/ddf/policy-like.ddf.xml");
  tree::Identity id;
  id.dev_id = "DEV1";
  id.max_depth = 12;
  id.max_seg_len = 40;
  return tree::make_standard_tree(id, schema, "20260101T000000Z");
}

struct Run {
  xml::Document doc;
  message::Message request;
  device::Response response;
  // Status codes of the response, header first, as "Cmd:code" strings.
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& c : response.message.commands)
      if (c.kind == Kind::status) out.push_back(*c.cmd + ":" + *c.data);
    return out;
  }
  const message::Command* results(std::size_t n = 0) const {
    for (const auto& c : response.message.commands)
      if (c.kind == Kind::results && n-- == 0) return &c;
    return nullptr;
  }
};

Run run(tree::Tree& t, const std::string& body, device::Options o = {}) {
  std::string text =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>"
      "<SessionID>7</SessionID><MsgID>3</MsgID><Target><LocURI>DEV1</LocURI></Target>"
      "<Source><LocURI>https://srv/x</LocURI></Source></SyncHdr><SyncBody>" +
      body + "<Final/></SyncBody></SyncML>";
  auto doc = xml::Document::parse(text, "p.xml");
  auto req = message::read(doc);
  auto resp = device::apply(t, req, o);
  return Run{std::move(doc), std::move(req), std::move(resp)};
}

std::string add(int id, const std::string& uri, const std::string& data = "", const std::string& meta = "") {
  return "<Add><CmdID>" + std::to_string(id) + "</CmdID><Item><Target><LocURI>" + uri + "</LocURI></Target>" +
         (meta.empty() ? "" : "<Meta>" + meta + "</Meta>") + (data.empty() ? "" : "<Data>" + data + "</Data>") +
         "</Item></Add>";
}
std::string cmd(const char* name, int id, const std::string& uri, const std::string& data = "", const std::string& meta = "") {
  std::string s = add(id, uri, data, meta);
  s.replace(1, 3, name);
  s.replace(s.size() - 4, 3, name);
  return s;
}
std::string fmt(const char* f) { return std::string("<Format xmlns='syncml:metinf'>") + f + "</Format>"; }

}  // namespace

TEST_CASE("device: response header mirrors the session and swaps addresses") {
  auto t = make_tree();
  device::Options o;
  o.msg_id = "5";
  auto r = run(t, cmd("Get", 2, "./DevInfo/DevId"), o);
  const auto& h = r.response.message.header;
  CHECK(h.session_id == "7");
  CHECK(h.msg_id == "5");
  CHECK(h.target->uri() == "https://srv/x");
  CHECK(h.source->uri() == "DEV1");
  const auto& first = r.response.message.commands.at(0);
  CHECK(first.cmd == "SyncHdr");
  CHECK(first.cmd_ref == "0");
  CHECK(first.msg_ref == "3");
  // Windows 11 leaves TargetRef and SourceRef out of the header Status.
  CHECK(first.target_refs.empty());
  CHECK(first.source_refs.empty());
  CHECK(r.response.message.final);
}

TEST_CASE("device: Add, Replace, Delete and Get") {
  auto t = make_tree();
  auto r = run(t, add(2, "./Custom/A/B", "hello") + add(3, "./Custom/A/B", "again") + cmd("Replace", 4, "./Custom/A/B", "v2") +
                      cmd("Replace", 5, "./Custom/Nope", "x") + cmd("Get", 6, "./Custom/A/B") + cmd("Get", 7, "./Custom/A") +
                      cmd("Delete", 8, "./Custom/A") + cmd("Get", 9, "./Custom/A/B") + cmd("Delete", 10, "./Custom/A"));
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Add:200", "Add:418", "Replace:200", "Replace:404", "Get:200",
                                              "Get:200", "Delete:200", "Get:404", "Delete:404"});
  const auto* res = r.results(0);
  REQUIRE(res);
  CHECK(res->cmd_ref == "6");
  CHECK(res->items.at(0).data->text == "v2");
  CHECK(res->items.at(0).source->uri() == "./Custom/A/B");
  CHECK_FALSE(res->items.at(0).meta);  // chr and text/plain are the defaults
  const auto* dir = r.results(1);
  REQUIRE(dir);
  CHECK(dir->items.at(0).data->text == "B");
  CHECK(dir->items.at(0).meta->format == "node");
  CHECK(t.find("./Custom") != nullptr);
  CHECK(t.find("./Custom/A") == nullptr);
  // Results come right after their Get's Status; CmdIDs count up from 1
  const auto& cmds = r.response.message.commands;
  for (std::size_t i = 0; i < cmds.size(); ++i) CHECK(cmds[i].cmd_id == std::to_string(i + 1));
  CHECK(cmds[6].kind == Kind::results);
  CHECK(r.response.changed);
  CHECK(r.response.failed);
}

TEST_CASE("device: interior child names are URI-encoded") {
  auto t = make_tree();
  auto r = run(t, add(2, "./Custom/MS%20DM%20Server/x", "1") + add(3, "./Custom/a%2Fb", "2") + cmd("Get", 4, "./Custom"));
  CHECK(r.results()->items.at(0).data->text == "MS%20DM%20Server/a%2Fb");
}

TEST_CASE("device: schema rules: AccessType, permanent nodes, formats, allowed values") {
  auto t = make_tree();
  const std::string p = "./Device/Vendor/MSFT/PolicyLike/Config/Camera/";
  auto r = run(t, add(2, p + "CameraLevel", "50", fmt("int")) +      // implicit Camera, 200
                      add(3, p + "CameraLevel2", "1", fmt("int")) +  // not in the schema: 404
                      cmd("Replace", 4, p + "CameraLevel", "101", fmt("int")) +  // Range: 400
                      cmd("Replace", 5, p + "CameraLevel", "abc", fmt("int")) +  // not an int: 415
                      cmd("Replace", 6, p + "CameraLevel", "7", fmt("chr")) +    // wrong Format: 415
                      cmd("Replace", 7, "./DevInfo/Man", "x") +                  // Get only: 405
                      cmd("Delete", 8, "./DevInfo") +                            // permanent: 405
                      cmd("Get", 9, "./Vendor/MSFT/TestCSP/WriteOnly") +         // exists by the DDF, no Get: 405
                      add(10, "./Vendor/MSFT/TestCSP/WriteOnly", "s") +
                      cmd("Get", 11, "./Vendor/MSFT/TestCSP/WriteOnly") +        // no Get: 405
                      cmd("Exec", 12, "./Vendor/MSFT/TestCSP/Action", "now") +   // 200, recorded
                      cmd("Exec", 13, "./Vendor/MSFT/TestCSP/Color") +           // no Exec: 405
                      cmd("Exec", 18, "./Vendor/MSFT/TestCSP/Colour") +          // not in the DDF: 404
                      cmd("Delete", 14, "./Vendor/MSFT/TestCSP/ReadOnly") +      // permanent: 405
                      add(15, "./Vendor/MSFT/TestCSP/Documents/not-a-guid") +    // name rule: 400
                      add(16, "./Vendor/MSFT/TestCSP/Documents/27FEA311-68B9-4320-9FC4-296F6FDFAFE2/Enabled", "true",
                          fmt("bool")) +
                      add(17, "./Vendor/MSFT/TestCSP/Color", "purple"));         // ENUM: 400
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Add:200", "Add:404", "Replace:400", "Replace:415",
                                              "Replace:415", "Replace:405", "Delete:405", "Get:405", "Add:200", "Get:405",
                                              "Exec:200", "Exec:405", "Exec:404", "Delete:405", "Add:400", "Add:200",
                                              "Add:400"});
  REQUIRE(r.response.execs.size() == 1);
  CHECK(r.response.execs[0].uri == "./Vendor/MSFT/TestCSP/Action");
  CHECK(r.response.execs[0].data == "now");
  CHECK(t.find("./Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel")->value == "50");
  CHECK(t.find("./Vendor/MSFT/PolicyLike/Config/Camera/CameraLevel")->format == "int");
}

TEST_CASE("device: Add under a leaf names the failing node; URI rules and limits") {
  auto t = make_tree();
  auto r = run(t, add(2, "./Custom/leaf", "1") + add(3, "./Custom/leaf/x/y", "2") + add(4, "/Custom/z", "1") +
                      add(5, "./Custom/a b", "1") + add(6, "./Custom/1/2/3/4/5/6/7/8/9/10/11/12", "1") +
                      add(7, "./Custom/" + std::string(41, 'n'), "1") + add(8, "./Custom?prop=Title", "t") +
                      cmd("Get", 9, "./Custom?list=Nope"));
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Add:200", "Add:405", "Add:400", "Add:404", "Add:414",
                                              "Add:414", "Add:405", "Get:406"});
  const auto& st = r.response.message.commands.at(2);
  REQUIRE(st.items.size() == 1);
  CHECK(st.items[0].target->uri() == "./Custom/leaf");
}

TEST_CASE("device: multi-item Get: one Status per Item and one Results") {
  auto t = make_tree();
  auto r = run(t, "<Get><CmdID>2</CmdID><Item><Target><LocURI>./DevInfo/Man</LocURI></Target></Item>"
                  "<Item><Target><LocURI>./DevInfo/Nope</LocURI></Target></Item>"
                  "<Item><Target><LocURI>./DevInfo/Mod</LocURI></Target></Item></Get>"
                  "<Delete><CmdID>3</CmdID><Item><Target><LocURI>./A1</LocURI></Target></Item>"
                  "<Item><Target><LocURI>./A2</LocURI></Target></Item></Delete>");
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Get:200", "Get:404", "Get:200", "Delete:404"});
  const auto& cmds = r.response.message.commands;
  CHECK(cmds[1].target_refs == std::vector<std::string>{"./DevInfo/Man"});
  CHECK(cmds[2].target_refs == std::vector<std::string>{"./DevInfo/Nope"});
  CHECK(cmds[4].kind == Kind::results);
  CHECK(cmds[4].items.size() == 2);
  CHECK(cmds[5].target_refs.empty());  // same code for every item: one Status, no TargetRef
}

TEST_CASE("device: Atomic rolls back; nested Atomic and Get inside fail") {
  auto t = make_tree();
  auto r = run(t, "<Atomic><CmdID>2</CmdID>" + add(3, "./Custom/x", "1") + add(4, "./Custom/y", "2") +
                      cmd("Replace", 5, "./Custom/missing", "3") + add(6, "./Custom/z", "4") + "</Atomic>");
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Atomic:507", "Add:216", "Add:216", "Replace:404", "Add:216"});
  CHECK(t.find("./Custom") == nullptr);
  CHECK_FALSE(r.response.changed);

  r = run(t, "<Atomic><CmdID>2</CmdID>" + add(3, "./Custom/x", "1") + "<Atomic><CmdID>4</CmdID>" + add(5, "./Custom/q", "1") +
                 "</Atomic></Atomic><Atomic><CmdID>6</CmdID>" + cmd("Get", 7, "./DevInfo/Man") + "</Atomic>");
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Atomic:507", "Add:216", "Atomic:500", "Add:215", "Atomic:507",
                                              "Get:500"});
  CHECK(r.results() == nullptr);

  // Windows refuses Add then Replace of one node inside an Atomic
  r = run(t, "<Atomic><CmdID>2</CmdID>" + add(3, "./Custom/x", "1") + cmd("Replace", 4, "./Device/Custom/x", "2") + "</Atomic>");
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Atomic:507", "Add:216", "Replace:500"});
  CHECK(t.find("./Custom") == nullptr);

  r = run(t, "<Atomic><CmdID>2</CmdID>" + add(3, "./Custom/x", "1") + add(4, "./Custom/y", "2") + "</Atomic>");
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Atomic:200", "Add:200", "Add:200"});
  CHECK(t.find("./Custom/y")->value == "2");
}

TEST_CASE("device: Sequence runs in order; missing CmdID and unknown elements give 400") {
  auto t = make_tree();
  auto r = run(t, "<Sequence><CmdID>2</CmdID>" + add(3, "./S/a", "1") + cmd("Get", 4, "./S/a") + cmd("Delete", 5, "./S/a") +
                      cmd("Get", 6, "./S/a") + "</Sequence>" +
                      "<Replace><Item><Target><LocURI>./S</LocURI></Target><Data>x</Data></Item></Replace>" +
                      "<Map><CmdID>8</CmdID></Map>" +
                      "<Add><CmdID>9</CmdID><Bogus/><Item><Target><LocURI>./S/b</LocURI></Target></Item></Add>" +
                      "<Alert><CmdID>10</CmdID><Data>1101</Data></Alert><Alert><CmdID>11</CmdID><Data>1103</Data></Alert>");
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Sequence:200", "Add:200", "Get:200", "Delete:200", "Get:404",
                                              "Replace:400", "Map:400", "Add:400", "Alert:200", "Alert:406"});
  const auto& cmds = r.response.message.commands;
  CHECK(cmds[4].kind == Kind::results);
  CHECK(cmds[4].items.at(0).data->text == "1");
  CHECK(cmds[7].cmd_ref == "");  // missing CmdID: blank CmdRef
  CHECK(t.find("./S/b") == nullptr);
}

TEST_CASE("device: properties and tree exchange") {
  auto t = make_tree();
  auto r = run(t, add(2, "./P/leaf", "abc") + cmd("Get", 3, "./P/leaf?prop=Size") + cmd("Get", 4, "./P/leaf?prop=ACL") +
                      cmd("Replace", 5, "./P/leaf?prop=Title", "Nice") + cmd("Get", 6, "./P/leaf?prop=Title") +
                      cmd("Replace", 7, "./P/leaf?prop=Format", "int") + cmd("Get", 8, "./P/leaf?prop=Colour") +
                      cmd("Replace", 9, "./P/leaf?prop=Name", "renamed") + cmd("Get", 10, "./P?list=StructData") +
                      cmd("Get", 11, "./P?list=TNDS+Value") + cmd("Replace", 12, "./DevInfo?prop=Name", "x") +
                      cmd("Get", 13, "./P/renamed?prop=VerNo"));
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Add:200", "Get:200", "Get:200", "Replace:200", "Get:200",
                                              "Replace:405", "Get:406", "Replace:200", "Get:200", "Get:200", "Replace:405",
                                              "Get:200"});
  CHECK(r.results(0)->items[0].data->text == "3");
  CHECK(r.results(1)->items[0].data->text == "");  // empty ACL: inherits, Data empty
  CHECK(r.results(2)->items[0].data->text == "Nice");
  const auto* sd = r.results(3);
  REQUIRE(sd->items.size() == 2);
  CHECK(sd->items[0].source->uri() == "./P");
  CHECK(sd->items[1].source->uri() == "./P/renamed");
  CHECK(sd->items[1].data->text == "abc");
  const auto* tn = r.results(4);
  CHECK(tn->items[0].meta->type == "application/vnd.syncml.dmtnds+xml");
  CHECK(tn->items[0].data->text.find("<Value>abc</Value>") != std::string::npos);
  CHECK(tn->items[0].data->text.find("<ACL>") == std::string::npos);
  CHECK(r.results(5)->items[0].data->text == "3");  // Add, Title, Name: three changes
}

TEST_CASE("device: ACLs with a server id give 425") {
  auto t = make_tree();
  t.root().acl = "Add=*&Get=*&Replace=srvA&Delete=srvA";
  device::Options a;
  a.server_id = "srvA";
  auto r = run(t, add(2, "./Z/leaf", "1") + cmd("Replace", 3, "./Z/leaf?prop=ACL", "Get=srvA&amp;Replace=srvA"), a);
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Add:200", "Replace:200"});
  device::Options b;
  b.server_id = "srvB";
  r = run(t, cmd("Get", 2, "./Z/leaf") + cmd("Replace", 3, "./Z/leaf", "2") + cmd("Delete", 4, "./Z/leaf") +
                 cmd("Get", 5, "./DevInfo/Man") + add(6, "./W", "", fmt("node")),
          b);
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Get:425", "Replace:425", "Delete:425", "Get:200", "Add:200"});
  // srvB created an interior node without Replace on the parent: it gets Add, Delete, Replace on it
  CHECK(t.find("./W")->acl == "Add=srvB&Delete=srvB&Replace=srvB");
  // without a server id ACLs are not enforced (Windows)
  r = run(t, cmd("Replace", 2, "./Z/leaf", "3"));
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Replace:200"});
}

TEST_CASE("device: header problems refuse the commands") {
  auto t = make_tree();
  auto doc = xml::Document::parse(
      "<SyncML><SyncHdr><VerDTD>1.1</VerDTD><MsgID>1</MsgID></SyncHdr><SyncBody><Atomic><CmdID>2</CmdID>" + add(3, "./X", "1") +
          "</Atomic></SyncBody></SyncML>",
      "p.xml");
  auto resp = device::apply(t, message::read(doc));
  std::vector<std::string> codes;
  for (const auto& c : resp.message.commands) codes.push_back(*c.data);
  CHECK(codes == std::vector<std::string>{"505", "215", "215"});
  CHECK(t.find("./X") == nullptr);
}

TEST_CASE("device: b64 values are stored decoded and read back as b64") {
  auto t = make_tree();
  auto r = run(t, add(2, "./Vendor/MSFT/TestCSP/BinValue", "AAH/", fmt("b64")) + cmd("Get", 3, "./Vendor/MSFT/TestCSP/BinValue") +
                      cmd("Get", 4, "./Vendor/MSFT/TestCSP/BinValue?prop=Size") +
                      add(5, "./Vendor/MSFT/TestCSP/XmlValue", "x", fmt("b64")));
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Add:200", "Get:200", "Get:200", "Add:415"});
  CHECK(t.find("./Vendor/MSFT/TestCSP/BinValue")->value == std::string("\x00\x01\xFF", 3));
  CHECK(r.results(0)->items[0].data->text == "AAH/");
  CHECK(r.results(0)->items[0].meta->format == "b64");
  CHECK(r.results(1)->items[0].data->text == "3");
}

TEST_CASE("device: a message with only Statuses gets no reply") {
  auto t = make_tree();
  auto r = run(t, "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>");
  CHECK_FALSE(r.response.reply);
  CHECK_FALSE(r.response.changed);
  auto r2 = run(t, "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>" +
                       cmd("Get", 2, "./DevInfo/Man"));
  CHECK(r2.response.reply);
}

TEST_CASE("device: a TNDS Add creates every node of a nested MgmtTree") {
  auto t = make_tree();
  std::string tnds =
      "&lt;MgmtTree&gt;&lt;VerDTD&gt;1.2&lt;/VerDTD&gt;&lt;Node&gt;&lt;NodeName&gt;A&lt;/NodeName&gt;"
      "&lt;Node&gt;&lt;NodeName&gt;B&lt;/NodeName&gt;&lt;Node&gt;&lt;NodeName&gt;C&lt;/NodeName&gt;&lt;Value&gt;1&lt;/Value&gt;"
      "&lt;/Node&gt;&lt;/Node&gt;&lt;Node&gt;&lt;NodeName&gt;D&lt;/NodeName&gt;&lt;Value&gt;2&lt;/Value&gt;&lt;/Node&gt;"
      "&lt;/Node&gt;&lt;/MgmtTree&gt;";
  auto r = run(t, add(2, "./Custom", tnds,
                      "<Format xmlns='syncml:metinf'>xml</Format><Type xmlns='syncml:metinf'>application/vnd.syncml.dmtnds+xml</Type>"));
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Add:200"});
  REQUIRE(t.find("./Custom/A/B/C"));
  CHECK(t.find("./Custom/A/B/C")->value == "1");
  CHECK(t.find("./Custom/A/B")->is_interior());
  REQUIRE(t.find("./Custom/A/D"));
  CHECK(t.find("./Custom/A/D")->value == "2");
}

TEST_CASE("device: nodes the DDF defines exist: fields of an added dynamic node, Exec nodes, status nodes") {
  auto schema = std::make_shared<ddf::Schema>();
  ddf::load_text(*schema, ddf::standard_objects_ddf(), "standard");
  ddf::load_text(*schema,
                 "<MgmtTree xmlns:MSFT='http://schemas.microsoft.com/MobileDevice/DM'><VerDTD>1.2</VerDTD>"
                 "<Node><NodeName>Scep</NodeName><Path>./Vendor/MSFT</Path><DFProperties><AccessType><Get/></AccessType>"
                 "<DFFormat><node/></DFFormat><Scope><Permanent/></Scope></DFProperties>"
                 "<Node><NodeName>Level</NodeName><DFProperties><AccessType><Delete/><Get/><Replace/></AccessType>"
                 "<DefaultValue>3</DefaultValue><DFFormat><int/></DFFormat><Scope><Permanent/></Scope></DFProperties></Node>"
                 "<Node><NodeName></NodeName><DFProperties><AccessType><Add/><Delete/><Get/></AccessType>"
                 "<DFFormat><node/></DFFormat><MSFT:DynamicNodeNaming><MSFT:ServerGeneratedUniqueIdentifier/>"
                 "</MSFT:DynamicNodeNaming></DFProperties>"
                 "<Node><NodeName>Direction</NodeName><DFProperties><AccessType><Get/><Replace/></AccessType>"
                 "<DFFormat><chr/></DFFormat></DFProperties></Node>"
                 "<Node><NodeName>Status</NodeName><DFProperties><AccessType><Get/></AccessType>"
                 "<DefaultValue>1</DefaultValue><DFFormat><int/></DFFormat></DFProperties></Node>"
                 "<Node><NodeName>Enroll</NodeName><DFProperties><AccessType><Exec/></AccessType>"
                 "<DFFormat><null/></DFFormat></DFProperties></Node></Node></Node></MgmtTree>",
                 "scep.xml");
  auto t = tree::make_standard_tree(tree::Identity{}, schema, "20260101T000000Z");
  const std::string p = "./Vendor/MSFT/Scep/";
  auto r = run(t, cmd("Replace", 2, p + "P1/Direction", "IN") +  // the rule is not there yet: 404
                      cmd("Exec", 3, p + "P1/Enroll") +               // 404
                      add(4, p + "P1") +                              // 200
                      cmd("Replace", 5, p + "P1/Direction", "IN") +  // Get,Replace field: 200
                      add(6, p + "P1/Direction", "OUT") +             // no Add in its AccessType: 405
                      cmd("Exec", 7, p + "P1/Enroll") +               // 200, recorded
                      cmd("Get", 8, p + "P1/Status") +                // Get-only status node: its default
                      cmd("Replace", 9, p + "Level", "5", fmt("int")) + cmd("Delete", 10, p + "Level") +
                      cmd("Get", 11, p + "Level"));                   // reset to its default
  CHECK(r.codes() == std::vector<std::string>{"SyncHdr:200", "Replace:404", "Exec:404", "Add:200", "Replace:200",
                                              "Add:405", "Exec:200", "Get:200", "Replace:200", "Delete:200", "Get:200"});
  REQUIRE(r.response.execs.size() == 1);
  CHECK(r.response.execs[0].uri == "./Vendor/MSFT/Scep/P1/Enroll");
  CHECK(t.find(p + "P1/Direction")->value == "IN");
  REQUIRE(r.results(0));
  CHECK(r.results(0)->items.at(0).data->text == "1");
  REQUIRE(r.results(1));
  CHECK(r.results(1)->items.at(0).data->text == "3");
}

// One read check (Tree::read_status) for every path that hands a value out: a DM account's
// AAuthSecret (AccessType Replace only) never leaves the device.
TEST_CASE("device: a value without Get never leaves through any read path") {
  tree::Tree t = make_tree();
  const std::string secret = "s3cr3t-pa55";
  const std::string acct = "./DMAcc/acct";
  auto r0 = run(t, add(1, acct) + add(2, acct + "/AppAuth") + add(3, acct + "/AppAuth/srv") +
                       cmd("Replace", 4, acct + "/AppAuth/srv/AAuthSecret", secret) +
                       cmd("Replace", 5, acct + "/AppAuth/srv/AAuthName", "user"));
  REQUIRE(r0.codes() == std::vector<std::string>{"SyncHdr:200", "Add:200", "Add:200", "Add:200", "Replace:200", "Replace:200"});
  auto leaks = [&](const Run& r) {
    std::string all;
    for (const auto& c : r.response.message.commands)
      for (const auto& it : c.items)
        if (it.data) all += it.data->text;
    return all.find(secret) != std::string::npos;
  };
  SUBCASE("plain Get: 405") {
    auto r = run(t, cmd("Get", 1, acct + "/AppAuth/srv/AAuthSecret"));
    CHECK(r.codes()[1] == "Get:405");
    CHECK_FALSE(leaks(r));
  }
  SUBCASE("?list=TNDS+Value on the parent: the node is listed without its Value") {
    auto r = run(t, cmd("Get", 1, acct + "?list=TNDS+Value"));
    CHECK(r.codes()[1] == "Get:200");
    REQUIRE(r.results());
    CHECK(r.results()->items[0].data->text.find("AAuthSecret") != std::string::npos);
    CHECK(r.results()->items[0].data->text.find("<Value>user</Value>") != std::string::npos);
    CHECK_FALSE(leaks(r));
  }
  SUBCASE("?list=StructData: no Data for the secret") {
    auto r = run(t, cmd("Get", 1, acct + "?list=StructData"));
    CHECK(r.codes()[1] == "Get:200");
    REQUIRE(r.results());
    bool listed = false;
    for (const auto& it : r.results()->items)
      if (it.source->uri().ends_with("/AAuthSecret")) {
        listed = true;
        CHECK_FALSE(it.data);
      }
    CHECK(listed);
    CHECK_FALSE(leaks(r));
  }
  SUBCASE("Copy to a readable node: 405, nothing copied") {
    auto r = run(t, "<Copy><CmdID>1</CmdID><Item><Target><LocURI>" + acct + "/AppAuth/srv/AAuthName</LocURI></Target>"
                    "<Source><LocURI>" + acct + "/AppAuth/srv/AAuthSecret</LocURI></Source></Item></Copy>" +
                    cmd("Get", 2, acct + "/AppAuth/srv/AAuthName"));
    CHECK(r.codes()[1] == "Copy:405");
    CHECK_FALSE(leaks(r));
  }
  SUBCASE("a server the ACL does not grant Get: 425 on Copy, not listed") {
    run(t, cmd("Replace", 1, acct + "/AppAuth/srv/AAuthName?prop=ACL", "Get=other&amp;Replace=*"));
    device::Options o;
    o.server_id = "srv1";
    auto r = run(t, "<Copy><CmdID>1</CmdID><Item><Target><LocURI>" + acct + "/AppAuth/srv/AAuthLevel</LocURI></Target>"
                    "<Source><LocURI>" + acct + "/AppAuth/srv/AAuthName</LocURI></Source></Item></Copy>" +
                    cmd("Get", 2, acct + "?list=StructData"), o);
    CHECK(r.codes()[1] == "Copy:425");
    REQUIRE(r.results());
    for (const auto& it : r.results()->items) CHECK_FALSE(it.source->uri().ends_with("/AAuthName"));
  }
  SUBCASE("a local reader: masked, or revealed when asked") {
    device::Options o;
    o.secrets = device::Secrets::mask;
    auto m = run(t, cmd("Get", 1, acct + "/AppAuth/srv/AAuthSecret") + cmd("Get", 2, acct + "?list=TNDS+Value"), o);
    CHECK(m.codes()[1] == "Get:200");
    CHECK(m.results(0)->items[0].data->text == tree::kHiddenValue);
    CHECK(m.results(1)->items[0].data->text.find(std::string(tree::kHiddenValue)) != std::string::npos);
    CHECK_FALSE(leaks(m));
    o.secrets = device::Secrets::reveal;
    auto v = run(t, cmd("Get", 1, acct + "/AppAuth/srv/AAuthSecret"), o);
    CHECK(v.results()->items[0].data->text == secret);
  }
}
