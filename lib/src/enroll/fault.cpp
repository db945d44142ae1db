// SOAP faults of enrolment servers ([MS-MDE2] 2.2.10): the subcode (or the detail's ErrorType)
// names the error; the table gives the MENROLL_E_ name, the HRESULT a device logs, and the
// meaning in our own words.
#include <string>

#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/util/text.hpp"
#include "xml/dom.hpp"

namespace syncmldm::enroll {

namespace {

using xml::dom::Node;

struct Known {
  std::string_view subcode, name, hresult, meaning;
  bool authentication;
};

constexpr Known kKnown[] = {
    {"MessageFormat", "MENROLL_E_DEVICE_MESSAGE_FORMAT_ERROR", "0x80180001", "the server could not read the request", false},
    {"Authentication", "MENROLL_E_DEVICE_AUTHENTICATION_ERROR", "0x80180002", "the server did not recognise the user or the password", true},
    {"Authorization", "MENROLL_E_DEVICE_AUTHORIZATION_ERROR", "0x80180003", "the user is not allowed to enrol", false},
    {"CertificateRequest", "MENROLL_E_DEVICE_CERTIFICATEREQUEST_ERROR", "0x80180004", "no certificate was issued (template permission, or the CA cannot be reached)", false},
    {"EnrollmentServer", "MENROLL_E_DEVICE_CONFIGMGRSERVER_ERROR", "0x80180005", "the management server failed", false},
    {"InternalServiceFault", "MENROLL_E_DEVICE_INTERNALSERVICE_ERROR", "0x80180006", "an unhandled error on the management server", false},
    {"InvalidSecurity", "MENROLL_E_DEVICE_INVALIDSECURITY_ERROR", "0x80180007", "the server could not validate the account (credential or token refused)", true},
    {"DeviceCapReached", "MENROLL_E_DEVICECAPREACHED", "0x80180013", "the account has enrolled as many devices as it may: unenrol or delete old ones", false},
    {"DeviceNotSupported", "MENROLL_E_DEVICENOTSUPPORTED", "0x80180014", "the server does not support this platform or version", false},
    {"NotSupported", "MENROLL_E_NOT_SUPPORTED", "0x80180015", "management is not supported for this device", false},
    {"NotEligibleToRenew", "MENROLL_E_NOTELIGIBLETORENEW", "0x80180016", "the server refused a certificate renewal", false},
    {"InMaintenance", "MENROLL_E_INMAINTENANCE", "0x80180017", "the account is in maintenance: try again later", false},
    {"UserLicense", "MENROLL_E_USER_LICENSE", "0x80180018", "the user's licence does not allow enrolment", false},
    {"InvalidEnrollmentData", "MENROLL_E_ENROLLMENTDATAINVALID", "0x80180019", "the server rejected the enrolment data", false},
};

std::string trimmed(std::string s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

const Node* child_ci(const Node* parent, std::string_view name) {
  if (!parent) return nullptr;
  for (const Node* n = parent->first_node(); n; n = n->next_sibling())
    if (xml::dom::is_element(n) && iequals(xml::local_name(n), name)) return n;
  return nullptr;
}

std::string text_of(const Node* n) { return n ? trimmed(xml::text(n)) : std::string(); }

std::string_view without_prefix(std::string_view qname) {
  auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

const Known* lookup(std::string_view name) {
  for (const auto& k : kKnown)
    if (iequals(k.subcode, without_prefix(name))) return &k;
  return nullptr;
}

}  // namespace

std::optional<Fault> find_fault(std::string_view text) {
  std::optional<xml::Document> doc;
  try {
    doc.emplace(xml::Document::parse(text, "fault"));
  } catch (const Error&) {
    return std::nullopt;
  }
  const Node* fault = child_ci(child_ci(xml::dom::root(*doc), "Body"), "Fault");
  if (!fault) return std::nullopt;
  Fault f;
  const Node* code = child_ci(fault, "Code");
  f.code = text_of(child_ci(code, "Value"));
  f.subcode = text_of(child_ci(child_ci(code, "Subcode"), "Value"));
  f.reason = text_of(child_ci(child_ci(fault, "Reason"), "Text"));
  if (!code) {  // SOAP 1.1: faultcode, faultstring
    f.code = text_of(child_ci(fault, "faultcode"));
    f.reason = text_of(child_ci(fault, "faultstring"));
  }
  const Node* error = child_ci(child_ci(fault, "Detail"), "DeviceEnrollmentServiceError");
  f.error_type = text_of(child_ci(error, "ErrorType"));
  f.trace_id = text_of(child_ci(error, "TraceId"));
  if (f.reason.empty()) f.reason = text_of(child_ci(error, "Message"));
  const Known* k = f.error_type.empty() ? nullptr : lookup(f.error_type);
  if (!k) k = lookup(f.subcode);
  if (k) {
    f.error_name = std::string(k->name);
    f.hresult = std::string(k->hresult);
    f.meaning = std::string(k->meaning);
    f.authentication = k->authentication;
  }
  return f;
}

std::string describe(const Fault& f) {
  std::string what = f.error_type.empty() ? std::string(without_prefix(f.subcode)) : f.error_type;
  if (what.empty()) what = std::string(without_prefix(f.code));
  if (what.empty()) what = "fault";
  std::string out = what;
  if (!f.error_name.empty()) out += " (" + f.error_name + ", " + f.hresult + ")";
  if (!f.reason.empty()) out += ": \"" + f.reason + "\"";
  if (!f.meaning.empty()) out += ": " + f.meaning;
  if (!f.trace_id.empty()) out += " [trace id " + f.trace_id + "]";
  return out;
}

FaultError::FaultError(Fault fault, std::string step)
    : Error(fault.authentication ? ErrorKind::auth : ErrorKind::input,
            "the server refused the " + step + " step: " + enroll::describe(fault)),
      fault_(std::move(fault)),
      step_(std::move(step)) {}

}  // namespace syncmldm::enroll
