// Reading what enrolment servers answer: DiscoverResponse, GetPoliciesResponse,
// RequestSecurityTokenResponseCollection, and SOAP faults. Elements are matched by local name
// (ASCII case-insensitive: Microsoft's own fault sample is written in lower case), and text is
// trimmed (the samples wrap URLs in line breaks). Namespaces are not compared: the samples mix
// SOAP 1.1 and 1.2 envelopes.
#include <string>

#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/util/text.hpp"
#include "syncmldm/xml/xml.hpp"

namespace syncmldm::enroll {

namespace {

using xml::Node;  // libsyncmldm_net reads XML through the public handles only

std::string trimmed(std::string s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

const Node* child_ci(const Node* parent, std::string_view name) {
  if (!parent) return nullptr;
  for (const Node* n = xml::first_element(parent); n; n = xml::next_element(n))
    if (iequals(xml::local_name(n), name)) return n;
  return nullptr;
}

const Node* path(const Node* n, std::initializer_list<std::string_view> names) {
  for (auto name : names) n = child_ci(n, name);
  return n;
}

std::string text_at(const Node* n, std::initializer_list<std::string_view> names) {
  n = path(n, names);
  return n ? trimmed(xml::text(n)) : std::string();
}

std::string attribute_text(const Node* n, std::string_view local) {
  return std::string(xml::attribute(n, local).value_or(""));
}

// The Body of an envelope, after turning a fault into a FaultError.
struct Envelope {
  xml::Document doc;
  const Node* body = nullptr;
};

Envelope open(std::string_view text, const std::string& source, const std::string& step) {
  Envelope e{xml::Document::parse(text, source), nullptr};
  const Node* root = e.doc.root();
  if (!root || !iequals(xml::local_name(root), "Envelope"))
    throw Error(ErrorKind::input, "the " + step + " answer is not a SOAP envelope",
                root ? e.doc.location_of(root) : Location{source});
  e.body = child_ci(root, "Body");
  if (!e.body) throw Error(ErrorKind::input, "the " + step + " answer has no SOAP Body", e.doc.location_of(root));
  if (auto fault = find_fault(text)) throw FaultError(*fault, step);
  return e;
}

[[noreturn]] void missing(const Envelope& e, const Node* at, const std::string& what, const std::string& step) {
  throw Error(ErrorKind::input, "the " + step + " answer has no " + what, e.doc.location_of(at ? at : e.body));
}

}  // namespace

Discovery parse_discover_response(std::string_view xml_text, const std::string& source) {
  const std::string step = "discovery";
  Envelope e = open(xml_text, source, step);
  const Node* result = path(e.body, {"DiscoverResponse", "DiscoverResult"});
  if (!result) missing(e, e.body, "DiscoverResponse/DiscoverResult", step);
  Discovery d;
  std::string policy = text_at(result, {"AuthPolicy"});
  if (policy.empty()) missing(e, result, "AuthPolicy", step);
  auto parsed = parse_auth_policy(policy);
  if (!parsed)
    throw Error(ErrorKind::input, "the discovery answer names an unknown AuthPolicy \"" + policy + "\"",
                e.doc.location_of(child_ci(result, "AuthPolicy")));
  d.auth_policy = *parsed;
  d.enrollment_url = text_at(result, {"EnrollmentServiceUrl"});
  if (d.enrollment_url.empty()) missing(e, result, "EnrollmentServiceUrl", step);
  d.policy_url = text_at(result, {"EnrollmentPolicyServiceUrl"});
  d.authentication_url = text_at(result, {"AuthenticationServiceUrl"});
  d.enrollment_version = text_at(result, {"EnrollmentVersion"});
  return d;
}

std::string_view digest_of_oid(std::string_view oid) {
  static constexpr std::pair<std::string_view, std::string_view> kOids[] = {
      {"1.3.14.3.2.26", "sha1"},           {"1.3.14.3.2.29", "sha1"},           {"1.2.840.113549.1.1.5", "sha1"},
      {"2.16.840.1.101.3.4.2.1", "sha256"}, {"1.2.840.113549.1.1.11", "sha256"}, {"2.16.840.1.101.3.4.2.2", "sha384"},
      {"1.2.840.113549.1.1.12", "sha384"},  {"2.16.840.1.101.3.4.2.3", "sha512"}, {"1.2.840.113549.1.1.13", "sha512"}};
  for (const auto& [o, d] : kOids)
    if (o == oid) return d;
  return {};
}

Policy parse_get_policies_response(std::string_view xml_text, const std::string& source) {
  const std::string step = "policy";
  Envelope e = open(xml_text, source, step);
  const Node* response = child_ci(e.body, "GetPoliciesResponse");
  if (!response) missing(e, e.body, "GetPoliciesResponse", step);
  Policy p;
  p.from_server = true;
  const Node* attrs = path(response, {"response", "policies", "policy", "attributes"});
  if (!attrs) return p;  // no policy: the documented defaults
  p.template_name = text_at(attrs, {"commonName"});
  if (auto schema = text_at(attrs, {"policySchema"}); !schema.empty()) p.policy_schema = std::atoi(schema.c_str());
  std::string length = text_at(attrs, {"privateKeyAttributes", "minimalKeyLength"});
  if (!length.empty()) {
    char* end = nullptr;
    long n = std::strtol(length.c_str(), &end, 10);
    if (*end != '\0' || n <= 0 || n > 1'000'000)
      throw Error(ErrorKind::input, "the policy's minimalKeyLength \"" + length + "\" is not a key length",
                  e.doc.location_of(path(attrs, {"privateKeyAttributes", "minimalKeyLength"})));
    p.min_key_length = static_cast<int>(n);
  }
  std::string ref = text_at(attrs, {"hashAlgorithmOIDReference"});
  if (ref.empty()) return p;
  // The reference names an oID of the response by its oIDReferenceID.
  const Node* oids = child_ci(response, "oIDs");
  for (const Node* o = oids ? xml::first_element(oids) : nullptr; o; o = xml::next_element(o)) {
    if (text_at(o, {"oIDReferenceID"}) != ref) continue;
    p.hash_oid = text_at(o, {"value"});
    std::string_view digest = digest_of_oid(p.hash_oid);
    if (digest.empty())
      throw Error(ErrorKind::input, "the policy asks for hash algorithm " + p.hash_oid + ", which is not supported",
                  e.doc.location_of(o));
    p.hash = std::string(digest);
    return p;
  }
  throw Error(ErrorKind::input, "the policy's hashAlgorithmOIDReference " + ref + " names no oID of the answer",
              e.doc.location_of(child_ci(attrs, "hashAlgorithmOIDReference")));
}

Issued parse_request_security_token_response(std::string_view xml_text, const std::string& source) {
  const std::string step = "enrolment";
  Envelope e = open(xml_text, source, step);
  const Node* rstr = path(e.body, {"RequestSecurityTokenResponseCollection", "RequestSecurityTokenResponse"});
  if (!rstr) missing(e, e.body, "RequestSecurityTokenResponseCollection/RequestSecurityTokenResponse", step);
  Issued issued;
  issued.token_type = text_at(rstr, {"TokenType"});
  issued.request_id = text_at(rstr, {"RequestID"});
  const Node* token = path(rstr, {"RequestedSecurityToken", "BinarySecurityToken"});
  if (!token) missing(e, rstr, "RequestedSecurityToken/BinarySecurityToken", step);
  std::string encoding = attribute_text(token, "EncodingType");
  std::string content = trimmed(xml::text(token));
  if (!encoding.empty() && !iends_with(encoding, "base64binary"))
    throw Error(ErrorKind::input, "the issued token's EncodingType is " + encoding + ", not base64binary",
                e.doc.location_of(token));
  auto decoded = base64::decode(content);
  if (!decoded) throw Error(ErrorKind::input, "the issued token is not valid Base64", e.doc.location_of(token));
  issued.provisioning_xml = std::move(*decoded);
  return issued;
}

}  // namespace syncmldm::enroll
