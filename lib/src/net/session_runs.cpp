// Names and numbers around whole sessions: how one ended, the totals of a run, SessionIDs.
#include <unistd.h>

#include <chrono>
#include <string>

#include "syncmldm/net/session.hpp"

namespace syncmldm::session {

std::string_view session_end_name(SessionEnd end) {
  switch (end) {
    case SessionEnd::completed: return "completed";
    case SessionEnd::max_rounds: return "max-rounds";
    case SessionEnd::server_abort: return "server-abort";
    case SessionEnd::refused: return "refused";
  }
  return "completed";
}

std::string_view login_status_name(LoginStatus status) {
  switch (status) {
    case LoginStatus::user: return "user";
    case LoginStatus::others: return "others";
    case LoginStatus::none: return "none";
  }
  return "none";
}

std::optional<LoginStatus> parse_login_status(std::string_view name) {
  for (LoginStatus s : {LoginStatus::user, LoginStatus::others, LoginStatus::none})
    if (name == login_status_name(s)) return s;
  return std::nullopt;
}

void SessionTotals::add(const SessionSummary& s) {
  ++sessions;
  completed += s.end == SessionEnd::completed;
  ++ends[std::string(session_end_name(s.end))];
  messages_sent += s.messages_sent;
  messages_received += s.messages_received;
  bytes_sent += s.bytes_sent;
  bytes_received += s.bytes_received;
  failed = failed || s.failed;
}

std::string fresh_session_id() {
  auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
  return std::to_string(static_cast<unsigned long long>(ticks ^ (::getpid() * 2654435761ull)) % 9999 + 1);
}

std::string nth_session_id(const std::string& first, int k) {
  if (k == 0 || first.empty() || first.size() > 18 || first.find_first_not_of("0123456789") != std::string::npos)
    return first;
  return std::to_string(std::stoull(first) + static_cast<unsigned long long>(k));
}

}  // namespace syncmldm::session
