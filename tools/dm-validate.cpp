// dm-validate: judge OMA DM messages and provisioning fragments as a DM client would.
// Parses options, collects inputs, hands each to the validator, prints the report.

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "common/app.hpp"
#include "common/completion.hpp"
#include "common/net_options.hpp"
#include "common/exit_codes.hpp"
#include "common/input_note.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "common/secret_file.hpp"
#include "common/suggest.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/report/report.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/util/text.hpp"
#include "syncmldm/validate/validate.hpp"
#include "syncmldm/version.hpp"

namespace fs = std::filesystem;
using namespace syncmldm;

namespace {

constexpr const char* kName = "dm-validate";

struct Options {
  std::vector<std::string> inputs;
  std::string profile = "windows", direction = "auto", format = "text";
  std::vector<std::string> ddfs, disabled;
  std::string explain_rule, bootstrap_key_file;
  bool list_rules = false, werror = false;
  tools::OutputOptions output;
  tools::ColorOptions color;
  tools::InputFormatOption input_format;
};

void add_options(CLI::App& app, Options& o) {
  app.add_option("inputs", o.inputs, "Files, directories (searched for *.xml, *.wbxml, *.syncml) or - for stdin")
      ->option_text("INPUT...");
  app.add_option("--profile", o.profile, "Rules of: windows (the Windows DM client, default) or oma (strict OMA DM 1.2)")
      ->check(CLI::IsMember({"windows", "oma"}))
      ->option_text("NAME");
  app.add_option("--direction", o.direction, "Sender of the messages: server, client, or auto (from the content)")
      ->check(CLI::IsMember({"server", "client", "auto"}))
      ->option_text("SIDE");
  app.add_option("--ddf", o.ddfs, "Check LocURIs, commands and formats against DDF files (FILE or DIR, repeatable)")
      ->allow_extra_args(false)
      ->option_text("PATH");
  app.add_option("--format", o.format, "Output: text (default), json, sarif, github")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->option_text("FORMAT");
  auto* list_rules =
      app.add_flag("--list-rules", o.list_rules, "List every rule with its severity and status code (text or json), then exit");
  auto* explain = app.add_option("--explain", o.explain_rule, "Explain one rule in full, then exit")->option_text("RULE");
  tools::exclusive(list_rules, explain);
  app.add_option("--disable", o.disabled, "Do not report RULE (repeatable, or comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->option_text("RULE");
  app.add_flag("--werror", o.werror, "Treat warnings as errors for the exit status");
  app.add_option("--bootstrap-key-file", o.bootstrap_key_file,
                 "Check the bootstrap MAC (Content-Type SEC/MAC, HMAC-SHA1) of HTTP captures with the key in FILE")
      ->option_text("FILE");
  tools::add_input_format_option(app, o.input_format);
  tools::add_output_options(app, o.output, false);
  tools::add_color_option(app, o.color);
  tools::add_verbosity_options(app);
  // RULE completes to the ids of the rule registry (--completion).
  std::vector<std::string> rule_ids;
  for (const auto& rule : validate::rules()) rule_ids.emplace_back(rule.id);
  tools::completion::set_values("RULE", std::move(rule_ids));
  tools::examples(app, {"dm-validate package.xml",
                        "dm-validate --ddf ddf/ --format sarif -o findings.sarif captures/",
                        "dm-validate --explain atomic-get"});
}

// "unknown rule 'atomic-gte' (did you mean 'atomic-get'?; see --list-rules)"
std::string unknown_rule(const std::string& id) {
  std::vector<std::string> ids;
  for (const auto& rule : validate::rules()) ids.emplace_back(rule.id);
  std::string near = tools::nearest(id, ids);
  return fmt::format("unknown rule '{}' ({}see --list-rules)", id, near.empty() ? "" : "did you mean '" + near + "'? ");
}

validate::Options validator_options(const Options& o) {
  validate::Options options;
  options.profile = *validate::parse_profile(o.profile);
  options.direction = *validate::parse_direction(o.direction);
  for (const auto& id : o.disabled) {
    if (!validate::find_rule(id)) throw CLI::ValidationError("--disable", unknown_rule(id));
  }
  options.disabled = o.disabled;
  return options;
}

int explain(const Options& o) {
  const validate::Rule* rule = validate::find_rule(o.explain_rule);
  if (!rule) throw CLI::ValidationError("--explain", unknown_rule(o.explain_rule));
  tools::write_output(o.output, report::explain(*rule), false);
  return tools::kExitOk;
}

bool wanted_extension(const fs::path& p) {
  std::string ext = ascii_lower(p.extension().string());
  return ext == ".xml" || ext == ".wbxml" || ext == ".syncml";
}

// Files named on the command line as they are; directories searched recursively, sorted.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args, std::vector<report::Unreadable>& failed) {
  std::vector<std::string> out;
  for (const auto& a : args) {
    std::error_code ec;
    if (a != "-" && fs::is_directory(a, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && wanted_extension(it->path())) found.push_back(it->path().generic_string());
      }
      if (ec) {
        tools::print_error(kName, fmt::format("{}: cannot read directory: {}", a, ec.message()));
        failed.push_back({a, "cannot read directory: " + ec.message()});
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(a);
    }
  }
  return out;
}

struct Checked {
  std::vector<validate::FileReport> reports;
  std::map<std::string, std::string> sources;  // kept only to show source lines
  std::vector<report::Unreadable> unreadable;   // also in the JSON and SARIF reports
};

// Every input through the library's reader and the validator; an unreadable one is reported
// and the others are still checked.
Checked check_inputs(const Options& o, const validate::Options& options, bool keep_sources) {
  Checked c;
  input::Format forced = input::parse_format(o.input_format.format);
  for (const auto& path : expand_inputs(o.inputs, c.unreadable)) {
    std::string bytes;
    input::TextEncoding was = input::TextEncoding::utf8;
    try {
      bytes = input::read_text(path, &was);
      tools::note_input_encoding(kName, path, was);
    } catch (const Error& e) {
      tools::print_error(kName, e.describe());
      c.unreadable.push_back({path, e.message()});
      continue;
    }
    if (keep_sources) c.sources[path] = bytes;
    // XML that was UTF-16: findings' byte offsets are told in the file, as for any other input.
    std::string converted_xml = input::converted(was) && input::sniff(bytes) == input::Format::xml ? bytes : "";
    // The validator takes the bytes: a large message is parsed where it was read.
    c.reports.push_back(validate::validate_owned_input(std::move(bytes), path, options, forced));
    for (auto& d : c.reports.back().diagnostics) {
      if (d.offset && !converted_xml.empty()) d.offset = input::original_offset(converted_xml, *d.offset, was);
    }
  }
  return c;
}

// How many characters of a source line fit beside the indent: the terminal's width.
std::size_t source_width() {
  struct winsize ws {};
  return ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? std::max<std::size_t>(ws.ws_col, 40) - 2 : 78;
}

std::string render(const Options& o, report::Format format, const validate::Options& options, const Checked& c,
                   bool show_source, int exit_code) {
  report::RunInfo info{c.unreadable, exit_code};
  switch (format) {
    case report::Format::text: {
      report::TextOptions topts;
      topts.color = o.output.path == "-" && tools::use_color(o.color, STDOUT_FILENO);
      topts.show_source = show_source;
      topts.source_width = source_width();
      auto lookup = [&](const std::string& file, std::size_t line) -> std::string_view {
        auto it = c.sources.find(file);
        return it == c.sources.end() ? std::string_view{} : report::line_of(it->second, line);
      };
      return report::text(c.reports, topts, lookup);
    }
    case report::Format::json: return report::json(c.reports, options.profile, syncmldm::kVersion, info);
    case report::Format::sarif: return report::sarif(c.reports, options.profile, syncmldm::kVersion, info);
    case report::Format::github: return report::github(c.reports);
  }
  return {};
}

void note_counts(std::size_t files, const validate::Counts& counts) {
  auto plural = [](std::size_t n) { return n == 1 ? "" : "s"; };
  tools::print_note(kName, fmt::format("{} file{} checked: {} error{}, {} warning{}, {} note{}", files, plural(files),
                                       counts.errors, plural(counts.errors), counts.warnings, plural(counts.warnings),
                                       counts.notes, plural(counts.notes)));
}

int run(const Options& o) {
  validate::Options options = validator_options(o);
  if (o.list_rules) {
    if (o.format != "text" && o.format != "json") throw CLI::ValidationError("--format", "--list-rules prints text or json");
    tools::write_output(o.output, o.format == "json" ? report::rule_json(options.profile) : report::rule_table(options.profile),
                        false);
    return tools::kExitOk;
  }
  if (!o.explain_rule.empty()) return explain(o);
  if (o.inputs.empty()) throw CLI::RequiredError("INPUT (give a file, a directory, or - for standard input)");
  ddf::Schema schema;
  for (const auto& path : o.ddfs) ddf::load_path(schema, path);
  if (!o.ddfs.empty()) options.schema = &schema;
  if (!o.bootstrap_key_file.empty()) {
    tools::warn_if_readable_by_others(kName, o.bootstrap_key_file, "--bootstrap-key-file");
    options.bootstrap_key = tools::read_secret_file(o.bootstrap_key_file);
  }

  auto format = *report::parse_format(o.format);
  bool show_source = format == report::Format::text && o.output.path == "-" && ::isatty(STDOUT_FILENO) == 1;
  Checked checked = check_inputs(o, options, show_source);
  auto counts = validate::count(checked.reports);
  int code = !checked.unreadable.empty()                          ? tools::kExitInput
             : counts.errors > 0 || (o.werror && counts.warnings > 0) ? tools::kExitFindings
                                                                      : tools::kExitOk;
  tools::write_output(o.output, render(o, format, options, checked, show_source, code), false);
  if (format == report::Format::text || format == report::Format::github) note_counts(checked.reports.size(), counts);
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Validate OMA DM (SyncML) messages and provisioning fragments as a DM client would judge them"};
  tools::configure_app(app, kName);
  Options o;
  add_options(app, o);
  return tools::run_main(app, argc, argv, [&] { return run(o); });
}
