#pragma once
// dm-trace's `explain` subcommand and its --redact mode. main.cpp adds their options with
// add_parts() and hands over to run_parts() before the session view.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "common/app.hpp"
#include "common/option_defs.hpp"

namespace dm_trace {

struct Options;

struct Parts {
  CLI::App* explain = nullptr;  // the subcommand
  std::vector<std::string> codes;
  std::string explain_format = "text";
  bool redact = false, redact_ids = false;
};

// The explain subcommand and --redact, --redact-ids on `app`.
void add_parts(CLI::App& app, Parts& parts);

// Runs explain or --redact when the command line asks for one (their exit code), else nullopt.
std::optional<int> run_parts(const Parts& parts, const Options& options);

// dm-trace explain CODE...: each code's kind, name, meaning and source, as text or one JSON
// document. Returns the exit code: 0 when every code is known, 1 when one is not (its class is
// still shown), 2 when a token is not a code (said on `err`; the others are still explained).
int run_explain(const std::vector<std::string>& codes, bool json, std::ostream& out, std::ostream& err);

// dm-trace --redact [--redact-ids] [-o FILE] INPUT: a copy of INPUT in its own format (XML,
// WBXML, HTTP stream, HAR; a pcap, read by tshark with `keylog` and `port`, becomes an HTTP
// stream) with secrets replaced by same-length markers. Notes (a body left as it is) go to
// standard error; errors are thrown (syncmldm::Error) for the caller's exit code.
int run_redact(const std::string& input, const tools::OutputOptions& output, bool ids, const std::string& keylog = {},
               int port = 0);

}  // namespace dm_trace
