// dm-enroll --unenroll: the session a Windows device plays when the user removes the work
// account: package 1 carries the generic alert 1226 com.microsoft:mdm.unenrollment.userrequest
// beside 1201 and 1224, over the enrolled client certificate. Afterwards the device forgets the
// enrolment: the account and record leave the state, the key and certificate files are removed.
#include <unistd.h>

#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/exit_codes.hpp"
#include "common/messages.hpp"
#include "common/session_codec.hpp"
#include "dm_enroll.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/tree/dm_account.hpp"
#include "syncmldm/tree/tnds.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/util/atomic_file.hpp"

namespace dm_enroll {

namespace {

namespace enroll = syncmldm::enroll;
namespace session = syncmldm::session;
using syncmldm::Error;
using syncmldm::ErrorKind;

// The HTTP settings of the enrolled client: its certificate and key, the roots the enrolment
// trusted, unless the command line gives others.
syncmldm::net::HttpOptions enrolled_http(const Options& o, const enroll::EnrolledSession& s, bool tracing) {
  auto h = http_options(o);
  if (h.tls.cert.empty()) {
    h.tls.cert = s.record.cert_file;
    h.tls.key = s.record.key_file;
  }
  if (h.tls.cacert.empty() && h.tls.capath.empty()) h.tls.cacert = s.record.trust_file;
  h.headers = s.headers;
  h.headers.push_back("MDM-GenericAlert: <" + std::string(enroll::kUnenrollType) + ">");
  h.user_agent = "MSFT OMA DM Client/1.2.0.1";
  h.record_request_head = tracing;
  return h;
}

// Removes the node at `uri` with its subtree; nothing when it is not there.
void remove_node(syncmldm::tree::Tree& tree, const std::string& uri) {
  syncmldm::tree::Node* n = tree.find(uri);
  if (n && n->parent) n->parent->children.erase(n->name);
}

void forget(syncmldm::tree::Tree& tree, const enroll::Record& record) {
  for (const auto& account : syncmldm::tree::dm_accounts(tree))
    if (account.server_id == record.provider_id) remove_node(tree, account.uri);
  remove_node(tree, std::string(enroll::kRecordUri));
  for (const auto& file : {record.key_file, record.cert_file})
    if (!file.empty()) ::unlink(file.c_str());
}

}  // namespace

int run_unenrol(const Options& o) {
  std::optional<tools::StateUpdate> update;
  update.emplace(o.state, o.state_file, o.force);
  auto tree = syncmldm::tnds::read_state(syncmldm::input::read_text(o.state), o.state);
  auto s = enroll::enrolled_session(tree);
  if (!s) throw Error(ErrorKind::input, "the state holds no enrolment (dm-enroll makes one)", {o.state});
  Trace trace(o.trace);
  session::Channel channel(enrolled_http(o, *s, trace.on()), session::Credentials{}, s->wbxml, tools::session_codec());
  channel.observer = [&](const session::Exchange& ex) { trace.write(session::trace_text(ex)); };
  session::ClientOptions co;
  co.url = s->url;
  co.session_id = session::fresh_session_id();
  co.login_status = session::LoginStatus::user;
  co.login_status_format = false;  // as Windows 11 sends it
  co.generic_alerts.push_back({std::string(enroll::kUnenrollType), "int", "critical", "1"});
  co.package1_nodes = s->package1_nodes;
  co.now = tools::now_stamp();
  auto summary = session::run_client(channel, tree, co);
  bool completed = summary.end == session::SessionEnd::completed;
  if (completed) {
    forget(tree, s->record);
    tools::save_state(kTool, o.state, tree);
  }
  if (o.write_out == "json") {
    nlohmann::json j{{"unenrolled", completed}, {"provider_id", s->record.provider_id}, {"server", s->url},
                     {"session_id", co.session_id}, {"end", session::session_end_name(summary.end)},
                     {"messages_sent", summary.messages_sent}};
    fmt::print("{}\n", j.dump(2));
  } else {
    fmt::print("{} {} at {} (session {}: {})\n", completed ? "unenrolled from" : "unenrolment not acknowledged by",
               s->record.provider_id, s->url, co.session_id, session::session_end_name(summary.end));
  }
  return completed ? tools::kExitOk : tools::kExitFindings;
}

}  // namespace dm_enroll
