// dm-send --session on the state of an enrolled device (dm-enroll): what the command line leaves
// out comes from the enrolment, so that the device checks in as Windows does after enrolment.
#include "common/messages.hpp"
#include "dm_send.hpp"
#include "syncmldm/enroll/enroll.hpp"

namespace dm_send {

Options with_enrolment(const Options& o, const syncmldm::tree::Tree& tree) {
  auto s = syncmldm::enroll::enrolled_session(tree);
  if (!s) return o;
  Options played = o;
  if (played.url.empty()) {
    played.url = s->url;
    tools::print_note(kTool, "server " + s->url + " from the state's enrolment (" + s->record.provider_id + ")");
  }
  auto& tls = played.tls.tls;
  if (tls.cert.empty() && !s->record.cert_file.empty()) {
    tls.cert = s->record.cert_file;
    tls.key = s->record.key_file;
  }
  if (tls.cacert.empty() && tls.capath.empty()) tls.cacert = s->record.trust_file;
  if (!played.wbxml) played.wbxml = s->wbxml;
  if (played.login_status.empty()) {
    played.login_status = "user";  // the enrolled user is signed in
    played.windows11_login_status = true;
  }
  if (played.user_agent.empty()) played.user_agent = "MSFT OMA DM Client/1.2.0.1";
  played.headers.insert(played.headers.begin(), s->headers.begin(), s->headers.end());
  played.package1_nodes = s->package1_nodes;
  return played;
}

}  // namespace dm_send
