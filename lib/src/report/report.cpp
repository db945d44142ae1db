#include "syncmldm/report/report.hpp"

#include <nlohmann/json.hpp>
#include <fmt/format.h>

namespace syncmldm::report {
namespace {

using validate::Diagnostic;
using validate::FileReport;
using validate::Severity;
using ojson = nlohmann::ordered_json;

std::string_view color_of(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;35m";
    case Severity::note: return "\x1b[1;36m";
  }
  return "";
}

std::string place(const Diagnostic& d) {
  if (d.line && d.column) return fmt::format("{}:{}:{}", d.file, *d.line, *d.column);
  if (d.offset) return fmt::format("{}: offset {}", d.file, *d.offset);
  return d.file;
}

ojson nullable(const std::optional<std::size_t>& v) { return v ? ojson(*v) : ojson(nullptr); }

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

// Workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
std::string escape_github(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

// SARIF artifact locations are URIs: keep path characters, percent-encode the rest.
std::string path_uri(std::string_view path) {
  if (path == "-") return "stdin";
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
        c == '-' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
  std::string out, line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += fmt::format("{}{}\n", indent, line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    start = end + 1;
  }
  if (!line.empty()) out += fmt::format("{}{}\n", indent, line);
  return out;
}

std::string_view severity_name(const std::optional<Severity>& s) { return s ? validate::to_string(*s) : "off"; }

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "sarif") return Format::sarif;
  if (name == "github") return Format::github;
  return std::nullopt;
}

namespace {

// Byte index of character `n` (0-based) of `line`, or its size.
std::size_t char_index(std::string_view line, std::size_t n) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (n-- == 0) return i;
  }
  return line.size();
}

// At most `width` characters of `line` around character `column` (1-based, updated to the
// window), "..." where it is cut. The caller's buffer holds the result for this finding.
std::string_view source_window(std::string_view line, std::size_t& column, std::size_t width) {
  thread_local std::string shown;
  if (width < 16) return line;
  std::size_t chars = 0;
  for (char c : line) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars <= width) return line;
  std::size_t room = width - 6;  // "..." on both sides
  std::size_t first = column > room / 2 ? column - 1 - room / 2 : 0;
  if (first + room > chars) first = chars - room;
  std::size_t last = first + room;
  shown.clear();
  if (first > 0) shown += "...";
  shown.append(line.substr(char_index(line, first), char_index(line, last) - char_index(line, first)));
  if (last < chars) shown += "...";
  column = column - first + (first > 0 ? 3 : 0);
  return shown;
}

}  // namespace

std::string text(std::span<const FileReport> files, const TextOptions& options, const SourceLookup& source) {
  std::string out;
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      std::string status = d.status ? fmt::format(" (status {})", *d.status) : "";
      if (options.color) {
        out += fmt::format("\x1b[1m{}:\x1b[0m {}{}:\x1b[0m {} \x1b[2m[{}]{}\x1b[0m\n", place(d), color_of(d.severity),
                           validate::to_string(d.severity), d.message, d.rule, status);
      } else {
        out += fmt::format("{}: {}: {} [{}]{}\n", place(d), validate::to_string(d.severity), d.message, d.rule, status);
      }
      if (options.show_source && source && d.line && d.column) {
        std::string_view line = source(d.file, *d.line);
        if (line.empty()) continue;
        std::size_t column = *d.column;
        line = source_window(line, column, options.source_width);
        out += fmt::format("  {}\n  ", line);
        // Keep tabs so the caret lines up; count code points, not bytes.
        std::size_t col = 1;
        for (std::size_t i = 0; i < line.size() && col < column; ++i) {
          auto c = static_cast<unsigned char>(line[i]);
          if ((c & 0xC0) == 0x80) continue;
          out += c == '\t' ? '\t' : ' ';
          ++col;
        }
        out += options.color ? fmt::format("{}^\x1b[0m\n", color_of(d.severity)) : "^\n";
      }
    }
  }
  return out;
}

std::string json(std::span<const FileReport> files, validate::Profile profile, std::string_view version,
                 const RunInfo& run) {
  ojson doc;
  doc["tool"] = "dm-validate";
  doc["version"] = version;
  doc["profile"] = validate::to_string(profile);
  ojson list = ojson::array();
  for (const auto& f : files) {
    ojson file;
    file["path"] = f.path;
    file["format"] = input::format_name(f.format);
    ojson diags = ojson::array();
    for (const auto& d : f.diagnostics) {
      ojson j;
      j["line"] = nullable(d.line);
      j["column"] = nullable(d.column);
      j["offset"] = nullable(d.offset);
      j["severity"] = validate::to_string(d.severity);
      j["rule"] = d.rule;
      j["status"] = d.status ? ojson(*d.status) : ojson(nullptr);
      j["cmdid"] = d.cmdid ? ojson(*d.cmdid) : ojson(nullptr);
      j["message"] = d.message;
      diags.push_back(std::move(j));
    }
    file["diagnostics"] = std::move(diags);
    list.push_back(std::move(file));
  }
  // Inputs that could not be read: in the list, with their error and no findings.
  for (const auto& u : run.unreadable) {
    ojson file;
    file["path"] = u.path;
    file["format"] = nullptr;
    file["error"] = u.error;
    file["diagnostics"] = ojson::array();
    list.push_back(std::move(file));
  }
  doc["files"] = std::move(list);
  auto counts = validate::count(files);
  doc["summary"] = {{"files", files.size()}, {"errors", counts.errors}, {"warnings", counts.warnings},
                    {"notes", counts.notes}};
  if (!run.unreadable.empty()) doc["summary"]["unreadable"] = run.unreadable.size();
  // Invalid UTF-8 from a hostile input is replaced, never thrown.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string sarif(std::span<const FileReport> files, validate::Profile profile, std::string_view version,
                  const RunInfo& info) {
  ojson rules = ojson::array();
  auto registry = validate::rules();
  for (const auto& r : registry) {
    auto level = profile == validate::Profile::windows ? r.windows : r.oma;
    ojson rule;
    rule["id"] = r.id;
    rule["shortDescription"] = {{"text", r.summary}};
    rule["fullDescription"] = {{"text", r.explanation}};
    rule["help"] = {{"text", fmt::format("{}\nExample: {}", r.explanation, r.example)}};
    rule["defaultConfiguration"] = {{"level", level ? sarif_level(*level) : "none"}, {"enabled", level.has_value()}};
    ojson props;
    props["area"] = r.area;
    props["status"] = r.status ? ojson(r.status) : ojson(nullptr);
    rule["properties"] = std::move(props);
    rules.push_back(std::move(rule));
  }
  ojson results = ojson::array();
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      ojson res;
      res["ruleId"] = d.rule;
      for (std::size_t i = 0; i < registry.size(); ++i) {
        if (registry[i].id == d.rule) res["ruleIndex"] = i;
      }
      res["level"] = sarif_level(d.severity);
      res["message"] = {{"text", d.message}};
      ojson region;
      if (d.line && d.column) {
        region["startLine"] = *d.line;
        region["startColumn"] = *d.column;
      }
      if (d.offset) region["byteOffset"] = *d.offset;
      if (region.empty()) region["startLine"] = 1;
      ojson physical;
      physical["artifactLocation"] = {{"uri", path_uri(d.file)}};
      physical["region"] = std::move(region);
      res["locations"] = ojson::array({{{"physicalLocation", std::move(physical)}}});
      ojson props;
      props["status"] = d.status ? ojson(*d.status) : ojson(nullptr);
      props["cmdid"] = d.cmdid ? ojson(*d.cmdid) : ojson(nullptr);
      res["properties"] = std::move(props);
      results.push_back(std::move(res));
    }
  }
  ojson driver;
  driver["name"] = "dm-validate";
  driver["version"] = version;
  driver["semanticVersion"] = version;
  driver["rules"] = std::move(rules);
  ojson run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["results"] = std::move(results);
  if (info.exit_code || !info.unreadable.empty()) {
    // SARIF 2.1.0 3.20: how the run went; an input that could not be read is a notification.
    ojson invocation;
    int code = info.exit_code.value_or(info.unreadable.empty() ? 0 : 3);
    invocation["executionSuccessful"] = info.unreadable.empty() && code != 2 && code < 3;
    invocation["exitCode"] = code;
    ojson notes = ojson::array();
    for (const auto& u : info.unreadable) {
      ojson n;
      n["level"] = "error";
      n["message"] = {{"text", u.error}};
      n["locations"] = ojson::array({{{"physicalLocation", {{"artifactLocation", {{"uri", path_uri(u.path)}}}}}}});
      notes.push_back(std::move(n));
    }
    invocation["toolExecutionNotifications"] = std::move(notes);
    run["invocations"] = ojson::array({std::move(invocation)});
  }
  run["properties"] = {{"profile", validate::to_string(profile)}};
  ojson doc;
  doc["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = ojson::array({std::move(run)});
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string github(std::span<const FileReport> files) {
  std::string out;
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      std::string_view kind = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
      std::string props = fmt::format("file={}", escape_github(d.file, true));
      if (d.line) props += fmt::format(",line={}", *d.line);
      if (d.column) props += fmt::format(",col={}", *d.column);
      props += fmt::format(",title={}", escape_github(d.rule, true));
      std::string message = d.message;
      if (!d.line && d.offset) message += fmt::format(" (byte offset {})", *d.offset);
      if (d.status) message += fmt::format(" (status {})", *d.status);
      out += fmt::format("::{} {}::{}\n", kind, props, escape_github(message, false));
    }
  }
  return out;
}

std::string rule_table(validate::Profile profile) {
  std::string out;
  for (const auto& r : validate::rules()) {
    auto level = profile == validate::Profile::windows ? r.windows : r.oma;
    out += fmt::format("{:<22} {:<10} {:<7} {:<8} {}\n", r.id, r.area, severity_name(level),
                       r.status ? fmt::format("{}", r.status) : "-", r.summary);
  }
  return out;
}

std::string rule_json(validate::Profile profile) {
  ojson rules = ojson::array();
  for (const auto& r : validate::rules()) {
    auto level = profile == validate::Profile::windows ? r.windows : r.oma;
    ojson rule;
    rule["id"] = r.id;
    rule["area"] = r.area;
    rule["severity"] = severity_name(level);
    rule["status"] = r.status ? ojson(r.status) : ojson(nullptr);
    rule["summary"] = r.summary;
    rules.push_back(std::move(rule));
  }
  ojson doc;
  doc["profile"] = validate::to_string(profile);
  doc["rules"] = std::move(rules);
  return doc.dump(2) + "\n";
}

std::string explain(const validate::Rule& r) {
  std::string out = fmt::format("{} ({})\n", r.id, r.area);
  out += fmt::format("  severity: {} (profile windows), {} (profile oma)\n", severity_name(r.windows), severity_name(r.oma));
  out += fmt::format("  status:   {}\n", r.status ? fmt::format("{}", r.status) : "none defined");
  out += fmt::format("  summary:  {}\n\n", r.summary);
  out += wrap(r.explanation, 76, "  ");
  out += fmt::format("\n  example:\n    {}\n", r.example);
  return out;
}

std::string_view line_of(std::string_view text, std::size_t line) {
  std::size_t start = 0;
  for (std::size_t l = 1; l < line; ++l) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  std::size_t end = text.find('\n', start);
  std::string_view out = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

}  // namespace syncmldm::report
