#include <doctest/doctest.h>

#include "syncmldm/message/message.hpp"

using namespace syncmldm;
using namespace syncmldm::message;

namespace {

const char* kPackage = R"(<?xml version="1.0"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>1</SessionID>
    <MsgID>2</MsgID>
    <Target><LocURI>B5B954E8</LocURI></Target>
    <Source><LocURI>https://mdm.example.com/x</LocURI><LocName>admin</LocName></Source>
    <RespURI>https://mdm.example.com/y</RespURI>
    <Cred><Meta><Format xmlns="syncml:metinf">b64</Format><Type xmlns="syncml:metinf">syncml:auth-md5</Type></Meta><Data>abc=</Data></Cred>
    <Meta><MaxMsgSize xmlns="syncml:metinf">8192</MaxMsgSize><MaxObjSize xmlns="syncml:metinf">65536</MaxObjSize></Meta>
  </SyncHdr>
  <SyncBody>
    <Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd>
      <TargetRef>https://mdm.example.com/x</TargetRef><SourceRef>B5B954E8</SourceRef>
      <Chal><Meta><Type xmlns="syncml:metinf">syncml:auth-md5</Type><NextNonce xmlns="syncml:metinf">Tm9uY2U=</NextNonce></Meta></Chal>
      <Data>401</Data></Status>
    <Atomic><CmdID>2</CmdID>
      <Replace><CmdID>3</CmdID><Meta><Format xmlns="syncml:metinf">int</Format></Meta>
        <Item><Target><LocURI>./Vendor/MSFT/A</LocURI></Target><Data>6</Data></Item></Replace>
      <Atomic><CmdID>4</CmdID><Add><Item><Target><LocURI>./B</LocURI></Target></Item></Add></Atomic>
    </Atomic>
    <Get><CmdID>5</CmdID>
      <Item><Target><LocURI>./DevInfo/Man</LocURI></Target></Item>
      <Item><Target><LocURI>./DevInfo/Mod</LocURI></Target></Item></Get>
    <Exec><CmdID>6</CmdID><Correlator>c1</Correlator><Item><Target><LocURI>./X</LocURI></Target>
      <Data><wap-provisioningdoc xmlns="urn:x"><parm name="a" value="&lt;b&gt;"/></wap-provisioningdoc></Data></Item></Exec>
    <Map><CmdID>7</CmdID></Map>
    <Alert><CmdID>8</CmdID><Data>1226</Data><Item><Meta><Type xmlns="syncml:metinf">t</Type><Mark xmlns="syncml:metinf">critical</Mark></Meta><Data><![CDATA[<x/>]]></Data><MoreData/></Item></Alert>
    <Results><CmdID>9</CmdID><MsgRef>1</MsgRef><CmdRef>5</CmdRef><Item><Source><LocURI>./a</LocURI></Source><Data>v</Data></Item></Results>
    <Final/>
  </SyncBody>
</SyncML>
)";

}  // namespace

TEST_CASE("message: header fields") {
  auto doc = xml::Document::parse(kPackage, "p.xml");
  Message m = read(doc);
  CHECK(m.has_header);
  CHECK(m.namespace_uri == "SYNCML:SYNCML1.2");
  const Header& h = m.header;
  CHECK(h.ver_dtd == "1.2");
  CHECK(h.ver_proto == "DM/1.2");
  CHECK(h.session_id == "1");
  CHECK(h.msg_id == "2");
  REQUIRE(h.target);
  CHECK(h.target->uri() == "B5B954E8");
  REQUIRE(h.source);
  CHECK(h.source->loc_name == "admin");
  CHECK(h.resp_uri == "https://mdm.example.com/y");
  REQUIRE(h.cred);
  CHECK(h.cred->meta->type == "syncml:auth-md5");
  CHECK(h.cred->data->text == "abc=");
  REQUIRE(h.meta);
  CHECK(h.meta->max_msg_size == "8192");
  CHECK(h.meta->max_obj_size == "65536");
  CHECK(m.final);
  CHECK(doc.position(h.node).line == 3);
}

TEST_CASE("message: commands, containers and unknown elements") {
  auto doc = xml::Document::parse(kPackage, "p.xml");
  Message m = read(doc);
  REQUIRE(m.commands.size() == 7);
  const Command& st = m.commands[0];
  CHECK(st.kind == Kind::status);
  CHECK(st.cmd_ref == "0");
  CHECK(st.cmd == "SyncHdr");
  CHECK(st.data == "401");
  CHECK(st.target_refs == std::vector<std::string>{"https://mdm.example.com/x"});
  REQUIRE(st.chal);
  CHECK(st.chal->next_nonce == "Tm9uY2U=");

  const Command& atomic = m.commands[1];
  CHECK(atomic.kind == Kind::atomic);
  REQUIRE(atomic.children.size() == 2);
  CHECK(atomic.children[0].kind == Kind::replace);
  CHECK(atomic.children[0].meta->format == "int");
  CHECK(atomic.children[0].items[0].target->uri() == "./Vendor/MSFT/A");
  CHECK(atomic.children[0].items[0].data->text == "6");
  const Command& inner = atomic.children[1];
  CHECK(inner.kind == Kind::atomic);
  REQUIRE(inner.children.size() == 1);
  CHECK_FALSE(inner.children[0].cmd_id);  // missing CmdID is represented, not fatal
  CHECK(doc.position(inner.children[0].node).line == 22);

  CHECK(m.commands[2].items.size() == 2);
  const Command& exec = m.commands[3];
  CHECK(exec.correlator == "c1");
  REQUIRE(exec.items[0].data);
  CHECK(exec.items[0].data->is_xml);
  CHECK(exec.items[0].data->text.find("<wap-provisioningdoc") == 0);
  CHECK(exec.items[0].data->text.find("&lt;b&gt;") != std::string::npos);

  CHECK(m.commands[4].kind == Kind::unknown);
  CHECK(m.commands[4].name == "Map");

  const Command& alert = m.commands[5];
  CHECK(alert.data == "1226");
  CHECK(alert.items[0].meta->mark == "critical");
  CHECK(alert.items[0].data->text == "<x/>");
  CHECK(alert.items[0].data->had_cdata);
  CHECK_FALSE(alert.items[0].data->is_xml);
  CHECK(alert.items[0].more_data);
  CHECK(m.commands[6].kind == Kind::results);
  CHECK(m.commands[6].items[0].source->uri() == "./a");
}

TEST_CASE("message: odd input is represented, non-SyncML is refused") {
  auto frag = xml::Document::parse("<SyncBody><Replace><CmdID>1</CmdID><Bogus/></Replace></SyncBody>", "f.xml");
  Message m = read(frag);
  CHECK_FALSE(m.has_header);
  REQUIRE(m.commands.size() == 1);
  CHECK(m.commands[0].unknown.size() == 1);
  auto bare = xml::Document::parse("<Atomic><CmdID>1</CmdID></Atomic>", "b.xml");
  CHECK(read(bare).commands.at(0).kind == Kind::atomic);
  auto other = xml::Document::parse("<html><body/></html>", "x.html");
  CHECK_THROWS_AS(read(other), Error);
  try {
    read(other);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::input);
    CHECK(e.where().line == 1);
  }
  auto empty_hdr = xml::Document::parse("<SyncML><SyncHdr/><SyncBody/></SyncML>", "e.xml");
  Message e = read(empty_hdr);
  CHECK(e.has_header);
  CHECK_FALSE(e.header.msg_id);
  CHECK(e.commands.empty());
}

TEST_CASE("message: nesting is bounded") {
  std::string deep = "<SyncML><SyncBody>";
  for (int i = 0; i < 100; ++i) deep += "<Atomic><CmdID>1</CmdID>";
  for (int i = 0; i < 100; ++i) deep += "</Atomic>";
  deep += "</SyncBody></SyncML>";
  auto doc = xml::Document::parse(deep, "d.xml");
  Message m = read(doc);
  const Command* c = &m.commands.at(0);
  int depth = 0;
  while (!c->children.empty()) {
    c = &c->children[0];
    ++depth;
  }
  CHECK(depth == 64);
  CHECK(c->kind == Kind::unknown);
}

TEST_CASE("message: the number of commands is bounded, nested ones included") {
  std::string text = "<SyncML><SyncBody>\n<Get><CmdID>1</CmdID></Get>\n<Atomic><CmdID>2</CmdID>\n"
                     "<Add><CmdID>3</CmdID></Add>\n<Add><CmdID>4</CmdID></Add></Atomic>\n<Final/></SyncBody></SyncML>";
  auto doc = xml::Document::parse(text, "many.xml");
  ReadOptions options;
  options.max_commands = 4;
  CHECK(read(doc, options).commands.size() == 2);
  options.max_commands = 3;
  try {
    (void)read(doc, options);
    FAIL("a fourth command was accepted");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::input);
    CHECK(std::string(e.what()).find("more than 3 commands") != std::string::npos);
    CHECK(e.where().line == 5);  // the second Add inside the Atomic
    CHECK(e.where().column == 1);
  }
}

TEST_CASE("message: items past the limit are an input error at the first one too many") {
  std::string text = "<SyncML><SyncHdr/><SyncBody><Get><CmdID>1</CmdID><Item/><Item/></Get>\n<Get><CmdID>2</CmdID>"
                     "<Item/>\n<Item/></Get><Final/></SyncBody></SyncML>";
  auto doc = xml::Document::parse(text, "items.xml");
  ReadOptions options;
  options.max_items = 4;
  CHECK(read(doc, options).commands.size() == 2);
  options.max_items = 3;
  try {
    (void)read(doc, options);
    FAIL("a fourth item was accepted");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::input);
    CHECK(std::string(e.what()).find("more than 3 items in one message") != std::string::npos);
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 1);
  }
}

TEST_CASE("message: boxed parts behave as optionals and keep Items and Commands small") {
  Item it;
  CHECK_FALSE(it.meta);
  it.meta = Meta{};
  it.meta->type = "text/plain";
  Item copy = it;
  copy.meta->type = "b";
  CHECK(*it.meta->type == "text/plain");  // a deep copy
  it.target = Address{};
  it.target->loc_uri = "./A";
  CHECK(it.target->uri() == "./A");
  CHECK(it.meta.value_or(Meta{}).type == "text/plain");
  it.meta = std::nullopt;
  CHECK_FALSE(it.meta.has_value());
  CHECK(it.meta == std::nullopt);
  CHECK(it.meta.value_or(Meta{}).empty());
  std::optional<Meta> as_optional = copy.meta;
  CHECK(as_optional->type == "b");
  // The memory per Item and Command that the README's limits table counts on.
  CHECK(sizeof(Item) <= 128);
  CHECK(sizeof(Command) <= 448);
}

TEST_CASE("message: writer round trip") {
  auto doc = xml::Document::parse(kPackage, "p.xml");
  Message m = read(doc);
  std::string out = write(m);
  CHECK(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SyncML xmlns=\"SYNCML:SYNCML1.2\">", 0) == 0);
  CHECK(out.find("<Format xmlns=\"syncml:metinf\">int</Format>") != std::string::npos);
  auto doc2 = xml::Document::parse(out, "out.xml");
  Message m2 = read(doc2);
  CHECK(m2.header.session_id == "1");
  CHECK(m2.header.source->loc_name == "admin");
  REQUIRE(m2.commands.size() == m.commands.size());
  CHECK(m2.commands[1].children[1].kind == Kind::atomic);
  CHECK(m2.commands[3].items[0].data->text == m.commands[3].items[0].data->text);
  CHECK(m2.commands[5].items[0].data->text == "<x/>");  // escaped on output, same text back
  CHECK(m2.commands[0].chal->next_nonce == "Tm9uY2U=");
  CHECK(m2.final);
  CHECK(write(m2) == out);

  WriteOptions compact;
  compact.indent = false;
  compact.xml_declaration = false;
  Message small;
  small.header.msg_id = "1";
  Command s;
  s.kind = Kind::status;
  s.cmd_id = "1";
  s.data = "200";
  small.commands.push_back(s);
  CHECK(write(small, compact) ==
        "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr><MsgID>1</MsgID></SyncHdr><SyncBody><Status><CmdID>1</CmdID>"
        "<Data>200</Data></Status></SyncBody></SyncML>");
  CHECK(escape("a<b&\"c\"") == "a&lt;b&amp;&quot;c&quot;");
}
