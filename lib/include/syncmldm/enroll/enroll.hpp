#pragma once
// Enrolment of a Windows device into an MDM server, as [MS-MDE2] describes it (doc/enrollment.md):
// discovery ([MS-MDE2] Discover), the certificate enrolment policy ([MS-XCEP] GetPolicies) and the
// certificate request ([MS-WSTEP] RequestSecurityToken), whose answer holds the client
// certificate and a provisioning document. The messages are SOAP 1.2 over HTTPS; the builders
// write them in the shape Windows sends, the readers take what servers answer, and a SOAP fault
// becomes a FaultError with the documented meaning of its subcode.
//
//   net::HttpClient http(options);
//   auto result = enroll::enrol(http, request);   // discovery, policy, certificate
//   auto doc = prov::read(result.provisioning_xml, "enrolment");

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syncmldm/net/net.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::tree {
class Tree;
}
namespace syncmldm::prov {
struct Document;
}

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::enroll {

// ---- names on the wire ([MS-MDE2] 2.2, [MS-XCEP] 3.1.4.1, [MS-WSTEP] 3.1.4.1)
inline constexpr std::string_view kSoapNs = "http://www.w3.org/2003/05/soap-envelope";
inline constexpr std::string_view kAddressingNs = "http://www.w3.org/2005/08/addressing";
inline constexpr std::string_view kDiscoveryNs = "http://schemas.microsoft.com/windows/management/2012/01/enrollment";
inline constexpr std::string_view kPolicyNs = "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy";
inline constexpr std::string_view kEnrollmentNs = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment";
inline constexpr std::string_view kWsseNs =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
inline constexpr std::string_view kWsuNs =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
inline constexpr std::string_view kTrustNs = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
inline constexpr std::string_view kAuthorizationNs = "http://schemas.xmlsoap.org/ws/2006/12/authorization";
inline constexpr std::string_view kDiscoverAction =
    "http://schemas.microsoft.com/windows/management/2012/01/enrollment/IDiscoveryService/Discover";
inline constexpr std::string_view kGetPoliciesAction =
    "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy/IPolicy/GetPolicies";
inline constexpr std::string_view kRstAction = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment/RST/wstep";
inline constexpr std::string_view kTokenType =
    "http://schemas.microsoft.com/5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentToken";
inline constexpr std::string_view kIssue = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue";
inline constexpr std::string_view kPkcs10ValueType = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment#PKCS10";
inline constexpr std::string_view kUserTokenValueType =
    "http://schemas.microsoft.com/5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentUserToken";
inline constexpr std::string_view kBase64Encoding =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd#base64binary";
inline constexpr std::string_view kPasswordText =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
inline constexpr std::string_view kRenew = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Renew";
inline constexpr std::string_view kX509v3ValueType =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
inline constexpr std::string_view kDsigNs = "http://www.w3.org/2000/09/xmldsig#";
inline constexpr std::string_view kExcC14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
inline constexpr std::string_view kSoapMediaType = "application/soap+xml; charset=utf-8";
inline constexpr std::string_view kUserAgent = "ENROLLClient";

// ---- authentication ([MS-MDE2] 2.2.9.1)
enum class AuthPolicy { on_premise, federated, certificate };
// "OnPremise", "Federated", "Certificate".
std::string_view auth_policy_name(AuthPolicy policy);
std::optional<AuthPolicy> parse_auth_policy(std::string_view name);

// What the device authenticates with: a user name and password (OnPremise, WS-Security
// UsernameToken), a security token from the server's authentication page (Federated,
// BinarySecurityToken, the token's bytes Base64-encoded as Windows sends them), or an existing
// client certificate and its key (Certificate: the certificate as a BinarySecurityToken with a
// Timestamp signed by the key, and the same certificate in TLS; the HttpClient must be given the
// certificate and key files too).
struct Credential {
  AuthPolicy policy = AuthPolicy::on_premise;
  std::string user;
  std::string password;  // secret
  std::string token;     // secret (raw bytes as the authentication page returned them)
  std::string certificate_pem;       // Certificate: the client certificate (the first of the PEM)
  std::string private_key_pem;       // Certificate: its private key (secret)
  std::string private_key_password;  // Certificate: the key's passphrase when encrypted (secret)
};

// ---- discovery
// The discovery URL Windows derives from an e-mail address: the domain after '@' with the
// "enterpriseenrollment." prefix and the fixed path. Throws Error{usage} for an address
// without a domain or with characters a host name cannot hold.
std::string discovery_url_for_email(std::string_view email);
// The same with the port written into the URL (`port` 1..65535; 0 or 443: none, the convention's
// HTTPS port). For servers and tests that do not listen on 443. Throws Error{usage} for another port.
std::string discovery_url_for_email(std::string_view email, int port);

struct DiscoverRequest {
  std::string email;                      // EmailAddress (a user name is accepted by servers too)
  std::string request_version = "5.0";
  std::string device_type = "CIMClient_Windows";
  std::string application_version = "10.0.26100.1";
  std::string os_edition = "48";          // 48: Windows Professional ([MS-MDE2] 2.2.9.6)
  std::vector<AuthPolicy> auth_policies{AuthPolicy::on_premise};
};
// The Discover envelope. `message_id` is written as the MessageID ("urn:uuid:..."), `to` as To.
std::string build_discover(const DiscoverRequest& request, std::string_view message_id, std::string_view to);

struct Discovery {
  AuthPolicy auth_policy = AuthPolicy::on_premise;
  std::string policy_url;          // EnrollmentPolicyServiceUrl ("" when absent: no policy step)
  std::string enrollment_url;      // EnrollmentServiceUrl
  std::string authentication_url;  // AuthenticationServiceUrl (Federated)
  std::string enrollment_version;  // EnrollmentVersion, "" when absent
};
// Reads a DiscoverResponse. Throws FaultError for a SOAP fault, Error{input} with the place for
// anything else that is not a DiscoverResponse with AuthPolicy and EnrollmentServiceUrl.
Discovery parse_discover_response(std::string_view xml, const std::string& source_name);

// ---- policy ([MS-XCEP])
std::string build_get_policies(const Credential& credential, std::string_view message_id, std::string_view to);

struct Policy {
  int min_key_length = 2048;       // minimalKeyLength; 2048 when the policy gives none
  std::string hash = "sha1";       // OpenSSL digest name of hashAlgorithmOIDReference; SHA-1 by default
  std::string hash_oid;            // the OID the reference named, "" when none
  std::string template_name;       // the policy's commonName
  int policy_schema = 0;
  bool from_server = false;        // false: no policy service, the documented defaults
};
// Reads a GetPoliciesResponse: the first policy's key length, hash reference resolved through
// oIDs, and template name. Throws FaultError / Error{input} as parse_discover_response.
Policy parse_get_policies_response(std::string_view xml, const std::string& source_name);
// OpenSSL digest name for a hash or signature OID ("1.3.14.3.2.29" -> "sha1"); "" when unknown.
std::string_view digest_of_oid(std::string_view oid);

// ---- key and certificate request
struct KeyRequest {
  std::string private_key_pem;  // secret: PKCS#8 PEM
  std::string csr_der;          // PKCS#10, DER
  std::string csr_base64;       // the same in Base64, as the BinarySecurityToken carries it
};
// An RSA key of `policy.min_key_length` bits (at least 2048) and a PKCS#10 request with subject
// CN=`subject`, signed with the policy's hash. Throws Error{input} for a key length outside
// 2048..16384 or an unknown hash.
KeyRequest make_key_request(const Policy& policy, std::string_view subject);

// ---- certificate request ([MS-WSTEP])
// AdditionalContext items (ContextItem Name, Value), in order; a name may repeat (MAC, IMEI).
using ContextItems = std::vector<std::pair<std::string, std::string>>;

struct DeviceContext {
  std::string device_type = "CIMClient_Windows";
  std::string application_version = "10.0.26100.1";
  std::string os_edition = "48";
  std::string os_version = "10.0.26100.1";
  std::string device_id;          // DeviceID (also the SyncML device id)
  std::string hw_dev_id;          // HWDevID
  std::string device_name = "DESKTOP-SYNCMLDM";
  std::string enrollment_type = "Full";  // Full (user) or Device
  std::string locale = "en-US";
};
// The items a Windows device sends, from `device`, then `overrides`: an override replaces every
// item of its name (an empty value removes them), a new name is appended.
ContextItems context_items(const DeviceContext& device, const ContextItems& overrides = {});

std::string build_request_security_token(const Credential& credential, std::string_view csr_base64,
                                         const ContextItems& items, std::string_view message_id, std::string_view to);

struct Issued {
  std::string provisioning_xml;  // the decoded RequestedSecurityToken (wap-provisioningdoc)
  std::string request_id;        // RequestID, "" when absent
  std::string token_type;
};
// Reads a RequestSecurityTokenResponseCollection and decodes its provisioning document.
Issued parse_request_security_token_response(std::string_view xml, const std::string& source_name);

// ---- faults ([MS-MDE2] 2.2.10)
struct Fault {
  std::string code;        // s:Receiver, s:Sender, ...
  std::string subcode;     // s:Authentication, a:InvalidSecurity, s:DeviceCapReached, ...
  std::string reason;      // Reason/Text
  std::string error_type;  // detail DeviceEnrollmentServiceError/ErrorType, "" when absent
  std::string trace_id;    // detail TraceId
  std::string error_name;  // MENROLL_E_... for a documented subcode or error type, else ""
  std::string hresult;     // 0x8018...., else ""
  std::string meaning;     // the documented meaning, else ""
  bool authentication = false;  // the server did not accept the credentials
};
// The fault of a SOAP envelope, or nullopt when the body holds none. Never throws for a
// well-formed envelope.
std::optional<Fault> find_fault(std::string_view xml);
// One line: "Authentication (MENROLL_E_DEVICE_AUTHENTICATION_ERROR, 0x80180002): <reason>: <meaning>".
std::string describe(const Fault& fault);

// A server's refusal: kind auth when it refused the credentials, else input (the tool maps it
// to "enrolment refused").
class FaultError : public Error {
 public:
  FaultError(Fault fault, std::string step);
  const Fault& fault() const noexcept { return fault_; }
  const std::string& step() const noexcept { return step_; }

 private:
  Fault fault_;
  std::string step_;
};

// ---- the three steps over HTTP
struct Exchange {
  std::string step;     // "discovery probe", "discovery", "policy", "enrolment"
  std::string method;   // GET or POST
  std::string url;
  std::string request;  // SOAP envelope (secrets included: mask before showing)
  net::HttpResponse response;
};

struct EnrolRequest {
  std::string discovery_url;  // empty: from discover.email
  DiscoverRequest discover;
  Credential credential;
  DeviceContext device;
  ContextItems context_overrides;
  std::string subject;  // CSR subject CN; empty: the device id
  bool probe = true;    // the GET before the Discover POST, as Windows does
  int discovery_port = 0;  // with an e-mail address: the port of the derived URL (0: 443)
  // Makes the key pair and certificate request once the policy is known; empty: a new key of the
  // policy's length (make_key_request), as a Windows device does.
  std::function<KeyRequest(const Policy& policy, std::string_view subject)> make_key;
};

struct EnrolResult {
  std::string discovery_url;
  Discovery discovery;
  Policy policy;
  KeyRequest key;
  Issued issued;
};

// Runs discovery, policy (when the discovery names a policy service) and the certificate request.
// Throws FaultError for a SOAP fault, Error{auth} when the server wants an authentication policy
// the credential does not give, Error{transport} for transport failures and HTTP statuses outside
// 2xx without a fault, Error{input} for answers that cannot be read.
EnrolResult enrol(net::HttpClient& http, const EnrolRequest& request,
                  const std::function<void(const Exchange&)>& observer = {});

// The wsse:Security header of Certificate authentication ([MS-MDE2] 3.3.4.1.1.1.2,
// 3.4.4.1.1.1.2): a u:Timestamp from `created` to `expires` (UTC, "2026-01-02T03:04:05.678Z"),
// the certificate as a BinarySecurityToken of `value_type`, and a ds:Signature of the Timestamp
// (exclusive C14N, SHA-256 digest, RSA-SHA256 or ECDSA-SHA256 by the key) naming that token.
// Throws Error{usage} when the certificate or key cannot be read or do not belong together.
std::string certificate_security_header(const Credential& credential, std::string_view value_type,
                                        std::string_view created, std::string_view expires);

// Whether `url` answers at all (any HTTP status) over TLS with `options` but without their
// client certificate and key. After a transport failure of Certificate authentication it tells a
// server that refused the certificate (TLS 1.3 servers often just close the connection, with
// no alert the client gets to read) from one that cannot be reached.
bool answers_without_certificate(net::HttpOptions options, const std::string& url);

// A fresh "urn:uuid:..." MessageID (random, version 4).
std::string new_message_id();

// Replaces secrets in a trace of enrolment messages: wsse:Password text, every
// BinarySecurityToken's content except a PKCS#10 request, private key PEM blocks, Authorization
// header values (net::mask_secrets), and AAUTHSECRET/AAUTHDATA values of provisioning documents.
std::string mask_secrets(std::string_view text);

// ---- what the device keeps after enrolment (a toolkit node in the state, beside DMAcc)
struct Record {
  std::string provider_id;   // PROVIDER-ID / ServerID
  std::string user;          // the enrolled user (UPN)
  std::string auth_policy;   // OnPremise, Federated, Certificate
  std::string cert_file;     // client certificate (PEM)
  std::string key_file;      // its private key (PEM)
  std::string trust_file;    // roots the enrolment trusted (--cacert), "" when none
  std::string discovery_url;
  std::string enrollment_type;
};
inline constexpr std::string_view kRecordUri = "./Vendor/syncml-dm-tools/Enrollment";
void write_record(tree::Tree& tree, const Record& record);
std::optional<Record> read_record(const tree::Tree& tree);

// ---- the issued provisioning document
struct Certificates {
  std::string client_pem;              // CertificateStore/My/User/<thumbprint>/EncodedCertificate
  std::string client_thumbprint;
  std::string client_subject;          // one line, as OpenSSL prints it
  std::string client_not_after;
  std::vector<std::string> root_pems;  // CertificateStore/Root/System
  std::vector<std::string> ca_pems;    // CertificateStore/CA/System and other My/User certificates
  std::string provider_id;             // the w7 APPLICATION's PROVIDER-ID
  std::string server_address;          // its ADDR (or first APPADDR/ADDR)
};
// Reads the certificates and the DM account of a provisioning document. Throws Error{input}
// when it holds no client certificate or a certificate that is not DER in Base64.
Certificates certificates_of(const prov::Document& doc);
// Whether the certificate (PEM) carries the public half of the private key (PEM).
bool key_matches(std::string_view cert_pem, std::string_view key_pem);

// ---- sessions of an enrolled device
// What a DM session of the device needs, from the state: the server address of the enrolled
// account, its encoding (Ext/Microsoft/DefaultEncoding), the client certificate and key files,
// the roots trusted at enrolment, and package 1 as an enrolled Windows device sends it (1224
// LoginStatus user, ./Vendor/MSFT/DMClient/HWDevID, client-request-id = EntDMID when set).
struct EnrolledSession {
  Record record;
  std::string url;
  bool wbxml = false;
  std::vector<std::string> headers;        // extra HTTP headers
  std::vector<std::string> package1_nodes;
};
// nullopt when the state holds no enrolment record. Throws Error{input} when it holds one whose
// account has no server address.
std::optional<EnrolledSession> enrolled_session(const tree::Tree& tree);

// The generic alert Windows sends when the user unenrols (doc/enrollment.md, "After enrolment").
inline constexpr std::string_view kUnenrollType = "com.microsoft:mdm.unenrollment.userrequest";

}  // namespace syncmldm::enroll
SYNCMLDM_API_END
