// The HTTP client and the trace of dm-enroll.
#include <cstdio>

#include "common/messages.hpp"
#include "dm_enroll.hpp"

namespace dm_enroll {

using syncmldm::Error;
using syncmldm::ErrorKind;

syncmldm::net::HttpOptions http_options(const Options& o) {
  if (o.tls.tls.insecure)
    tools::print_error(kTool, "warning: --insecure: the server's certificate and name are not verified; "
                              "anyone on the way can read and change the traffic, credentials included");
  syncmldm::net::HttpOptions h;
  h.tls = tools::resolve_tls(o.tls);
  h.connect_timeout = std::chrono::milliseconds(static_cast<long long>(o.connect_timeout * 1000));
  h.max_time = std::chrono::milliseconds(static_cast<long long>(o.max_time * 1000));
  return h;
}

Trace::Trace(const std::string& path) {
  if (path.empty()) return;
  if (path == "-") {
    out_ = stdout;
    return;
  }
  out_ = std::fopen(path.c_str(), "w");
  if (!out_) throw Error(ErrorKind::io, "cannot write the trace file", {path});
  owned_ = true;
}

Trace::~Trace() {
  if (owned_) std::fclose(out_);
}

void Trace::write(const std::string& text) {
  if (!out_) return;
  std::string masked = syncmldm::enroll::mask_secrets(text);
  std::fwrite(masked.data(), 1, masked.size(), out_);
  std::fflush(out_);
}

}  // namespace dm_enroll
