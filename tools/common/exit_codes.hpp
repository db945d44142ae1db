#pragma once
// Exit statuses shared by every tool (doc/cli-contract.md). Scripts rely on them: keep them.

#include "syncmldm/util/error.hpp"

namespace tools {

enum ExitCode : int {
  kExitOk = 0,         // success (dm-validate: no errors)
  kExitFindings = 1,   // validation errors, DM-level failures
  kExitUsage = 2,      // unknown option, missing argument, conflicting options
  kExitInput = 3,      // unreadable or undecodable input
  kExitTransport = 4,  // connection, DNS, TLS, timeout, HTTP status outside 2xx
  kExitAuth = 5,       // authentication rejected after the allowed retries
};

inline int exit_code_for(syncmldm::ErrorKind kind) {
  switch (kind) {
    case syncmldm::ErrorKind::usage: return kExitUsage;
    case syncmldm::ErrorKind::transport: return kExitTransport;
    case syncmldm::ErrorKind::auth: return kExitAuth;
    case syncmldm::ErrorKind::input:
    case syncmldm::ErrorKind::io: break;
  }
  return kExitInput;
}

}  // namespace tools
