// The enroll layer against Microsoft's own samples (testdata/enroll/README.md names their
// sections): the responses parse, and our requests match the sample requests element by element
// (names, namespaces, attributes, fixed texts such as actions and token types).
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "syncmldm/device/provision.hpp"
#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/net/session.hpp"
#include "syncmldm/prov/prov.hpp"
#include "syncmldm/tree/ddf_load.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/util/base64.hpp"
#include "xml/dom.hpp"

using namespace syncmldm;
namespace dom = syncmldm::xml::dom;

namespace {

std::string sample(const std::string& name) {
  std::ifstream in(std::string(SYNCMLDM_TESTDATA) + "/enroll/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string trimmed(std::string s) {
  auto b = s.find_first_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The namespace a prefix stands for at `n` ("" prefix: the default namespace).
std::string resolve(const dom::Node* n, std::string_view prefix) {
  std::string wanted = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (; n && dom::is_element(n); n = n->parent())
    for (auto* a = n->first_attribute(); a; a = a->next_attribute())
      if (std::string_view(a->name(), a->name_size()) == wanted) return {a->value(), a->value_size()};
  return {};
}

// Attributes as {namespace}local=value, without namespace declarations and without u:Id (random).
std::set<std::string> attributes(const dom::Node* n) {
  std::set<std::string> out;
  for (auto* a = n->first_attribute(); a; a = a->next_attribute()) {
    std::string_view name(a->name(), a->name_size());
    if (name == "xmlns" || name.substr(0, 6) == "xmlns:") continue;
    auto colon = name.find(':');
    std::string ns = colon == std::string_view::npos ? "" : resolve(n, name.substr(0, colon));
    std::string local(colon == std::string_view::npos ? name : name.substr(colon + 1));
    if (local == "Id") continue;
    out.insert("{" + ns + "}" + local + "=" + trimmed(std::string(a->value(), a->value_size())));
  }
  return out;
}

std::vector<const dom::Node*> elements(const dom::Node* n) {
  std::vector<const dom::Node*> out;
  for (const dom::Node* c = n->first_node(); c; c = c->next_sibling())
    if (dom::is_element(c)) out.push_back(c);
  return out;
}

// Texts that differ by nature between two requests (ids, addresses, credentials, device values).
const std::set<std::string> kVarying{"MessageID", "To", "Username", "Password", "EmailAddress", "OSEdition",
                                     "RequestVersion", "DeviceType", "ApplicationVersion", "BinarySecurityToken", "Value"};

// Compares the sample's element with ours, recursively; `path` names the place in failures.
void compare(const dom::Node* want, const dom::Node* got, const std::string& path) {
  std::string here = path + "/" + std::string(xml::local_name(want));
  CHECK_MESSAGE(xml::local_name(got) == xml::local_name(want), here);
  CHECK_MESSAGE(std::string(xml::namespace_of(got)) == std::string(xml::namespace_of(want)), here);
  CHECK_MESSAGE(attributes(got) == attributes(want), here);
  auto w = elements(want), g = elements(got);
  if (w.empty() && !kVarying.count(std::string(xml::local_name(want))))
    CHECK_MESSAGE(trimmed(xml::text(got)) == trimmed(xml::text(want)), here);
  if (xml::local_name(want) == "AdditionalContext") return;  // the items are the device's (compared below)
  REQUIRE_MESSAGE(g.size() == w.size(), here);
  for (std::size_t i = 0; i < w.size(); ++i) compare(w[i], g[i], here);
}

void compare_documents(const std::string& sample_text, const std::string& ours) {
  auto want = xml::Document::parse(sample_text, "sample");
  auto got = xml::Document::parse(ours, "ours");
  compare(dom::root(want), dom::root(got), "");
}

enroll::Credential password() {
  enroll::Credential c;
  c.user = "user@contoso.com";
  c.password = "mypassword";
  return c;
}

template <typename F>
enroll::Fault fault_of(F&& f) {
  try {
    f();
  } catch (const enroll::FaultError& e) {
    return e.fault();
  }
  FAIL("no fault");
  return {};
}

}  // namespace

TEST_CASE("enroll: our Discover matches the sample request element by element") {
  enroll::DiscoverRequest r;
  r.email = "user@contoso.com";
  compare_documents(sample("discover-request.xml"),
                    enroll::build_discover(r, enroll::new_message_id(), "https://enrolltest.contoso.com/EnrollmentServer/Discovery.svc"));
}

TEST_CASE("enroll: our GetPolicies matches the OnPremise and Federated samples") {
  compare_documents(sample("get-policies-request-onpremise.xml"),
                    enroll::build_get_policies(password(), enroll::new_message_id(), "https://x/p"));
  enroll::Credential token;
  token.policy = enroll::AuthPolicy::federated;
  token.token = "opaque";
  std::string ours = enroll::build_get_policies(token, enroll::new_message_id(), "https://x/p");
  compare_documents(sample("get-policies-request-federated.xml"), ours);
  CHECK(ours.find(base64::encode("opaque")) != std::string::npos);  // the token travels Base64-encoded
}

TEST_CASE("enroll: our RequestSecurityToken matches the sample, AdditionalContext item by item") {
  enroll::DeviceContext d;
  d.device_id = "7BA748C8-703E-4DF2-A74A-92984117346A";
  auto items = enroll::context_items(d);
  std::string ours = enroll::build_request_security_token(password(), "TUlJQw==", items, enroll::new_message_id(), "https://x/e");
  compare_documents(sample("rst-request-onpremise.xml"), ours);
  auto doc = xml::Document::parse(ours, "ours");
  const dom::Node* context = dom::root(doc);
  for (auto name : {"Body", "RequestSecurityToken", "AdditionalContext"}) context = xml::child(context, name);
  REQUIRE(context);
  std::vector<std::pair<std::string, std::string>> seen;
  for (const dom::Node* item : elements(context)) {
    CHECK(xml::local_name(item) == "ContextItem");
    CHECK(std::string(xml::namespace_of(item)) == enroll::kAuthorizationNs);
    const dom::Node* value = xml::child(item, "Value");
    REQUIRE(value);
    const dom::Attribute* name = item->first_attribute("Name");
    REQUIRE(name);
    seen.emplace_back(std::string(name->value(), name->value_size()), xml::text(value));
  }
  CHECK(seen == items);
  for (auto name : {"DeviceID", "EnrollmentType", "DeviceType", "OSVersion", "ApplicationVersion", "OSEdition", "HWDevID"}) {
    bool found = false;
    for (const auto& [n, v] : seen) found = found || n == name;
    CHECK_MESSAGE((found || std::string(name) == "HWDevID"), name);  // HWDevID only when one is given
  }
}

TEST_CASE("enroll: AdditionalContext overrides replace, remove and add items") {
  enroll::DeviceContext d;
  d.device_id = "D1";
  auto items = enroll::context_items(d, {{"EnrollmentType", "Device"}, {"MAC", ""}, {"IMEI", "490154203237518"}});
  auto count = [&](std::string_view name) {
    return std::count_if(items.begin(), items.end(), [&](const auto& i) { return i.first == name; });
  };
  CHECK(count("MAC") == 0);
  CHECK(count("EnrollmentType") == 1);
  CHECK(items.back() == std::pair<std::string, std::string>{"IMEI", "490154203237518"});
  CHECK(std::find(items.begin(), items.end(), std::pair<std::string, std::string>{"EnrollmentType", "Device"}) != items.end());
}

TEST_CASE("enroll: the sample discovery responses give the policy and the service URLs") {
  auto on = enroll::parse_discover_response(sample("discover-response-onpremise.xml"), "on.xml");
  CHECK(on.auth_policy == enroll::AuthPolicy::on_premise);
  CHECK(on.enrollment_url == "https://enrolltest.contoso.com/ENROLLMENTSERVER/DEVICEENROLLMENTWEBSERVICE.SVC");
  CHECK(on.policy_url == on.enrollment_url);
  CHECK(on.authentication_url.empty());
  CHECK(on.enrollment_version == "3.0");
  auto fed = enroll::parse_discover_response(sample("discover-response-federated.xml"), "fed.xml");
  CHECK(fed.auth_policy == enroll::AuthPolicy::federated);
  CHECK(fed.authentication_url == "https://portal.manage.contoso.com/LoginRedirect.aspx");
}

TEST_CASE("enroll: the sample policy response gives key length, hash and template") {
  auto p = enroll::parse_get_policies_response(sample("get-policies-response.xml"), "p.xml");
  CHECK(p.min_key_length == 2048);
  CHECK(p.hash_oid == "1.3.14.3.2.29");
  CHECK(p.hash == "sha1");
  CHECK(p.template_name == "CEPUnitTest");
  CHECK(p.policy_schema == 3);
}

TEST_CASE("enroll: the sample enrolment response is read, and its placeholder token is not Base64") {
  std::string rstr = sample("rstr.xml");
  try {
    enroll::parse_request_security_token_response(rstr, "rstr.xml");
    FAIL("the placeholder decoded");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::input);
    CHECK(e.message().find("not valid Base64") != std::string::npos);
    CHECK(e.where().line > 0);
  }
  // With the sample provisioning document in place of the placeholder.
  std::string doc = sample("provisioning.xml");
  rstr.replace(rstr.find("B64EncodedSampleBinarySecurityToken"), 35, base64::encode(doc));
  auto issued = enroll::parse_request_security_token_response(rstr, "rstr.xml");
  CHECK(issued.provisioning_xml == doc);
  CHECK(issued.request_id == "0");
  CHECK(issued.token_type == enroll::kTokenType);
  auto parsed = prov::read(issued.provisioning_xml, "doc");
  CHECK(parsed.characteristics.size() == 2);
}

TEST_CASE("enroll: the sample faults carry their subcode, text and documented meaning") {
  auto f = fault_of([] { enroll::parse_discover_response(sample("fault-authorization.xml"), "f.xml"); });
  CHECK(f.code == "s:receiver");
  CHECK(f.subcode == "s:authorization");
  CHECK(f.reason == "This User is not authorized to enroll");
  CHECK(f.error_name == "MENROLL_E_DEVICE_AUTHORIZATION_ERROR");
  CHECK(f.hresult == "0x80180003");
  CHECK_FALSE(f.authentication);
  auto cap = fault_of([] { enroll::parse_request_security_token_response(sample("fault-devicecap.xml"), "f.xml"); });
  CHECK(cap.error_type == "devicecapreached");
  CHECK(cap.error_name == "MENROLL_E_DEVICECAPREACHED");
  CHECK(cap.hresult == "0x80180013");
  CHECK(cap.trace_id == "2493ee37-beeb-4cb9-833c-cadde9067645");
  CHECK(enroll::describe(cap).find("device cap reached") != std::string::npos);
}

TEST_CASE("enroll: an authentication fault is an authentication error") {
  std::string text = sample("fault-authorization.xml");
  text.replace(text.find("s:authorization"), 15, "s:Authentication");
  try {
    enroll::parse_get_policies_response(text, "f.xml");
    FAIL("no error");
  } catch (const enroll::FaultError& e) {
    CHECK(e.kind() == ErrorKind::auth);
    CHECK(e.step() == "policy");
    CHECK(e.message().find("0x80180002") != std::string::npos);
  }
}

TEST_CASE("enroll: answers that are not what the step expects are input errors with a place") {
  CHECK_THROWS_AS(enroll::parse_discover_response("<a/>", "x.xml"), Error);
  try {
    enroll::parse_discover_response(
        "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><DiscoverResponse><DiscoverResult>"
        "<AuthPolicy>Kerberos</AuthPolicy></DiscoverResult></DiscoverResponse></s:Body></s:Envelope>",
        "x.xml");
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.message().find("Kerberos") != std::string::npos);
    CHECK(e.where().line == 1);
  }
  std::string p = sample("get-policies-response.xml");
  p.replace(p.find("<oIDReferenceID>0"), 17, "<oIDReferenceID>7");
  CHECK_THROWS_WITH_AS(enroll::parse_get_policies_response(p, "p.xml"),
                       doctest::Contains("names no oID"), Error);
}

TEST_CASE("enroll: the discovery URL of an e-mail address") {
  CHECK(enroll::discovery_url_for_email("user@Contoso.com") ==
        "https://enterpriseenrollment.contoso.com/EnrollmentServer/Discovery.svc");
  CHECK_THROWS_AS(enroll::discovery_url_for_email("user"), Error);
  CHECK_THROWS_AS(enroll::discovery_url_for_email("user@exa mple.com"), Error);
  CHECK_THROWS_AS(enroll::discovery_url_for_email("user@/evil"), Error);
}

TEST_CASE("enroll: key and request follow the policy") {
  enroll::Policy p;
  p.hash = "sha256";
  auto k = enroll::make_key_request(p, "DEV-1");
  CHECK(k.private_key_pem.find("BEGIN PRIVATE KEY") != std::string::npos);
  CHECK(base64::decode(k.csr_base64) == k.csr_der);
  p.hash = "md4-nonsense";
  CHECK_THROWS_AS(enroll::make_key_request(p, "DEV-1"), Error);
  p.hash = "sha256";
  p.min_key_length = 1 << 20;
  CHECK_THROWS_AS(enroll::make_key_request(p, "DEV-1"), Error);
}

TEST_CASE("enroll: traces lose passwords, tokens, private keys and account secrets") {
  enroll::Credential token;
  token.policy = enroll::AuthPolicy::federated;
  token.token = "very-secret-token";
  std::string text = enroll::build_get_policies(password(), "m", "t") + enroll::build_get_policies(token, "m", "t") +
                     "\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN\n-----END PRIVATE KEY-----\n" +
                     "<parm name=\"AAUTHSECRET\" value=\"password1\"/>" +
                     "<wsse:BinarySecurityToken ValueType=\"" + std::string(enroll::kPkcs10ValueType) +
                     "\">PUBLICREQUEST</wsse:BinarySecurityToken>";
  std::string masked = enroll::mask_secrets(text);
  CHECK(masked.find("mypassword") == std::string::npos);
  CHECK(masked.find(base64::encode("very-secret-token")) == std::string::npos);
  CHECK(masked.find("MIIEvQIBADAN") == std::string::npos);
  CHECK(masked.find("password1") == std::string::npos);
  CHECK(masked.find("PUBLICREQUEST") != std::string::npos);  // the request is public: kept
  CHECK(masked.find("user@contoso.com") != std::string::npos);
}

TEST_CASE("enroll: an enrolled state gives the session, and package 1 carries the unenrolment alert") {
  ddf::LoadOptions lo;
  lo.standard_objects = true;
  auto tree = tree::make_standard_tree({}, ddf::load_schema({}, lo), "20260101T000000Z");
  std::ifstream in(std::string(SYNCMLDM_TESTDATA) + "/prov/enrollment.xml", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  device::provision(tree, prov::read(text.str(), "enrollment.xml"));
  tree::set_leaf(tree, "./Vendor/MSFT/DMClient/HWDevID", "HW-1", "20260101T000000Z");
  CHECK_FALSE(enroll::enrolled_session(tree));  // no record: not enrolled by dm-enroll
  enroll::Record rec;
  rec.provider_id = "ContosoMDM";
  rec.cert_file = "/certs/dev.pem";
  rec.key_file = "/certs/dev.key";
  enroll::write_record(tree, rec);
  auto s = enroll::enrolled_session(tree);
  REQUIRE(s);
  CHECK(s->url == "https://mdm.contoso.example/ManagementServer/MDM.svc");
  CHECK_FALSE(s->wbxml);
  CHECK(s->record.key_file == "/certs/dev.key");
  CHECK(s->headers == std::vector<std::string>{"client-request-id: 0000-0042"});

  std::string sent;
  auto transport = [&](const std::string&, std::string_view, std::string_view body, const std::vector<std::string>&) {
    sent = std::string(body);
    net::HttpResponse r;
    r.status = 200;  // an empty answer ends the session
    return r;
  };
  session::Channel channel(session::Channel::Transport(transport), {}, false, {});
  session::ClientOptions co;
  co.url = s->url;
  co.session_id = "1";
  co.login_status = session::LoginStatus::user;
  co.generic_alerts.push_back({std::string(enroll::kUnenrollType), "int", "critical", "1"});
  co.package1_nodes = s->package1_nodes;
  session::run_client(channel, tree, co);
  auto doc = xml::Document::parse(sent, "package1");
  std::vector<std::string> alerts;
  const dom::Node* body = xml::child(dom::root(doc), "SyncBody");
  for (const dom::Node* c : elements(body))
    if (xml::local_name(c) == "Alert") alerts.push_back(trimmed(xml::text(xml::child(c, "Data"))));
  CHECK(alerts == std::vector<std::string>{"1201", "1224", "1226"});
  CHECK(sent.find("<Mark xmlns=\"syncml:metinf\">critical</Mark>") != std::string::npos);
  CHECK(sent.find("<Type xmlns=\"syncml:metinf\">com.microsoft:mdm.unenrollment.userrequest</Type>") != std::string::npos);
  CHECK(sent.find("<LocURI>./Vendor/MSFT/DMClient/HWDevID</LocURI></Source><Data>HW-1</Data>") != std::string::npos);
}
