// Transport helpers: media types, Retry-After, and the masking promise of --trace.
#include <doctest/doctest.h>

#include "syncmldm/net/net.hpp"
#include "syncmldm/net/session.hpp"

using namespace syncmldm::net;

TEST_CASE("net: media type without parameters, lower case") {
  CHECK(media_type("application/vnd.syncml.dm+xml") == kXmlMediaType);
  CHECK(media_type("Application/VND.syncml.dm+WBXML ; charset=utf-8") == kWbxmlMediaType);
  CHECK(media_type("") == "");
  CHECK(media_type("text/html;charset=utf-8") == "text/html");
}

TEST_CASE("net: Retry-After in seconds or as an HTTP date") {
  CHECK(parse_retry_after("0") == std::chrono::seconds(0));
  CHECK(parse_retry_after(" 12 ") == std::chrono::seconds(12));
  CHECK(parse_retry_after("99999999999") == std::chrono::seconds(999'999'999));
  CHECK(!parse_retry_after(""));
  CHECK(!parse_retry_after("soon"));
  auto now = std::chrono::system_clock::from_time_t(784111777);  // Sun, 06 Nov 1994 08:49:37 GMT
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:50:37 GMT", now) == std::chrono::seconds(60));
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:40:37 GMT", now) == std::chrono::seconds(0));
}

TEST_CASE("net: secrets in headers are masked, the rest is kept") {
  std::string head =
      "POST /dm HTTP/1.1\r\nAuthorization: Basic QnJ1Y2UyOk9oQmVoYXZl\r\nproxy-authorization: Bearer tok\r\n"
      "x-syncml-hmac: algorithm=MD5, username=\"Bruce2\", mac=8QO2wC+5Wv/hTZNIDeUFAw==\r\nContent-Type: x\r\n\r\n";
  std::string masked = mask_secrets(head);
  CHECK(masked.find("QnJ1Y2UyOk9oQmVoYXZl") == std::string::npos);
  CHECK(masked.find("tok") == std::string::npos);
  CHECK(masked.find("8QO2wC") == std::string::npos);
  CHECK(masked.find("Authorization: Basic ***\r\n") != std::string::npos);
  CHECK(masked.find("proxy-authorization: Bearer ***\r\n") != std::string::npos);
  CHECK(masked.find("username=\"Bruce2\", mac=***\r\n") != std::string::npos);
  CHECK(masked.find("Content-Type: x\r\n") != std::string::npos);
  CHECK(masked.find("POST /dm HTTP/1.1\r\n") == 0);
}

TEST_CASE("net: Cred Data is masked in XML, with prefixes and CDATA") {
  std::string xml =
      "<SyncHdr><Cred><Meta><Type xmlns=\"syncml:metinf\">syncml:auth-md5</Type></Meta>"
      "<Data>Zz6EivR3yeaaENcRN6lpAQ==</Data></Cred></SyncHdr><SyncBody><Item><Data>visible</Data></Item>"
      "<m:Cred xmlns:m=\"x\"><m:Data><![CDATA[secret1]]></m:Data></m:Cred><Cred><Data/></Cred></SyncBody>";
  std::string masked = mask_secrets(xml);
  CHECK(masked.find("Zz6EivR3yeaaENcRN6lpAQ==") == std::string::npos);
  CHECK(masked.find("secret1") == std::string::npos);
  CHECK(masked.find("<Data>***</Data></Cred>") != std::string::npos);
  CHECK(masked.find("<Data>visible</Data>") != std::string::npos);
  CHECK(masked.find("syncml:auth-md5") != std::string::npos);
  CHECK(masked.find("<Cred><Data/></Cred>") != std::string::npos);
}

TEST_CASE("net: default User-Agent names the toolkit") {
  CHECK(default_user_agent().rfind("syncml-dm-tools dm-send/", 0) == 0);
}

TEST_CASE("net: headers with CR or LF are refused before anything is sent") {
  HttpOptions o;
  o.headers = {"X-Ok: 1", "X-Bad: 1\r\nX-Injected: 2"};
  CHECK_THROWS_WITH(HttpClient{o}, "an HTTP header must not contain CR or LF");
  o.headers = {"X-Ok: 1"};
  o.user_agent = "agent\nX-Injected: 2";
  CHECK_THROWS_WITH(HttpClient{o}, "the User-Agent must not contain CR or LF");
}

TEST_CASE("net: a RespURI is followed only on the same host, or over HTTPS to an allowed one") {
  using syncmldm::session::follow_resp_uri;
  const std::string from = "https://mdm.example.com/dm";
  CHECK(follow_resp_uri(from, "https://MDM.example.com:8443/dm?s=1", {}) == "https://MDM.example.com:8443/dm?s=1");
  CHECK(follow_resp_uri(from, " /other?s=2\n", {}) == "https://mdm.example.com/other?s=2");  // relative
  CHECK(follow_resp_uri("http://mdm.example.com/dm", "https://mdm.example.com/dm", {}) == "https://mdm.example.com/dm");
  CHECK(follow_resp_uri("http://mdm.example.com/dm", "http://mdm.example.com/x", {}) == "http://mdm.example.com/x");
  CHECK(follow_resp_uri(from, "https://other.example.net/dm", {"Other.Example.NET"}) == "https://other.example.net/dm");
  CHECK(follow_resp_uri("https://[::1]:9/dm", "https://[::1]:10/dm", {}) == "https://[::1]:10/dm");
  // Downgrades and other hosts, with both URLs named (credentials in URLs are not shown).
  CHECK_THROWS_WITH(follow_resp_uri("https://u:secret@mdm.example.com/dm", "http://mdm.example.com/dm", {"mdm.example.com"}),
                    "refusing the server's RespURI http://mdm.example.com/dm: it would take the session from "
                    "https://mdm.example.com/dm to plain HTTP, which is never followed");
  CHECK_THROWS_WITH(follow_resp_uri(from, "https://evil.example/dm", {"other.example.net"}),
                    "refusing the server's RespURI https://evil.example/dm: it would take the session from "
                    "https://mdm.example.com/dm to another host (followed only over HTTPS to a host named with "
                    "--allow-respuri-host)");
  // The host libcurl would connect to is the one checked: user information is not a host.
  CHECK_THROWS(follow_resp_uri(from, "https://mdm.example.com@evil.example/dm", {}));
  CHECK_THROWS(follow_resp_uri("http://mdm.example.com/dm", "http://other.example.net/dm", {"other.example.net"}));
  CHECK_THROWS(follow_resp_uri(from, "ftp://mdm.example.com/dm", {}));
  CHECK_THROWS(follow_resp_uri(from, "file:///etc/passwd", {}));
  CHECK_THROWS_WITH(follow_resp_uri(from, "https://", {}), doctest::Contains("is not a URL"));
}
