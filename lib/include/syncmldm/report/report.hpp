#pragma once
// Rendering validator findings for people and for CI systems: text (gcc-style lines, optionally
// with the source line and a caret), JSON (the shape in the command-line contract), SARIF 2.1.0
// (code scanning) and GitHub workflow annotations. Rendering never fails and never prints: each
// function returns the text to write.

#include <functional>
#include <span>
#include <string>
#include <string_view>

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
};

// One line per finding: `path:line:col: severity: message [rule] (status N)`; WBXML findings
// read `path: offset N: ...`.
std::string text(std::span<const validate::FileReport> files, const TextOptions& options,
                 const SourceLookup& source = {});

// The JSON document of the command-line contract (tool, version, profile, files, summary).
std::string json(std::span<const validate::FileReport> files, validate::Profile profile, std::string_view version);

// SARIF 2.1.0: one run, the rule registry as tool.driver.rules, one result per finding.
std::string sarif(std::span<const validate::FileReport> files, validate::Profile profile, std::string_view version);

// GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=RULE::message`.
std::string github(std::span<const validate::FileReport> files);

// The registry as a table (one rule per line) and one rule in full, for --list-rules/--explain.
std::string rule_table(validate::Profile profile);
std::string explain(const validate::Rule& rule);

}  // namespace syncmldm::report
SYNCMLDM_API_END
