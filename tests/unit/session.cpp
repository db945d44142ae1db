// Session helpers: reading the header Status and challenge, editing SyncHdr credentials in place.
#include <doctest/doctest.h>

#include "syncmldm/util/error.hpp"
#include "syncmldm/net/session.hpp"

using namespace syncmldm;
using namespace syncmldm::session;

namespace {
const std::string kPackage =
    "<SyncML xmlns=\"SYNCML:SYNCML1.2\">\n <SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID>"
    "<MsgID>1</MsgID><Target><LocURI>https://dm</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source>\n </SyncHdr>"
    "<SyncBody><Alert><CmdID>1</CmdID><Data>1201</Data></Alert><Final/></SyncBody></SyncML>";
}

TEST_CASE("session: credentials go into SyncHdr, other bytes stay") {
  std::string out = with_credentials(kPackage, "Bruce2", "syncml:auth-md5", "Zz6E==");
  CHECK(out.find("<Source><LocURI>IMEI:1</LocURI><LocName>Bruce2</LocName></Source>") != std::string::npos);
  CHECK(out.find("<Cred><Meta><Format xmlns=\"syncml:metinf\">b64</Format><Type xmlns=\"syncml:metinf\">syncml:auth-md5"
                 "</Type></Meta><Data>Zz6E==</Data></Cred></SyncHdr>") != std::string::npos);
  CHECK(out.find("</Source>\n <Cred>") != std::string::npos);
  // Replacing keeps a single Cred and LocName.
  std::string again = with_credentials(out, "x&y", "syncml:auth-basic", "abc");
  CHECK(again.find("Zz6E==") == std::string::npos);
  CHECK(again.find("<LocName>x&amp;y</LocName>") != std::string::npos);
  CHECK(again.find("<Cred>") == again.rfind("<Cred>"));
  // And removing.
  std::string none = without_credentials(again);
  CHECK(none.find("<Cred>") == std::string::npos);
  CHECK(summarize(none, "t").msg_id == "1");
}

TEST_CASE("session: Cred goes before a header Meta") {
  std::string pkg = kPackage;
  pkg.replace(pkg.find("\n </SyncHdr>"), 0, "<Meta><MaxMsgSize xmlns=\"syncml:metinf\">5000</MaxMsgSize></Meta>");
  std::string out = with_credentials(pkg, "u", "syncml:auth-basic", "d");
  CHECK(out.find("</Cred><Meta><MaxMsgSize") != std::string::npos);
}

TEST_CASE("session: header Status with an MD5 challenge") {
  std::string reply =
      "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><SessionID>1</SessionID><MsgID>1</MsgID></SyncHdr><SyncBody>"
      "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Chal><Meta>"
      "<Format xmlns='syncml:metinf'>b64</Format><Type xmlns='syncml:metinf'>syncml:auth-md5</Type>"
      "<NextNonce xmlns='syncml:metinf'>ZG9iZWhhdmUNCg==</NextNonce></Meta></Chal><Data>401</Data></Status>"
      "<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>1</CmdRef><Cmd>Alert</Cmd><Data>401</Data></Status>"
      "<Get><CmdID>3</CmdID></Get><Final/></SyncBody></SyncML>";
  auto s = summarize(reply, "reply");
  CHECK(s.header_status.code == 401);
  REQUIRE(s.header_status.chal);
  CHECK(*s.header_status.chal == auth::Scheme::md5);
  CHECK(s.header_status.next_nonce == std::optional<std::string>("ZG9iZWhhdmUNCg=="));
  CHECK(s.statuses == 2);
  CHECK(s.failed_statuses == 2);
  CHECK(s.commands == 1);
  CHECK(s.final);
}

TEST_CASE("session: what is not SyncML is refused with a place") {
  CHECK_THROWS_AS(summarize("<html><body/></html>", "reply"), Error);
  CHECK_THROWS_AS(summarize("<SyncML><SyncHdr>", "reply"), Error);
  CHECK_THROWS_AS(with_credentials("<SyncML><SyncHdr/><SyncBody/></SyncML>", "u", "t", "d"), Error);
  try {
    summarize("<SyncML><SyncHdr></SyncML>", "reply");
  } catch (const Error& e) {
    CHECK(e.describe().rfind("reply:1:", 0) == 0);
  }
}

TEST_CASE("session: element_end skips comments, CDATA and quoted '>'") {
  std::string x = "<a x='>'><!-- </a> --><b/><![CDATA[</a>]]></a>tail";
  CHECK(element_end(x, 0) == x.size() - 4);
}

TEST_CASE("session: chunks of a large object") {
  auto plain = split_chunks("abcdefghij", 4, false);
  REQUIRE(plain.size() == 3);
  CHECK(plain[0] == "abcd");
  CHECK(plain[2] == "ij");
  // Base64 pieces are whole groups of four, so each decodes on its own.
  auto b64 = split_chunks("QUJDREVGR0hJSktM", 7, true);
  REQUIRE(b64.size() == 4);
  for (const auto& piece : b64) CHECK(piece.size() % 4 == 0);
  CHECK(b64[0] + b64[1] + b64[2] + b64[3] == "QUJDREVGR0hJSktM");
  CHECK(split_chunks("", 10, false).size() == 1);
  CHECK(split_chunks("abc", 2, true).size() == 1);  // never smaller than one Base64 group
}
