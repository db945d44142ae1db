// Transport helpers: media types, Retry-After, and the masking promise of --trace.
#include <doctest/doctest.h>

#include "syncmldm/net.hpp"

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
