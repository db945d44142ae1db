// The three steps of an enrolment over HTTP: discovery (GET probe, Discover POST), policy
// (GetPolicies, when the discovery names a policy service), certificate request
// (RequestSecurityToken).
#include <string>

#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::enroll {

namespace {

// Posts one SOAP request; a fault in the answer becomes a FaultError whatever the HTTP status
// (servers send faults with 500 as SOAP 1.2 says, or with 200), other statuses outside 2xx a
// transport error.
net::HttpResponse post(net::HttpClient& http, const std::string& step, const std::string& url, const std::string& body,
                       const std::function<void(const Exchange&)>& observer) {
  net::HttpResponse response = http.post(url, kSoapMediaType, body);
  if (observer) observer(Exchange{step, "POST", url, body, response});
  if (auto fault = find_fault(response.body)) throw FaultError(*fault, step);
  if (response.status < 200 || response.status > 299)
    throw Error(ErrorKind::transport, "the " + step + " request to " + url + " got HTTP status " + std::to_string(response.status));
  return response;
}

void check_policy(const Discovery& d, const Credential& c) {
  if (d.auth_policy == c.policy) return;
  if (d.auth_policy == AuthPolicy::certificate)
    throw Error(ErrorKind::auth, "the server asks for Certificate authentication, which is not supported");
  throw Error(ErrorKind::auth, "the server asks for " + std::string(auth_policy_name(d.auth_policy)) +
                                   " authentication, the credentials given are for " +
                                   std::string(auth_policy_name(c.policy)) +
                                   (d.auth_policy == AuthPolicy::federated ? " (a security token is needed)"
                                                                           : " (a user name and password are needed)"));
}

}  // namespace

std::string_view auth_policy_name(AuthPolicy policy) {
  switch (policy) {
    case AuthPolicy::federated: return "Federated";
    case AuthPolicy::certificate: return "Certificate";
    case AuthPolicy::on_premise: break;
  }
  return "OnPremise";
}

std::optional<AuthPolicy> parse_auth_policy(std::string_view name) {
  for (AuthPolicy p : {AuthPolicy::on_premise, AuthPolicy::federated, AuthPolicy::certificate})
    if (iequals(name, auth_policy_name(p))) return p;
  return std::nullopt;
}

std::string discovery_url_for_email(std::string_view email) {
  auto at = email.rfind('@');
  std::string_view domain = at == std::string_view::npos ? std::string_view{} : email.substr(at + 1);
  if (domain.empty() || domain.front() == '.' || domain.back() == '.')
    throw Error(ErrorKind::usage, "\"" + std::string(email) + "\" is not an e-mail address with a domain");
  for (char c : domain) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) throw Error(ErrorKind::usage, "the domain of \"" + std::string(email) + "\" is not a host name");
  }
  return "https://enterpriseenrollment." + ascii_lower(domain) + "/EnrollmentServer/Discovery.svc";
}

EnrolResult enrol(net::HttpClient& http, const EnrolRequest& request, const std::function<void(const Exchange&)>& observer) {
  EnrolResult r;
  r.discovery_url = request.discovery_url.empty() ? discovery_url_for_email(request.discover.email) : request.discovery_url;
  if (request.probe) {
    // Windows first GETs the discovery URL; its status does not matter, only that the host answers.
    net::HttpResponse probe = http.get(r.discovery_url);
    if (observer) observer(Exchange{"discovery probe", "GET", r.discovery_url, {}, probe});
  }
  DiscoverRequest discover = request.discover;
  discover.auth_policies = {request.credential.policy};
  std::string body = build_discover(discover, new_message_id(), r.discovery_url);
  r.discovery = parse_discover_response(post(http, "discovery", r.discovery_url, body, observer).body, r.discovery_url);
  check_policy(r.discovery, request.credential);

  if (!r.discovery.policy_url.empty()) {
    body = build_get_policies(request.credential, new_message_id(), r.discovery.policy_url);
    r.policy = parse_get_policies_response(post(http, "policy", r.discovery.policy_url, body, observer).body,
                                           r.discovery.policy_url);
  }
  std::string subject = request.subject.empty() ? request.device.device_id : request.subject;
  r.key = make_key_request(r.policy, subject);
  ContextItems items = context_items(request.device, request.context_overrides);
  body = build_request_security_token(request.credential, r.key.csr_base64, items, new_message_id(),
                                      r.discovery.enrollment_url);
  r.issued = parse_request_security_token_response(
      post(http, "enrolment", r.discovery.enrollment_url, body, observer).body, r.discovery.enrollment_url);
  return r;
}

}  // namespace syncmldm::enroll
