// The client's decisions around a package: answering a challenge, reading the reply's Statuses,
// the offline request head, the trace, and the bookkeeping of repeated sessions.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "syncmldm/net/net.hpp"
#include "syncmldm/net/session.hpp"
#include "syncmldm/util/error.hpp"

using namespace syncmldm;
using namespace syncmldm::session;

namespace {

const std::string kPackage =
    "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID>"
    "<MsgID>1</MsgID><Target><LocURI>https://dm</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr>"
    "<SyncBody><Alert><CmdID>1</CmdID><Data>1201</Data></Alert><Final/></SyncBody></SyncML>";

// A server reply whose header Status is `code`, with `chal` inside it, and one more Status.
std::string reply(int code, const std::string& chal = "") {
  return "<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><SessionID>1</SessionID><MsgID>1</MsgID></SyncHdr><SyncBody>"
         "<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd>" +
         chal + "<Data>" + std::to_string(code) +
         "</Data></Status><Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>1</CmdRef><Cmd>Alert</Cmd><Data>200</Data>"
         "</Status><Final/></SyncBody></SyncML>";
}

const std::string kMd5Chal =
    "<Chal><Meta><Format xmlns='syncml:metinf'>b64</Format><Type xmlns='syncml:metinf'>syncml:auth-md5</Type>"
    "<NextNonce xmlns='syncml:metinf'>bm9uY2U=</NextNonce></Meta></Chal>";

HeaderStatus status(int code, std::optional<auth::Scheme> chal, std::string type = "") {
  HeaderStatus s;
  s.code = code;
  s.chal = chal;
  s.chal_type = std::move(type);
  return s;
}

Credentials creds(auth::Scheme scheme) {
  Credentials c;
  c.scheme = scheme;
  c.user = "Bruce2";
  c.password = "OhBehave";
  return c;
}

// A channel whose server answers with `replies` in turn and records what it was sent.
struct FakeServer {
  std::vector<std::string> replies;
  std::vector<std::string> requests;
  Channel::Transport transport() {
    return [this](const std::string&, std::string_view, std::string_view body, const std::vector<std::string>&) {
      requests.emplace_back(body);
      net::HttpResponse r;
      r.status = 200;
      r.content_type = std::string(net::kXmlMediaType);
      r.body = replies.at(requests.size() - 1);
      return r;
    };
  }
};

}  // namespace

TEST_CASE("session policy: a challenge is answered once, with the scheme the server asks for") {
  auto md5 = creds(auth::Scheme::md5);
  CHECK(decide_auth_retry(status(401, auth::Scheme::md5, "syncml:auth-md5"), md5, 0).retry);
  // A Chal without a Type stands for Basic and names no scheme to disagree with.
  CHECK(decide_auth_retry(status(401, auth::Scheme::basic), md5, 0).retry);

  auto again = decide_auth_retry(status(401, auth::Scheme::md5, "syncml:auth-md5"), md5, 1);
  CHECK_FALSE(again.retry);
  CHECK(again.reason == "authentication refused after a retry (header status 401)");

  auto other = decide_auth_retry(status(401, auth::Scheme::basic, "syncml:auth-basic"), md5, 0);
  CHECK_FALSE(other.retry);
  CHECK(other.reason == "the server asks for syncml:auth-basic but --auth is md5");

  auto none = decide_auth_retry(status(407, std::nullopt), creds(auth::Scheme::none), 0);
  CHECK_FALSE(none.retry);
  CHECK(none.reason == "the server requires authentication (no challenge, header status 407); give --auth");
}

TEST_CASE("session policy: without a challenge only credentials left out after a 212 are sent again") {
  auto basic = creds(auth::Scheme::basic);
  auto refused = decide_auth_retry(status(401, std::nullopt), basic, 0);
  CHECK_FALSE(refused.retry);
  CHECK(refused.reason == "authentication refused (header status 401) without a challenge");
  basic.authenticated = true;
  CHECK(decide_auth_retry(status(401, std::nullopt), basic, 0).retry);
}

TEST_CASE("session policy: send_package retries a challenged package with the nonce") {
  FakeServer server;
  server.replies = {reply(401, kMd5Chal), reply(200)};
  Channel channel(server.transport(), creds(auth::Scheme::md5), false, Codec{});
  int replies_seen = 0;
  auto r = send_package(channel, "https://dm", kPackage,
                        [&](const Exchange&, const ReplySummary* s) { replies_seen += s != nullptr; });
  CHECK(replies_seen == 2);
  REQUIRE(server.requests.size() == 2);
  CHECK(server.requests[0].find("<Cred>") == std::string::npos);  // MD5 without a nonce yet
  CHECK(server.requests[1].find("<Cred>") != std::string::npos);
  REQUIRE(r.summary);
  CHECK(r.summary->header_status.code == 200);
  CHECK(channel.credentials().nonce == std::optional<std::string>("bm9uY2U="));
}

TEST_CASE("session policy: send_package gives up as decide_auth_retry says") {
  FakeServer refusing;
  refusing.replies = {reply(401, kMd5Chal), reply(401, kMd5Chal)};
  Channel channel(refusing.transport(), creds(auth::Scheme::md5), false, Codec{});
  CHECK_THROWS_WITH_AS(send_package(channel, "https://dm", kPackage),
                       "authentication refused after a retry (header status 401)", Error);
  CHECK(refusing.requests.size() == 2);

  FakeServer asking;
  asking.replies = {reply(401, kMd5Chal)};
  Channel anonymous(asking.transport(), creds(auth::Scheme::none), false, Codec{});
  try {
    send_package(anonymous, "https://dm", kPackage);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::auth);
  }
  CHECK(asking.requests.size() == 1);
}

TEST_CASE("session policy: one reader counts every Status by code, the header's included") {
  auto s = summarize(reply(212), "reply");
  CHECK(s.header_status.code == 212);
  CHECK(s.statuses == 2);
  CHECK(s.status_codes == std::map<std::string, int>{{"200", 1}, {"212", 1}});
  CHECK(s.failed_statuses == 0);
  auto refused = summarize(reply(401, kMd5Chal), "reply");
  CHECK(refused.failed_statuses == 1);
  CHECK(refused.status_codes.at("401") == 1);
  CHECK(is_challenge(refused.header_status.code));
  CHECK_FALSE(is_challenge(403));
}

TEST_CASE("session policy: a challenge's MetInf nested in a second Meta is read") {
  std::string nested =
      "<Chal><Meta><mi:Meta xmlns:mi='syncml:metinf'><mi:Type>syncml:auth-md5</mi:Type>"
      "<mi:NextNonce>bm9uY2U=</mi:NextNonce></mi:Meta></Meta></Chal>";
  auto s = summarize(reply(401, nested), "reply");
  REQUIRE(s.header_status.chal);
  CHECK(*s.header_status.chal == auth::Scheme::md5);
  CHECK(s.header_status.next_nonce == std::optional<std::string>("bm9uY2U="));
}

TEST_CASE("session policy: the offline request carries what the channel would send") {
  FakeServer unused;
  Channel channel(unused.transport(), creds(auth::Scheme::basic), false, Codec{});
  Request r = channel.prepare(kPackage);
  CHECK(r.xml.find("<Cred>") != std::string::npos);
  CHECK(r.body == r.xml);
  CHECK(r.content_type == net::kXmlMediaType);
  CHECK(unused.requests.empty());
  std::string head = net::request_head("https://mdm.example.com/dm?x=1", r.content_type, 42, {"X-One: 1"}, "agent/1");
  CHECK(head ==
        "POST /dm?x=1 HTTP/1.1\r\nHost: mdm.example.com\r\nUser-Agent: agent/1\r\n"
        "Accept: application/vnd.syncml.dm+xml, application/vnd.syncml.dm+wbxml\r\n"
        "Content-Type: application/vnd.syncml.dm+xml\r\nContent-Length: 42\r\nX-One: 1\r\n\r\n");
  CHECK(net::request_head("https://h", "t", 0, {}).find("User-Agent: " + net::default_user_agent() + "\r\n") !=
        std::string::npos);
}

TEST_CASE("session policy: a trace masks credentials and shows binary bodies by size") {
  Exchange ex;
  ex.url = "https://dm";
  ex.request_xml = "<Cred><Data>c2VjcmV0</Data></Cred>";
  ex.request_body = ex.request_xml;
  ex.response.status = 200;
  ex.response.body = std::string("\x02\x00\x00\x6A", 4);
  std::string text = trace_text(ex);
  CHECK(text.find("c2VjcmV0") == std::string::npos);
  CHECK(text.find("[4 bytes of binary data]") != std::string::npos);
  CHECK(shown_body(std::string(70000, 'a')).find("[... 4464 more bytes]") != std::string::npos);
}

TEST_CASE("session policy: totals and SessionIDs of repeated sessions") {
  SessionSummary done, aborted;
  done.messages_sent = 3;
  aborted.end = SessionEnd::max_rounds;
  aborted.failed = true;
  SessionTotals t;
  t.add(done);
  t.add(aborted);
  CHECK(t.sessions == 2);
  CHECK(t.completed == 1);
  CHECK(t.messages_sent == 3);
  CHECK(t.failed);
  CHECK(t.ends == std::map<std::string, int>{{"completed", 1}, {"max-rounds", 1}});
  CHECK(session_end_name(SessionEnd::server_abort) == "server-abort");
  CHECK(nth_session_id("41", 2) == "43");
  CHECK(nth_session_id("srv-a", 2) == "srv-a");
  int id = std::stoi(fresh_session_id());
  CHECK((id >= 1 && id <= 9999));
  CHECK(parse_login_status("others") == LoginStatus::others);
  CHECK_FALSE(parse_login_status("nobody"));
}
