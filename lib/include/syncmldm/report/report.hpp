#pragma once
// Rendering validator findings for people and for CI systems: text (gcc-style lines, optionally
// with the source line and a caret), JSON (the shape in the command-line contract), SARIF 2.1.0
// (code scanning) and GitHub workflow annotations. Rendering never fails and never prints: each
// function returns the text to write.

#include <functional>
#include <span>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

#include "syncmldm/validate/validate.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::report {

enum class Format { text, json, sarif, github };
std::optional<Format> parse_format(std::string_view name);

// The source line `line` (1-based) of `file`, without its line ending; empty when unknown.
using SourceLookup = std::function<std::string_view(const std::string& file, std::size_t line)>;
// Line `line` (1-based) of `text` without its line ending (LF or CR LF); empty past the end.
std::string_view line_of(std::string_view text, std::size_t line);

struct TextOptions {
  bool color = false;        // ANSI colours for severity and rule
  bool show_source = false;  // the source line and a caret under the column
  // With show_source: at most this many characters of the line, a window around the column
  // ("..." marks what is cut), so that a one-line export of megabytes prints a line, not the
  // export. 0: the whole line.
  std::size_t source_width = 0;
};

// An input that could not be read at all (it has no findings): its path and the error.
struct Unreadable {
  std::string path;
  std::string error;
};
// What the run as a whole came to, for the machine-readable reports: unreadable inputs appear
// in JSON's files (with "error"; summary.unreadable counts them) and SARIF's invocations, with
// the tool's exit code.
struct RunInfo {
  std::vector<Unreadable> unreadable;
  std::optional<int> exit_code;
};

// One line per finding: `path:line:col: severity: message [rule] (status N)`; WBXML findings
// read `path: offset N: ...`.
std::string text(std::span<const validate::FileReport> files, const TextOptions& options,
                 const SourceLookup& source = {});

// The JSON document of the command-line contract (tool, version, profile, files, summary).
std::string json(std::span<const validate::FileReport> files, validate::Profile profile, std::string_view version,
                 const RunInfo& run = {});

// SARIF 2.1.0: one run, the rule registry as tool.driver.rules, one result per finding.
// With run info: runs[0].invocations (executionSuccessful, exitCode, a notification per
// unreadable input).
std::string sarif(std::span<const validate::FileReport> files, validate::Profile profile, std::string_view version,
                  const RunInfo& run = {});

// GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=RULE::message`.
std::string github(std::span<const validate::FileReport> files);

// The registry as a table (one rule per line) and one rule in full, for --list-rules/--explain.
std::string rule_table(validate::Profile profile);
// The registry as JSON: {"profile", "rules": [{id, area, severity, status, summary}]}.
std::string rule_json(validate::Profile profile);
std::string explain(const validate::Rule& rule);

}  // namespace syncmldm::report
SYNCMLDM_API_END
