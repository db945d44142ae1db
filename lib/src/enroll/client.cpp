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
  const char* needed = d.auth_policy == AuthPolicy::federated     ? " (a security token is needed)"
                       : d.auth_policy == AuthPolicy::certificate ? " (a client certificate and its key are needed)"
                                                                  : " (a user name and password are needed)";
  throw Error(ErrorKind::auth, "the server asks for " + std::string(auth_policy_name(d.auth_policy)) +
                                   " authentication, the credentials given are for " +
                                   std::string(auth_policy_name(c.policy)) + needed);
}

// With Certificate authentication a server that does not trust the client certificate ends
// the TLS handshake with an alert (or, in TLS 1.3, right after it): that is a refusal of the
// credential, not a broken transport.
bool refused_certificate(const Error& e) {
  if (e.kind() != ErrorKind::transport) return false;
  const std::string& m = e.message();
  for (const char* alert : {"alert unknown ca", "alert bad certificate", "alert certificate unknown",
                            "alert certificate required", "alert access denied", "alert certificate revoked",
                            "alert certificate expired", "alert unsupported certificate"})
    if (m.find(alert) != std::string::npos) return true;
  return false;
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

std::string discovery_url_for_email(std::string_view email, int port) {
  std::string url = discovery_url_for_email(email);
  if (port == 0 || port == 443) return url;
  if (port < 0 || port > 65535) throw Error(ErrorKind::usage, "the discovery port must be from 1 to 65535");
  auto path = url.find('/', std::string_view("https://").size());
  return url.insert(path, ":" + std::to_string(port));
}

namespace {

EnrolResult run(net::HttpClient& http, const EnrolRequest& request, const std::function<void(const Exchange&)>& observer) {
  EnrolResult r;
  r.discovery_url = request.discovery_url.empty() ? discovery_url_for_email(request.discover.email, request.discovery_port)
                                                  : request.discovery_url;
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
  r.key = request.make_key ? request.make_key(r.policy, subject) : make_key_request(r.policy, subject);
  ContextItems items = context_items(request.device, request.context_overrides);
  body = build_request_security_token(request.credential, r.key.csr_base64, items, new_message_id(),
                                      r.discovery.enrollment_url);
  r.issued = parse_request_security_token_response(
      post(http, "enrolment", r.discovery.enrollment_url, body, observer).body, r.discovery.enrollment_url);
  return r;
}

}  // namespace

EnrolResult enrol(net::HttpClient& http, const EnrolRequest& request, const std::function<void(const Exchange&)>& observer) {
  try {
    return run(http, request, observer);
  } catch (const FaultError&) {
    throw;
  } catch (const Error& e) {
    if (request.credential.policy != AuthPolicy::certificate || !refused_certificate(e)) throw;
    throw Error(ErrorKind::auth, "the server refused the client certificate (Certificate authentication): " + e.message());
  }
}

bool answers_without_certificate(net::HttpOptions options, const std::string& url) {
  options.tls.cert.clear();
  options.tls.key.clear();
  options.tls.key_password.clear();
  options.retries_on_429 = 0;
  try {
    net::HttpClient http(std::move(options));
    http.get(url);
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace syncmldm::enroll
