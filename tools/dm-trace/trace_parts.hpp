#pragma once
// dm-trace's `explain` subcommand and its --redact mode (main.cpp wires them to the options).
#include <ostream>
#include <string>
#include <vector>

#include "common/option_defs.hpp"

namespace dm_trace {

// dm-trace explain CODE...: each code's kind, name, meaning and source, as text or one JSON
// document. Returns the exit code: 0 when every code is known, 1 when one is not (its class is
// still shown), 2 when a token is not a code (said on `err`; the others are still explained).
int run_explain(const std::vector<std::string>& codes, bool json, std::ostream& out, std::ostream& err);

// dm-trace --redact [--redact-ids] [-o FILE] INPUT: a copy of INPUT in its own format (XML,
// WBXML, HTTP stream, HAR) with secrets replaced by same-length markers. Notes (a body left as
// it is) go to standard error; errors are thrown (syncmldm::Error) for the caller's exit code.
int run_redact(const std::string& input, const tools::OutputOptions& output, bool ids);

}  // namespace dm_trace
