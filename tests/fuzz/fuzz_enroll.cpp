// Fuzz harness: the enrolment answers a hostile server may send. Every reader of the enroll layer
// gets the input (discovery, policy, certificate answer, fault, trace masking); a decoded
// provisioning document goes on to prov::read and the certificate reader. Errors are fine;
// crashes, hangs and sanitizer reports are not.
#include <cstdint>
#include <string>
#include <string_view>

#include "syncmldm/enroll/enroll.hpp"
#include "syncmldm/prov/prov.hpp"
#include "syncmldm/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace enroll = syncmldm::enroll;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string name = "answer";
  try {
    (void)enroll::parse_discover_response(input, name);
  } catch (const syncmldm::Error&) {
  }
  try {
    (void)enroll::parse_get_policies_response(input, name);
  } catch (const syncmldm::Error&) {
  }
  try {
    auto issued = enroll::parse_request_security_token_response(input, name);
    auto doc = syncmldm::prov::read(issued.provisioning_xml, "doc");
    (void)enroll::certificates_of(doc);
  } catch (const syncmldm::Error&) {
  }
  if (auto fault = enroll::find_fault(input)) (void)enroll::describe(*fault);
  (void)enroll::mask_secrets(input);
  return 0;
}
