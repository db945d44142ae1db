// The trace's one-pass body reader against the full reader (xml::Document + message::read):
// the same model for every document it takes, and the full reader for every one it leaves.
#include <doctest/doctest.h>

#include <filesystem>

#include "syncmldm/codec/codec.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/message/message.hpp"
#include "syncmldm/trace/capture.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"
#include "trace/body_reader.hpp"
#include "../support/trace_body_dump.hpp"

using namespace syncmldm;
namespace fs = std::filesystem;

namespace {

// One Body for all, as the session builder keeps it: each message is read into the storage of
// the one before, which must leave nothing of itself behind.
std::string one_pass(const std::string& xml) {
  static trace::detail::Body body;
  return trace_body_dump::one_pass(xml, body);
}

// Both readers on `xml`: the one pass agrees with the full reader or leaves the text to it;
// true when it took it. `readable`: whether the full reader reads it.
bool same(const std::string& xml, bool* readable = nullptr) {
  std::string expected = trace_body_dump::full(xml);
  std::string got = one_pass(xml);
  if (readable) *readable = !expected.starts_with("error:");
  if (expected.starts_with("error:")) {
    CHECK_MESSAGE(got.empty(), "the one pass took a text the full reader refuses (" << expected << "):\n" << xml);
    return false;
  }
  if (got.empty()) return false;
  CHECK_MESSAGE(got == expected, "for\n" << xml);
  return true;
}

std::string msg(const std::string& body, const std::string& header = "<SessionID>1</SessionID><MsgID>2</MsgID>") {
  return "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr><VerDTD>1.2</VerDTD>" + header + "</SyncHdr><SyncBody>" + body +
         "<Final/></SyncBody></SyncML>";
}

}  // namespace

TEST_CASE("trace body: the one pass reads every message of testdata as the full reader does") {
  std::size_t taken = 0, all = 0, readable = 0;
  for (const auto& entry : fs::recursive_directory_iterator("testdata")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".xml") continue;
    std::string xml = read_file(entry.path().string());
    if (xml.find("SyncML") == std::string::npos) continue;
    ++all;
    INFO(entry.path().string());
    bool ok = false;
    taken += same(xml, &ok);
    readable += ok;
  }
  MESSAGE(taken << " of the " << readable << " SyncML files the full reader reads (" << all << " in all) read in one pass");
  CHECK(readable > 100);
  CHECK(taken * 10 > readable * 9);  // the full reader is for the unusual, not the usual
}

TEST_CASE("trace body: the bodies of the test captures, WBXML ones decoded") {
  std::size_t taken = 0, bodies = 0;
  for (const char* file : {"testdata/trace/session-md5.har", "testdata/trace/session-wbxml.har",
                           "testdata/trace/session-split.har", "testdata/trace/session-large.har"}) {
    auto source = trace::open_source(file);
    trace::read_capture(*source, {}, [&](trace::Record&& r) {
      input::Payload p = input::unwrap(std::move(r.body), r.place, input::format_of_content_type(r.content_type));
      std::string xml = p.payload == input::Format::wbxml ? codec::wbxml_to_xml(p.bytes, r.place) : p.bytes;
      ++bodies;
      INFO(r.place);
      taken += same(xml);
    }, [](const trace::Note&) {});
  }
  CHECK(bodies > 20);
  CHECK(taken == bodies);
}

TEST_CASE("trace body: edge cases read alike or left to the full reader") {
  // Taken in one pass, and read as the full reader reads them.
  const std::string taken[] = {
      msg("<Get><CmdID> 3 </CmdID><Item><Target><LocURI> ./a b </LocURI></Target></Item></Get>"),
      msg("<Replace><CmdID>4</CmdID><Item><Target><LocURI>./x</LocURI></Target><Data><![CDATA[<a>&amp;</a>]]></Data></Item></Replace>"),
      msg("<Replace><CmdID>4</CmdID><Item><Data> a <![CDATA[b]]> c &lt;&#65;&#x42;&quot;&apos;&gt;&amp; </Data></Item></Replace>"),
      msg("<Replace><CmdID>4</CmdID><Item><Data>  <![CDATA[x]]>  </Data></Item></Replace>"),
      msg("<Replace><CmdID>4</CmdID><Item><Data>a<!-- note -->b<?pi x?>c</Data></Item></Replace>"),
      msg("<Replace><CmdID>4</CmdID><Item><Data>\n   \n</Data><Data/></Item></Replace>"),
      msg("<m:Replace xmlns:m='SYNCML:SYNCML1.2'><m:CmdID>5</m:CmdID><m:Meta><f:Format xmlns:f=\"syncml:metinf\">chr</f:Format>"
          "<Type>text/plain</Type></m:Meta><m:Item><m:Meta><MetInf><Format>b64</Format><MetInf><Type>t</Type></MetInf></MetInf>"
          "<Format>int</Format><EMI> e </EMI></m:Meta><m:Target><m:LocURI>./y</m:LocURI></m:Target><m:MoreData/></m:Item></m:Replace>"),
      msg("<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>"
          "<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Replace</Cmd><TargetRef> ./a </TargetRef>"
          "<TargetRef>./b</TargetRef><SourceRef>s</SourceRef><Data xmlns:msft=\"http://schemas.microsoft.com/MobileDevice/MDM\" "
          "msft:originalerror=\"0x86000002\">500</Data><Data>404</Data></Status>"
          "<Status><CmdID>3</CmdID><CmdRef>4</CmdRef><Data a='1' OriginalError='&#45;2016281112'>400</Data></Status>"
          "<Status><CmdID>4</CmdID><CmdRef>5</CmdRef><Data>200</Data><Data originalerror='0x1'>1</Data></Status>"),
      msg("<Results><CmdID>5</CmdID><MsgRef>1</MsgRef><CmdRef>9</CmdRef><Item><Source><LocURI>./DevDetail/SwV</LocURI>"
          "<LocName>n</LocName></Source><Meta><Format xmlns=\"syncml:metinf\">chr</Format></Meta><Data>10.0</Data></Item></Results>"),
      msg("<Atomic><CmdID>1</CmdID><Meta><Format>x</Format></Meta><Add><CmdID>2</CmdID><Item><Target><LocURI>./z</LocURI></Target></Item></Add>"
          "<Sequence><CmdID>3</CmdID><Exec><CmdID>4</CmdID><Correlator> c1 </Correlator></Exec><Data>odd</Data></Sequence>"
          "<MsgRef>7</MsgRef></Atomic><Map><CmdID>9</CmdID></Map><Alert><CmdID>6</CmdID><Data>1226</Data><Item><Data>x</Data></Item></Alert>"),
      msg("<Get><NoResp/><CmdID>1</CmdID><Cred><Data>secret</Data></Cred><Item><Target><LocURI>./a</LocURI></Target>"
          "<Target><LocName>only</LocName></Target><Source/></Item><Unknown><Item/></Unknown></Get>"),
      msg("<Get><CmdID>1<b>x</b>2</CmdID></Get>"),
      msg("", "<SessionID>1</SessionID><SessionID> 2 </SessionID><MsgID>3</MsgID><Target><LocURI>dev</LocURI></Target>"
              "<Source><LocURI>https://s/</LocURI><LocName>srv</LocName></Source><RespURI> r </RespURI><NoResp/>"
              "<Cred><Meta><Type>syncml:auth-md5</Type></Meta><Data>x</Data></Cred>"),
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n" + msg("<Get><CmdID>1</CmdID></Get>") + "\n<!-- end -->\n",
      "<SyncML><SyncHdr><MsgID>1</MsgID></SyncHdr><SyncHdr><MsgID>2</MsgID></SyncHdr><SyncBody><Get/></SyncBody>"
      "<SyncBody><Add/></SyncBody><Other/></SyncML>",
      "<SyncBody xmlns='SYNCML:SYNCML1.2'><Get><CmdID>1</CmdID></Get><Final/></SyncBody>",
      "<Get xmlns='x'><CmdID>1</CmdID><Item><Target><LocURI>./u</LocURI></Target></Item></Get>",
      "<SyncML xmlns='SYNCML:SYNCML1.2'/>",
      msg("<Replace><CmdID>1</CmdID><Item><Data>caf\xC3\xA9 \xE2\x82\xAC ]] ] > x</Data></Item></Replace>"),
      msg("<Replace ><CmdID\n>1</CmdID ><Item\t><Data >x</Data\n></Item></Replace>"),
  };
  for (const auto& xml : taken) {
    INFO(xml);
    CHECK(same(xml));
  }
  // Containers nested past the model's limit: kept as unknown commands, alike.
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += "<Atomic><CmdID>" + std::to_string(i) + "</CmdID>";
  for (int i = 0; i < 70; ++i) deep += "</Atomic>";
  CHECK(same(msg(deep)));

  // Left to the full reader: it reads them (Data holding markup, a DOCTYPE) or refuses them.
  const std::string left[] = {
      msg("<Exec><CmdID>1</CmdID><Item><Data><wap-provisioningdoc><characteristic type='x'/></wap-provisioningdoc></Data></Item></Exec>"),
      "<!DOCTYPE SyncML>" + msg(""),
      msg("<Get><CmdID>1</CmdID></Get>").substr(1),
      msg("<Get><CmdID>1 & 2</CmdID></Get>"),
      msg("<Get><CmdID>1 &nbsp; 2</CmdID></Get>"),
      msg("<Get><CmdID>a ]]> b</CmdID></Get>"),
      msg("<Get><CmdID>1</CmdId></Get>"),
      msg("<Get a='1' a='2'><CmdID>1</CmdID></Get>"),
      msg("<Get a='1'b='2'><CmdID>1</CmdID></Get>"),
      msg("<Get a=1><CmdID>1</CmdID></Get>"),
      msg("<Get a='<'><CmdID>1</CmdID></Get>"),
      msg("<Get><CmdID>\x01</CmdID></Get>"),
      msg("<Get><CmdID>\xC3</CmdID></Get>"),
      msg("<Get><1CmdID>1</1CmdID></Get>"),
      msg("<Get><CmdID>1</CmdID></Get>") + "<SyncML/>",
      msg("<Get><CmdID>1</CmdID></Get>") + "text",
      msg("<Get><![CDATA[x</Get>"),
      msg("<Get><!-- a -- b --></Get>"),
      msg("<Get><?xml version='1.0'?></Get>"),
      "<Foo><Get/></Foo>",
      "   ",
      "",
      msg("<Get><CmdID>1</CmdID>"),
  };
  for (const auto& xml : left) {
    INFO(xml);
    trace::detail::Body body;
    CHECK_FALSE(trace::detail::read_body_one_pass(xml, body));
    same(xml);  // and if the full reader reads it, read_body gives its answer (checked there)
  }
}

TEST_CASE("trace body: text elements read at once, and the ones that are not") {
  // The one pass reads <Name>text</Name> without a level when its text runs plainly to its end
  // tag; everything else about a text element goes the long way. Both must give the full
  // reader's answer.
  const std::string taken[] = {
      msg("<Get><CmdID>7</CmdID><Item><Target><LocURI>./a</LocURI></Target></Item></Get>"),
      msg("<Get><CmdID></CmdID><Item><Target><LocURI></LocURI><LocName/></Target></Item></Get>"),
      msg("<Get><CmdID> </CmdID><Item><Target><LocURI>  </LocURI></Target><Data>\t</Data></Item></Get>"),
      msg("<Get><CmdID>1</CmdID ><Item><Target><LocURI>a>b</LocURI></Target><Data>x&amp;y</Data></Item></Get>"),
      msg("<Get><CmdID>1<!--c--></CmdID><Item><Target><LocURI>a<![CDATA[b]]></LocURI></Target></Item></Get>"),
      msg("<Get><CmdID>1</CmdID><CmdXD>2</CmdXD><cmdid>3</cmdid><CmdIDs>4</CmdIDs><Cm>5</Cm><CorrelatorX>6</CorrelatorX></Get>"),
      msg("<Get><Cmd\xC3\xA9>x</Cmd\xC3\xA9><CmdID>1</CmdID></Get>"),
      msg("<Get><CmdID\xC3\xA9>x</CmdID\xC3\xA9><CmdID\t>1</CmdID><Data\n/><Item\r\n><Meta/></Item></Get>"),
      "<Get><CmdID>1</CmdID></Get>",
      "<Get/>",
      "<Get><Final/></Get>",
      msg("<m:Get xmlns:m='SYNCML:SYNCML1.2'><m:CmdID>1</m:CmdID><CmdID>2</CmdID><:CmdID>3</:CmdID><a:b:CmdID>4</a:b:CmdID></m:Get>"),
      msg("<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Get</Cmd><TargetRef>./averyveryverylongname/past/sixteen/bytes</TargetRef>"
          "<Data>200</Data></Status>"),
      msg("<Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/Area1/Setting1</LocURI></Target>"
          "<Meta><Format xmlns=\"syncml:metinf\">int</Format><Type>text/plain</Type></Meta><Data>1</Data></Item></Replace>"),
  };
  for (const auto& xml : taken) {
    INFO(xml);
    CHECK(same(xml));
  }
  // An end tag that does not match, or is cut off, is refused as before.
  const std::string left[] = {
      msg("<Get><CmdID>1</CmdIX></Get>"),
      msg("<Get><CmdID>1</CmdI></Get>"),
      msg("<Get><CmdID>1</CmdIDx></Get>"),
      msg("<Get><m:CmdID xmlns:m='x'>1</n:CmdID></Get>"),
      msg("<Get><CmdID>1</CmdID"),
      msg("<Get><CmdID>1</"),
      msg("<Get><CmdID>1<"),
      msg("<Get><CmdID>1"),
      msg("<Get><CmdID>1</CmdID\x01></Get>"),
      msg("<Get><CmdID=1>2</CmdID=1></Get>"),
      msg("<Get><CmdID\x01>1</CmdID></Get>"),
      msg("<Get><CmdID\xC3>1</CmdID\xC3></Get>"),
  };
  for (const auto& xml : left) {
    INFO(xml);
    trace::detail::Body body;
    CHECK_FALSE(trace::detail::read_body_one_pass(xml, body));
    same(xml);
  }
}

TEST_CASE("trace body: a message read into the storage of others leaves nothing of them behind") {
  // The server's commands, the device's answers, then the server's again with fewer parts: each
  // read into what the last one left (commands, Items, Meta, addresses, the header's Target
  // and Source), each alike the full reader's reading.
  const std::string rich = msg(
      "<Replace><CmdID>2</CmdID><Meta><Type>t</Type></Meta><Item><Target><LocURI>./Device/Vendor/MSFT/a/long/enough/uri</LocURI>"
      "<LocName>n</LocName></Target><Source><LocURI>./s</LocURI></Source><Meta><Format>int</Format><EMI>e</EMI></Meta>"
      "<Data>1</Data><MoreData/></Item><Item><Target><LocURI>./b</LocURI></Target></Item></Replace>"
      "<Atomic><CmdID>3</CmdID><Add><CmdID>4</CmdID><Item><Meta><Format>chr</Format></Meta><Data>x</Data></Item></Add></Atomic>",
      "<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>IMEI:1234567890123456789</LocURI><LocName>dev</LocName></Target>"
      "<Source><LocURI>https://mdm.example.com/ManagementServer/MDM.svc</LocURI></Source>");
  const std::string answers = msg(
      "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>"
      "<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Replace</Cmd><Data>200</Data></Status>"
      "<Results><CmdID>3</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Item><Source><LocURI>./x</LocURI></Source><Data>y</Data></Item></Results>"
      "<Status><CmdID>4</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Atomic</Cmd><Data>200</Data></Status>",
      "<SessionID>1</SessionID><MsgID>2</MsgID><Source><LocURI>IMEI:1</LocURI></Source>");
  const std::string fewer = msg(
      "<Replace><CmdID>2</CmdID><Item><Target/><Data/></Item><Item><Source><LocName>only</LocName></Source></Item></Replace>",
      "<SessionID>1</SessionID><MsgID>3</MsgID><Target><LocName>dev</LocName></Target>");
  const std::string one = msg("<Alert><CmdID>1</CmdID><Data>1201</Data></Alert>", "<MsgID>4</MsgID>");
  // Values too large for a spare part to keep their storage.
  const std::string large = msg("<Replace><CmdID>2</CmdID><Item><Target><LocURI>./" + std::string(1500, 'u') +
                                "</LocURI><LocName>" + std::string(1100, 'n') + "</LocName></Target><Data>" +
                                std::string(3000, 'd') + "</Data></Item><Item><Data>" + std::string(2000, 'e') +
                                "</Data></Item></Replace>");
  for (const auto* xml : {&rich, &answers, &rich, &fewer, &one, &rich, &rich, &answers, &one, &fewer, &answers, &large,
                          &one, &rich, &large, &answers, &large, &fewer, &rich}) {
    INFO(*xml);
    CHECK(same(*xml));
  }
}

TEST_CASE("trace body: a message the one pass gives up on midway leaves nothing behind either") {
  // Each left to the full reader (or refused) after the one pass has filled part of the model:
  // the next message read into that storage must still come out as the full reader reads it.
  const std::string rich = msg(
      "<Replace><CmdID>1</CmdID><Meta><Type>x</Type></Meta><Item><Target><LocURI>./a</LocURI></Target><Meta>"
      "<Format>int</Format></Meta><Data>1</Data></Item><Item><Source><LocName>q</LocName></Source><Data>2</Data></Item>"
      "</Replace><Atomic><CmdID>2</CmdID><Add><CmdID>3</CmdID><Item><Data>z</Data></Item></Add></Atomic>",
      "<MsgID>1</MsgID><Target><LocURI>t</LocURI><LocName>n</LocName></Target><Source><LocURI>s</LocURI></Source>");
  const std::string markup = msg(
      "<Replace><CmdID>1</CmdID><Item><Target><LocURI>./b</LocURI></Target></Item></Replace>"
      "<Atomic><CmdID>2</CmdID><Add><CmdID>3</CmdID><Item><Data><x/></Data></Item></Add></Atomic>");
  const std::string cut = rich.substr(0, rich.size() - 30);
  const std::string entity = msg("<Status><CmdID>9</CmdID><Data>&bad;</Data></Status>");
  const std::string sparse = "<SyncML><SyncHdr/><SyncBody><Replace><CmdID>1</CmdID><Item></Item><Item><Data>3</Data>"
                             "</Item><Item/></Replace><Atomic><CmdID>2</CmdID><Add><CmdID>3</CmdID><Item><Meta/></Item>"
                             "</Add><Add/></Atomic><Final/></SyncBody></SyncML>";
  for (const auto* left : {&markup, &cut, &entity}) {
    CHECK(same(rich));
    CHECK_FALSE(same(*left));
    CHECK(same(sparse));
  }
}

TEST_CASE("trace body: read_body falls back to the full reader, with its errors") {
  trace::detail::Body body;
  std::string text = msg("<Exec><CmdID>1</CmdID><Item><Data><a>b</a></Data></Item></Exec>");
  trace::detail::read_body(text, false, "t.xml", body);
  CHECK_FALSE(body.one_pass);
  REQUIRE(body.message.commands.size() == 1);
  REQUIRE(body.message.commands[0].items.size() == 1);
  CHECK(body.message.commands[0].items[0].data->is_xml);
  CHECK(body.message.commands[0].items[0].data->text == "<a>b</a>");

  std::string plain = msg("<Get><CmdID>1</CmdID></Get>");
  trace::detail::read_body(plain, false, "t.xml", body);
  CHECK(body.one_pass);
  CHECK(plain.size() > 0);  // the one pass leaves the text where it is

  std::string bad = msg("<Get><CmdID>1</CmdID></Gett>");
  try {
    trace::detail::read_body(bad, true, "t.xml", body);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.where().line == 1);
    CHECK(e.message().find("does not match") != std::string::npos);
  }
}
