// SOAP faults of enrolment servers ([MS-MDE2] 2.2.10): the subcode (or the detail's ErrorType)
// names the error; the table below gives the HRESULT a device logs for it, whose MENROLL_E_ name
// and meaning come from the codes layer.
#include <cstdint>
#include <cstdio>
#include <string>

#include "syncmldm/codes/explain.hpp"
#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/util/text.hpp"
#include "syncmldm/xml/xml.hpp"

namespace syncmldm::enroll {

namespace {

using xml::Node;  // libsyncmldm_net reads XML through the public handles only

// The fault's subcode and the HRESULT a device logs for it; the name and meaning come from the
// library's one table of codes (codes/explain.hpp).
struct Known {
  std::string_view subcode;
  std::uint32_t hresult;
  bool authentication;
};

constexpr Known kKnown[] = {
    {"MessageFormat", 0x80180001, false},
    {"Authentication", 0x80180002, true},
    {"Authorization", 0x80180003, false},
    {"CertificateRequest", 0x80180004, false},
    {"EnrollmentServer", 0x80180005, false},
    {"InternalServiceFault", 0x80180006, false},
    {"InvalidSecurity", 0x80180007, true},
    {"DeviceCapReached", 0x80180013, false},
    {"DeviceNotSupported", 0x80180014, false},
    {"NotSupported", 0x80180015, false},
    {"NotEligibleToRenew", 0x80180016, false},
    {"InMaintenance", 0x80180017, false},
    {"UserLicense", 0x80180018, false},
    {"InvalidEnrollmentData", 0x80180019, false},
};

std::string trimmed(std::string s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

const Node* child_ci(const Node* parent, std::string_view name) {
  if (!parent) return nullptr;
  for (const Node* n = xml::first_element(parent); n; n = xml::next_element(n))
    if (iequals(xml::local_name(n), name)) return n;
  return nullptr;
}

std::string text_of(const Node* n) { return n ? trimmed(xml::text(n)) : std::string(); }

std::string_view without_prefix(std::string_view qname) {
  auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string fmt_hresult(std::uint32_t value) {
  char out[11];
  std::snprintf(out, sizeof out, "0x%08X", value);
  return out;
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
  const Node* fault = child_ci(child_ci(doc->root(), "Body"), "Fault");
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
    f.hresult = fmt_hresult(k->hresult);
    f.authentication = k->authentication;
    if (auto code = codes::find_hresult(k->hresult)) {
      f.error_name = std::string(code->name);
      f.meaning = std::string(code->meaning);
    }
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
