// Redaction: secrets planted in an XML message, its WBXML form, an HTTP stream and a HAR are
// all gone from the copies, the copies keep their lengths and still parse.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "syncmldm/codec/codec.hpp"
#include "syncmldm/redact/redact.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/util/error.hpp"
#include "syncmldm/xml/xml.hpp"

using namespace syncmldm;

namespace {

std::string slurp_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string planted_xml() { return slurp_file(std::string(SYNCMLDM_TESTDATA) + "/redact/secrets.xml"); }

// Every secret of testdata/redact/secrets.xml and of the HTTP/HAR wrappers below.
const std::vector<std::string> kSecrets = {
    "SecretCredData0001", "SecretNonce0002",  "SecretAAuth0003",    "SecretAAuthData0004", "SecretPfxPass0005",
    "SecretPfxBlob0006",  "SecretScep0007",   "SecretAccount0008",  "SecretVpn0009",       "SecretWifi0010",
    "SecretWifi0011",
};
const std::vector<std::string> kWrapperSecrets = {"SecretBasicAuth0012", "SecretMac0013", "SecretCookie0014",
                                                  "SecretCookie0015",    "SecretSetCookie0016"};
const std::vector<std::string> kIds = {"IdDevice0001AAAA", "iduser@example.com", "IdSerial0003"};

void check_none_left(const std::string& out, const std::vector<std::string>& secrets) {
  for (const auto& s : secrets) CHECK_MESSAGE(out.find(s) == std::string::npos, "left: " << s);
}

void check_all_left(const std::string& out, const std::vector<std::string>& values) {
  for (const auto& s : values) CHECK_MESSAGE(out.find(s) != std::string::npos, "redacted though not asked: " << s);
}

std::string http_stream(const std::string& xml, const std::string& wbxml) {
  std::string s = "POST /dm HTTP/1.1\r\nHost: mdm.example.com\r\nAuthorization: Basic SecretBasicAuth0012\r\n"
                  "x-syncml-hmac: algorithm=MD5, username=\"iduser7\", mac=SecretMac0013==\r\n"
                  "Cookie: session=SecretCookie0014; other=SecretCookie0015\r\n"
                  "Content-Type: application/vnd.syncml.dm+xml\r\nContent-Length: " +
                  std::to_string(xml.size()) + "\r\n\r\n" + xml;
  // The WBXML reply in two chunks, the cut inside the message.
  std::size_t half = wbxml.size() / 2;
  char size1[32], size2[32];
  std::snprintf(size1, sizeof size1, "%zx", half);
  std::snprintf(size2, sizeof size2, "%zx", wbxml.size() - half);
  s += "HTTP/1.1 200 OK\r\nSet-Cookie: sid=SecretSetCookie0016; Path=/; HttpOnly\r\n"
       "Content-Type: application/vnd.syncml.dm+wbxml\r\nTransfer-Encoding: chunked\r\n\r\n" +
       std::string(size1) + "\r\n" + wbxml.substr(0, half) + "\r\n" + size2 + "\r\n" + wbxml.substr(half) +
       "\r\n0\r\n\r\n";
  return s;
}

}  // namespace

TEST_CASE("redact: an XML message loses every secret, keeps its length and still parses") {
  std::string in = planted_xml();
  REQUIRE(!in.empty());
  for (const auto& s : kSecrets) REQUIRE(in.find(s) != std::string::npos);
  auto r = redact::xml(in, {});
  CHECK(r.bytes.size() == in.size());
  check_none_left(r.bytes, kSecrets);
  check_all_left(r.bytes, kIds);  // identifiers stay without ids
  check_all_left(r.bytes, {"Contoso", "./Device/Vendor/MSFT/WiFi/Profile/corp/WlanXml", "passPhrase", "212"});
  CHECK(r.redacted == kSecrets.size());
  CHECK(r.bytes.find("REDACTEDRE==") != std::string::npos);  // Base64 padding kept
  CHECK_NOTHROW(xml::Document::parse(r.bytes, "redacted"));

  redact::Options ids;
  ids.ids = true;
  auto all = redact::xml(in, ids);
  CHECK(all.bytes.size() == in.size());
  check_none_left(all.bytes, kSecrets);
  check_none_left(all.bytes, kIds);
  check_all_left(all.bytes, {"https://mdm.example.com/dm", "Contoso"});  // the server stays
}

TEST_CASE("redact: WBXML keeps its structure: same length, decodes, no secret left") {
  std::string wbxml = codec::xml_to_wbxml(planted_xml(), "secrets.xml");
  redact::Options ids;
  ids.ids = true;
  auto r = redact::wbxml(wbxml, ids, "secrets.wbxml");
  CHECK(r.bytes.size() == wbxml.size());
  check_none_left(r.bytes, kSecrets);
  check_none_left(r.bytes, kIds);
  // Base64 values the encoder stored as opaque bytes are gone as bytes too.
  CHECK(r.bytes.find(*base64::decode("SecretCredData0001==")) == std::string::npos);
  std::string decoded;
  REQUIRE_NOTHROW(decoded = codec::wbxml_to_xml(r.bytes, "redacted.wbxml"));
  check_none_left(decoded, kSecrets);
  check_all_left(decoded, {"Contoso", "https://mdm.example.com/dm", "SyncHdr"});
  // The same token stream: decoding the original and the copy gives the same element skeleton.
  std::string original = codec::wbxml_to_xml(wbxml, "secrets.wbxml");
  auto count = [](const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += c == '<';
    return n;
  };
  CHECK(count(decoded) == count(original));
}

TEST_CASE("redact: WBXML that does not decode is an error, not a half-redacted copy") {
  std::string wbxml = codec::xml_to_wbxml(planted_xml(), "secrets.xml");
  CHECK_THROWS_AS(redact::wbxml(wbxml.substr(0, wbxml.size() / 2), {}, "cut.wbxml"), Error);
}

TEST_CASE("redact: an HTTP stream: headers, an XML body and a chunked WBXML body") {
  std::string xml = planted_xml();
  std::string wbxml = codec::xml_to_wbxml(xml, "secrets.xml");
  std::string in = http_stream(xml, wbxml);
  auto r = redact::http(in, {}, "stream.http");
  CHECK(r.bytes.size() == in.size());
  check_none_left(r.bytes, kSecrets);
  check_none_left(r.bytes, kWrapperSecrets);
  check_all_left(r.bytes, {"Authorization: Basic ", "username=\"iduser7\"", "Path=/; HttpOnly", "Host: mdm.example.com"});
  // The WBXML reply, joined from its chunks again, still decodes.
  std::size_t body = r.bytes.find("\r\n\r\n", r.bytes.find("HTTP/1.1 200")) + 4;
  std::size_t half = wbxml.size() / 2;
  std::size_t first = r.bytes.find("\r\n", body) + 2;
  std::string joined = r.bytes.substr(first, half);
  std::size_t second = r.bytes.find("\r\n", first + half + 2) + 2;
  joined += r.bytes.substr(second, wbxml.size() - half);
  CHECK_NOTHROW(codec::wbxml_to_xml(joined, "joined.wbxml"));
  check_none_left(codec::wbxml_to_xml(joined, "joined.wbxml"), kSecrets);

  redact::Options ids;
  ids.ids = true;
  auto all = redact::http(in, ids, "stream.http");
  CHECK(all.bytes.find("iduser7") == std::string::npos);
  check_none_left(all.bytes, kIds);
}

TEST_CASE("redact: a HAR document: headers, cookies, query, text and Base64 bodies; still JSON") {
  std::string xml = planted_xml();
  std::string wbxml = codec::xml_to_wbxml(xml, "secrets.xml");
  nlohmann::json har = {
      {"log",
       {{"version", "1.2"},
        {"creator", {{"name", "test"}, {"version", "1"}}},
        {"entries",
         {{{"startedDateTime", "2026-01-01T00:00:00Z"},
           {"time", 12},
           {"request",
            {{"method", "POST"},
             {"url", "https://mdm.example.com/dm?mode=full&access_token=SecretQuery0018"},
             {"httpVersion", "HTTP/1.1"},
             {"headers",
              {{{"name", "Authorization"}, {"value", "Bearer SecretBearer0017"}},
               {{"name", "Content-Type"}, {"value", "application/vnd.syncml.dm+xml"}}}},
             {"cookies", {{{"name", "session"}, {"value", "SecretCookie0014"}}}},
             {"queryString",
              {{{"name", "mode"}, {"value", "full"}}, {{"name", "access_token"}, {"value", "SecretQuery0018"}}}},
             {"postData", {{"mimeType", "application/vnd.syncml.dm+xml"}, {"text", xml}}},
             {"headersSize", -1},
             {"bodySize", xml.size()}}},
           {"response",
            {{"status", 200},
             {"statusText", "OK"},
             {"httpVersion", "HTTP/1.1"},
             {"headers", {{{"name", "Set-Cookie"}, {"value", "sid=SecretSetCookie0016; Path=/"}}}},
             {"cookies", nlohmann::json::array()},
             {"content",
              {{"size", wbxml.size()},
               {"mimeType", "application/vnd.syncml.dm+wbxml"},
               {"encoding", "base64"},
               {"text", base64::encode(wbxml)}}},
             {"redirectURL", ""},
             {"headersSize", -1},
             {"bodySize", wbxml.size()}}},
           {"cache", nlohmann::json::object()},
           {"timings", {{"send", 1}, {"wait", 10}, {"receive", 1}}}}}}}}};
  std::string in = har.dump(2);
  auto r = redact::har(in, {}, "capture.har");
  check_none_left(r.bytes, kSecrets);
  check_none_left(r.bytes, {"SecretBearer0017", "SecretQuery0018", "SecretCookie0014", "SecretSetCookie0016"});
  nlohmann::json out;
  REQUIRE_NOTHROW(out = nlohmann::json::parse(r.bytes));
  auto& entry = out["log"]["entries"][0];
  CHECK(entry["request"]["postData"]["text"].get<std::string>().size() == xml.size());
  CHECK(entry["request"]["url"].get<std::string>().find("mode=full&access_token=REDACTED") != std::string::npos);
  CHECK(entry["request"]["headers"][0]["value"] == "Bearer REDACTEDREDACTED");
  std::string body = *base64::decode(entry["response"]["content"]["text"].get<std::string>());
  CHECK(body.size() == wbxml.size());
  check_none_left(body, kSecrets);
  CHECK_NOTHROW(codec::wbxml_to_xml(body, "har-body.wbxml"));
  CHECK(r.bytes.size() == in.size());  // the same indentation, values of the same length

  CHECK_THROWS_AS(redact::har("{\"log\": {}}", {}, "x.har"), Error);
  CHECK_THROWS_AS(redact::har("{\"log\": ", {}, "x.har"), Error);
  CHECK_THROWS_AS(redact::har(std::string(100000, '['), {}, "deep.har"), Error);
}

TEST_CASE("redact: provisioning parms, TNDS values and the node-name list") {
  std::string prov =
      "<wap-provisioningdoc><characteristic type=\"APPLICATION\"><parm name=\"AAUTHNAME\" value=\"srv\"/>"
      "<parm name=\"AAUTHSECRET\" value=\"SecretParm0019\"/><parm name='AAUTHDATA' value='SecretParm0020'/>"
      "</characteristic></wap-provisioningdoc>";
  auto p = redact::xml(prov, {});
  CHECK(p.bytes.size() == prov.size());
  check_none_left(p.bytes, {"SecretParm0019", "SecretParm0020"});
  CHECK(p.bytes.find("value=\"srv\"") != std::string::npos);

  std::string tnds = "<MgmtTree><Node><NodeName>AppAuth</NodeName><Node><NodeName>AAuthSecret</NodeName>"
                     "<Value>SecretTnds0021</Value></Node><Node><NodeName>AAuthName</NodeName><Value>name</Value>"
                     "</Node></Node></MgmtTree>";
  auto t = redact::xml(tnds, {});
  check_none_left(t.bytes, {"SecretTnds0021"});
  CHECK(t.bytes.find("<Value>name</Value>") != std::string::npos);

  CHECK(redact::is_secret_node("./Vendor/MSFT/ClientCertificateInstall/PFXCertInstall/x/PFXCertPassword"));
  CHECK(redact::is_secret_node("./Device/Vendor/MSFT/ClientCertificateInstall/SCEP/id/Install/Challenge"));
  CHECK_FALSE(redact::is_secret_node("./Vendor/MSFT/Policy/Config/Foo/Challenge"));
  CHECK_FALSE(redact::is_secret_node("./DevInfo/Man"));
  CHECK(redact::is_id_node("./DevInfo/DevId"));
  CHECK_FALSE(redact::is_id_node("./DevInfo/Mod"));
}

TEST_CASE("redact: sniffing and hostile inputs") {
  CHECK(redact::sniff("  <SyncML/>") == redact::Format::xml);
  CHECK(redact::sniff("{\"log\":{}}") == redact::Format::har);
  CHECK(redact::sniff("POST / HTTP/1.1\r\n\r\n") == redact::Format::http);
  CHECK(redact::sniff(codec::xml_to_wbxml(planted_xml(), "x")) == redact::Format::wbxml);
  CHECK_THROWS_AS(redact::sniff("hello"), Error);
  // Unterminated markup and quotes: nothing read past the end, nothing changed but secrets.
  for (std::string bad : {"<a", "<a b=\"", "<!--", "<![CDATA[x", "<Cred><Data>SecretX", "<?x", "<!DOCTYPE [", "</"}) {
    auto r = redact::xml(bad, {});
    CHECK(r.bytes.size() == bad.size());
  }
  CHECK(redact::xml("<Cred><Data>SecretX", {}).bytes == "<Cred><Data>REDACTE");
  // A Content-Length beyond the end: the body that is there, and a note.
  std::string cut = "POST / HTTP/1.1\r\nContent-Length: 999\r\n\r\n<Cred><Data>SecretY</Data></Cred>";
  auto r = redact::http(cut, {}, "cut.http");
  CHECK(r.bytes.find("SecretY") == std::string::npos);
  CHECK(r.notes.size() == 1);
}

TEST_CASE("redact: mutated inputs of every format: an error or a copy of the same length, never a crash") {
  std::string xml = planted_xml();
  std::string wbxml = codec::xml_to_wbxml(xml, "secrets.xml");
  std::vector<std::string> seeds = {xml, wbxml, http_stream(xml, wbxml)};
  std::uint32_t state = 12345;
  auto next = [&] { return state = state * 1664525u + 1013904223u; };
  std::size_t copies = 0;
  for (const auto& seed : seeds) {
    for (int round = 0; round < 300; ++round) {
      std::string in = seed;
      for (int k = 0; k < 1 + round % 8; ++k) {
        std::size_t at = next() % in.size();
        switch (next() % 3) {
          case 0: in[at] = static_cast<char>(next()); break;
          case 1: in.erase(at, 1 + next() % 16); break;
          default: in.insert(at, 1, static_cast<char>(next())); break;
        }
        if (in.empty()) in = "<";
      }
      try {
        auto r = redact::any(in, {}, "mutated");
        CHECK(r.bytes.size() == in.size());
        ++copies;
      } catch (const Error&) {
      }
    }
  }
  CHECK(copies > 0);
}

namespace {

const std::vector<std::string> kProvSecrets = {"SecretProvAAuth0101", "SecretProvNonce0102", "SecretProvAuth0103",
                                               "SecretProvProxy0104", "SecretProvWifi0105",  "SecretProvKey0106",
                                               "SecretProvOrder0107"};
const std::vector<std::string> kProvKept = {"Contoso", "contoso-device", "corp-user", "proxy-user", "proxy.example.com"};

std::string planted_prov() { return slurp_file(std::string(SYNCMLDM_TESTDATA) + "/redact/provisioning.xml"); }

}  // namespace

TEST_CASE("redact: parm values of a provisioning document, XML and WBXML alike") {
  std::string xml = planted_prov();
  for (const auto& s : kProvSecrets) REQUIRE(xml.find(s) != std::string::npos);
  auto rx = redact::xml(xml, {});
  CHECK(rx.bytes.size() == xml.size());
  check_none_left(rx.bytes, kProvSecrets);
  check_all_left(rx.bytes, kProvKept);
  CHECK(rx.redacted == kProvSecrets.size());

  std::string wbxml = codec::xml_to_wbxml(xml, "provisioning.xml");
  for (const auto& s : kProvSecrets) REQUIRE(wbxml.find(s) != std::string::npos);  // inline strings
  auto rw = redact::wbxml(wbxml, {}, "provisioning.wbxml");
  CHECK(rw.bytes.size() == wbxml.size());
  check_none_left(rw.bytes, kProvSecrets);
  CHECK(rw.redacted == kProvSecrets.size());
  std::string decoded;
  REQUIRE_NOTHROW(decoded = codec::wbxml_to_xml(rw.bytes, "redacted.wbxml"));
  check_none_left(decoded, kProvSecrets);
  check_all_left(decoded, kProvKept);
  CHECK(decoded.find("value=\"REDACTEDREDACTEDRED==\"") != std::string::npos);  // AAUTHDATA keeps its padding
}

TEST_CASE("redact: a WBXML attribute value in pieces: inline, entity, string table, opaque, page switch") {
  using namespace std::string_literals;
  std::string table = "TblSecret0201\0"s;
  std::string doc = "\x02\x0B\x6A"s + static_cast<char>(table.size()) + table +
                    // <wap-provisioningdoc>
                    "\x45"s +
                    // <parm value="Inl" &#x41; [table 0] [opaque xyz] name="CLIENTPW"/>: value before name
                    "\x87\x06\x03" "Inl\0\x02\x41\x83\x00\xC3\x03xyz\x05\x03" "CLIENTPW\0\x01"s +
                    // <parm value="Keep0202" name="NAME"/>: no secret
                    "\x87\x06\x03" "Keep0202\0\x05\x03" "NAME\0\x01"s +
                    // <parm name="WLANXML" value="<keyMaterial>...">: a secret inside the value
                    "\x87\x05\x03" "WLANXML\0\x06\x03" "<keyMaterial>EmbSecret0203</keyMaterial>\0\x01"s +
                    // attribute page 1, name="AAUTHSECRET" (a token), value="PageSecret0204"
                    "\x87\x00\x01\x32\x06\x03" "PageSecret0204\0\x01"s + "\x01"s;
  REQUIRE_NOTHROW(codec::wbxml_to_xml(doc, "pieces.wbxml"));
  auto r = redact::wbxml(doc, {}, "pieces.wbxml");
  CHECK(r.bytes.size() == doc.size());
  check_none_left(r.bytes, {"Inl", "TblSecret0201", "xyz", "EmbSecret0203", "PageSecret0204"});
  check_all_left(r.bytes, {"Keep0202", "CLIENTPW", "<keyMaterial>", "WLANXML"});
  CHECK(r.bytes.find("\x02X"s) != std::string::npos);  // the entity's code point
  CHECK(r.redacted == 3);
  std::string decoded;
  REQUIRE_NOTHROW(decoded = codec::wbxml_to_xml(r.bytes, "redacted.wbxml"));
  CHECK(decoded.find("value=\"REDXREDACTEDREDACRED\"") != std::string::npos);
}

TEST_CASE("redact: WBXML documents one after another are each redacted; one cut short is an error") {
  std::string one = codec::xml_to_wbxml(planted_xml(), "secrets.xml");
  std::string two = codec::xml_to_wbxml(planted_prov(), "provisioning.xml");
  std::string both = one + two + "\n" + one;
  auto r = redact::any(both, {}, "all.wbxml");
  CHECK(r.bytes.size() == both.size());
  check_none_left(r.bytes, kSecrets);
  check_none_left(r.bytes, kProvSecrets);
  CHECK(r.bytes[one.size() + two.size()] == '\n');
  CHECK_NOTHROW(codec::wbxml_to_xml(r.bytes.substr(one.size(), two.size()), "second.wbxml"));
  try {
    redact::any(one + two.substr(0, 40), {}, "cut.wbxml");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.where().offset.value_or(0) >= one.size());
    CHECK(e.message().find("truncated") != std::string::npos);
  }
  CHECK_THROWS_AS(redact::any(one + "junk", {}, "junk.wbxml"), Error);
}
