// The three requests of an enrolment, in the shape Windows writes them ([MS-MDE2] 4.1-4.3):
// SOAP 1.2 envelopes with WS-Addressing headers (Action, MessageID, ReplyTo, To) and, for the
// policy and certificate requests, a WS-Security header carrying the credential.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/message/message.hpp"
#include "syncmldm/util/base64.hpp"

namespace syncmldm::enroll {

namespace {

using message::escape;

constexpr std::string_view kAnonymous = "http://www.w3.org/2005/08/addressing/anonymous";

// The opening of an envelope with the prefixes Windows declares on it, and the addressing headers.
std::string envelope_head(std::string_view action, std::string_view message_id, std::string_view to, bool security_prefixes) {
  std::string out = "<s:Envelope xmlns:s=\"" + std::string(kSoapNs) + "\" xmlns:a=\"" + std::string(kAddressingNs) + "\"";
  if (security_prefixes) {
    out += " xmlns:u=\"" + std::string(kWsuNs) + "\" xmlns:wsse=\"" + std::string(kWsseNs) + "\" xmlns:wst=\"" +
           std::string(kTrustNs) + "\" xmlns:ac=\"" + std::string(kAuthorizationNs) + "\"";
  }
  out += "><s:Header><a:Action s:mustUnderstand=\"1\">" + std::string(action) + "</a:Action>";
  out += "<a:MessageID>" + escape(message_id) + "</a:MessageID>";
  out += "<a:ReplyTo><a:Address>" + std::string(kAnonymous) + "</a:Address></a:ReplyTo>";
  out += "<a:To s:mustUnderstand=\"1\">" + escape(to) + "</a:To>";
  return out;
}

// "2026-01-02T03:04:05.678Z": the date/time form of WS-Security timestamps.
std::string utc_stamp(std::chrono::system_clock::time_point when) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return text;
}

// wsse:Security with the credential: UsernameToken (OnPremise), BinarySecurityToken (Federated),
// or the signed certificate token (Certificate; [MS-MDE2] names the X.509 token type for the
// policy request and the user token type for the certificate request, `certificate_type`).
std::string security_header(const Credential& c, std::string_view certificate_type) {
  if (c.policy == AuthPolicy::certificate) {
    // Five minutes of validity, as WCF clients give their timestamps.
    auto now = std::chrono::system_clock::now();
    return certificate_security_header(c, certificate_type, utc_stamp(now), utc_stamp(now + std::chrono::minutes(5)));
  }
  std::string out = "<wsse:Security s:mustUnderstand=\"1\">";
  if (c.policy == AuthPolicy::federated) {
    out += "<wsse:BinarySecurityToken ValueType=\"" + std::string(kUserTokenValueType) + "\" EncodingType=\"" +
           std::string(kBase64Encoding) + "\" xmlns=\"" + std::string(kWsseNs) + "\">" + base64::encode(c.token) +
           "</wsse:BinarySecurityToken>";
  } else {
    out += "<wsse:UsernameToken u:Id=\"uuid-" + new_message_id().substr(9) + "-1\">";
    out += "<wsse:Username>" + escape(c.user) + "</wsse:Username>";
    out += "<wsse:Password wsse:Type=\"" + std::string(kPasswordText) + "\">" + escape(c.password) + "</wsse:Password>";
    out += "</wsse:UsernameToken>";
  }
  out += "</wsse:Security>";
  return out;
}

}  // namespace

std::string build_discover(const DiscoverRequest& r, std::string_view message_id, std::string_view to) {
  std::string out = envelope_head(kDiscoverAction, message_id, to, false);
  out += "</s:Header><s:Body>";
  // The samples of [MS-MDE2] 4.1 write the request namespace with a trailing slash.
  out += "<Discover xmlns=\"" + std::string(kDiscoveryNs) + "/\">";
  out += "<request xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">";
  out += "<EmailAddress>" + escape(r.email) + "</EmailAddress>";
  out += "<OSEdition>" + escape(r.os_edition) + "</OSEdition>";
  out += "<RequestVersion>" + escape(r.request_version) + "</RequestVersion>";
  out += "<DeviceType>" + escape(r.device_type) + "</DeviceType>";
  out += "<ApplicationVersion>" + escape(r.application_version) + "</ApplicationVersion>";
  out += "<AuthPolicies>";
  for (AuthPolicy p : r.auth_policies) out += "<AuthPolicy>" + std::string(auth_policy_name(p)) + "</AuthPolicy>";
  out += "</AuthPolicies></request></Discover></s:Body></s:Envelope>";
  return out;
}

std::string build_get_policies(const Credential& credential, std::string_view message_id, std::string_view to) {
  std::string out = envelope_head(kGetPoliciesAction, message_id, to, true);
  out += security_header(credential, kX509v3ValueType);
  out += "</s:Header><s:Body xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">";
  out += "<GetPolicies xmlns=\"" + std::string(kPolicyNs) + "\">";
  out += "<client><lastUpdate xsi:nil=\"true\"/><preferredLanguage xsi:nil=\"true\"/></client>";
  out += "<requestFilter xsi:nil=\"true\"/></GetPolicies></s:Body></s:Envelope>";
  return out;
}

std::string build_request_security_token(const Credential& credential, std::string_view csr_base64,
                                         const ContextItems& items, std::string_view message_id, std::string_view to) {
  std::string out = envelope_head(kRstAction, message_id, to, true);
  out += security_header(credential, kUserTokenValueType);
  out += "</s:Header><s:Body><wst:RequestSecurityToken>";
  out += "<wst:TokenType>" + std::string(kTokenType) + "</wst:TokenType>";
  out += "<wst:RequestType>" + std::string(kIssue) + "</wst:RequestType>";
  out += "<wsse:BinarySecurityToken ValueType=\"" + std::string(kPkcs10ValueType) + "\" EncodingType=\"" +
         std::string(kBase64Encoding) + "\">" + std::string(csr_base64) + "</wsse:BinarySecurityToken>";
  out += "<ac:AdditionalContext xmlns=\"" + std::string(kAuthorizationNs) + "\">";
  for (const auto& [name, value] : items)
    out += "<ac:ContextItem Name=\"" + escape(name) + "\"><ac:Value>" + escape(value) + "</ac:Value></ac:ContextItem>";
  out += "</ac:AdditionalContext></wst:RequestSecurityToken></s:Body></s:Envelope>";
  return out;
}

ContextItems context_items(const DeviceContext& d, const ContextItems& overrides) {
  ContextItems items{{"UXInitiated", "true"},
                     {"HWDevID", d.hw_dev_id},
                     {"Locale", d.locale},
                     {"TargetedUserLoggedIn", "true"},
                     {"OSEdition", d.os_edition},
                     {"DeviceName", d.device_name},
                     {"MAC", "00-00-00-00-00-00"},
                     {"DeviceID", d.device_id},
                     {"EnrollmentType", d.enrollment_type},
                     {"DeviceType", d.device_type},
                     {"OSVersion", d.os_version},
                     {"ApplicationVersion", d.application_version}};
  std::erase_if(items, [](const auto& item) { return item.second.empty(); });
  for (const auto& [name, value] : overrides) {
    bool known = false;
    for (const auto& item : items) known = known || item.first == name;
    // The binding named in a capture of its own: clang before 16 cannot capture it otherwise.
    if (known) std::erase_if(items, [&n = name](const auto& item) { return item.first == n; });
  }
  for (const auto& [name, value] : overrides)
    if (!value.empty()) items.emplace_back(name, value);
  return items;
}

}  // namespace syncmldm::enroll
