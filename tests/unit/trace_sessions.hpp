#pragma once
// The trace tests' way to build sessions: each message a record named m1, m2..., in order.
#include <string>
#include <vector>

#include "syncmldm/trace/session.hpp"

inline std::vector<syncmldm::trace::Session> build_sessions(const std::vector<std::string>& messages,
                                                            syncmldm::trace::BuildOptions options = {}) {
  using namespace syncmldm;
  std::vector<trace::Session> out;
  trace::SessionBuilder b(options, [&](trace::Session&& s) { out.push_back(std::move(s)); }, [](const trace::Note&) {});
  for (std::size_t i = 0; i < messages.size(); ++i) {
    trace::Record r;
    r.body = messages[i];
    r.place = "m" + std::to_string(i + 1);
    b.add(std::move(r));
  }
  b.finish();
  return out;
}
