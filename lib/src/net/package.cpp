// One package sent alone, and the rule for answering an authentication challenge that the
// single package and the session share.
#include <string>

#include "syncmldm/net/session.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm::session {

RetryDecision decide_auth_retry(const HeaderStatus& status, const Credentials& credentials, int retries) {
  const std::string code = std::to_string(status.code);
  auto refuse = [](std::string reason) { return RetryDecision{false, std::move(reason)}; };
  if (credentials.scheme == auth::Scheme::none)
    return refuse("the server requires authentication (" +
                  (status.chal_type.empty() ? std::string("no challenge") : status.chal_type) + ", header status " +
                  code + "); give --auth");
  // A Chal without a Type (taken as Basic) names no scheme to disagree with.
  if (status.chal && *status.chal != credentials.scheme && !status.chal_type.empty())
    return refuse("the server asks for " + status.chal_type + " but --auth is " +
                  std::string(auth::scheme_name(credentials.scheme)));
  if (retries >= 1) return refuse("authentication refused after a retry (header status " + code + ")");
  // The same credentials again, with no new nonce, would be refused again.
  if (!status.chal && !credentials.authenticated)
    return refuse("authentication refused (header status " + code + ") without a challenge");
  return RetryDecision{true, {}};
}

PackageReply send_package(Channel& channel, const std::string& url, const std::string& xml,
                          const std::function<void(const Exchange&, const ReplySummary*)>& on_reply) {
  for (int retries = 0;; ++retries) {
    PackageReply r;
    r.exchange = channel.send(url, xml);
    if (!r.exchange.reply_xml.empty()) r.summary = summarize(r.exchange.reply_xml, "reply");
    if (on_reply) on_reply(r.exchange, r.summary ? &*r.summary : nullptr);
    if (!r.summary) return r;
    const HeaderStatus& status = r.summary->header_status;
    if (is_challenge(status.code)) {
      RetryDecision d = decide_auth_retry(status, channel.credentials(), retries);
      if (!d.retry) throw Error(ErrorKind::auth, d.reason);
    }
    channel.note_header_status(status);
    if (!is_challenge(status.code)) return r;
    channel.credentials().authenticated = false;
  }
}

}  // namespace syncmldm::session
