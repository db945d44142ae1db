// dm-validate: judge OMA DM messages and provisioning fragments as a DM client would.
// Parses options, collects inputs, hands each to the validator, prints the report.

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "common/app.hpp"
#include "common/exit_codes.hpp"
#include "common/net_options.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "common/secret_file.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/report/report.hpp"
#include "syncmldm/validate/validate.hpp"
#include "syncmldm/version.hpp"

namespace fs = std::filesystem;
using namespace syncmldm;

namespace {

constexpr const char* kName = "dm-validate";

bool wanted_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xml" || ext == ".wbxml" || ext == ".syncml";
}

// Files named on the command line as they are; directories searched recursively, sorted.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args, bool& failed) {
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
        failed = true;
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(a);
    }
  }
  return out;
}

// Asks for transparent huge pages on the whole 2 MB pages inside a buffer before it is first
// touched: a 20 MB input would otherwise cost some 5000 page faults. Only a hint.
void advise_huge_pages(const void* data, std::size_t size) {
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  auto end = (reinterpret_cast<std::uintptr_t>(data) + size) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

// Reads a whole file (or stdin for "-") with large reads into one buffer sized up front.
bool read_all(const std::string& path, std::string& out) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::error_code ec;
  auto size = path == "-" ? 0 : fs::file_size(path, ec);
  out.clear();
  if (!ec && size > 0) {
    out.reserve(static_cast<std::size_t>(size) + 1);
    advise_huge_pages(out.data(), out.capacity());
    out.resize(static_cast<std::size_t>(size));
  }
  std::size_t used = 0;
  while (true) {
    if (used == out.size()) {
      // Full (or size unknown): probe with a small read before growing, so that a file read
      // in one go is never copied into a bigger buffer.
      char probe[65536];
      std::size_t n = std::fread(probe, 1, sizeof probe, f);
      if (n == 0) break;
      out.resize(std::max(out.size() * 2, used + n));
      std::memcpy(out.data() + used, probe, n);
      used += n;
      continue;
    }
    std::size_t n = std::fread(out.data() + used, 1, out.size() - used, f);
    if (n == 0) break;
    used += n;
  }
  bool ok = !std::ferror(f);
  if (f != stdin) std::fclose(f);
  out.resize(used);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Validate OMA DM (SyncML) messages and provisioning fragments as a DM client would judge them"};
  tools::configure_app(app, kName);
  std::vector<std::string> inputs;
  std::string profile_name = "windows", direction_name = "auto", format_name = "text";
  std::vector<std::string> ddfs, disabled;
  std::string explain_rule, bootstrap_key_file;
  bool list_rules = false, werror = false;
  tools::OutputOptions output;
  tools::ColorOptions color;
  tools::InputFormatOption input_format;

  app.add_option("inputs", inputs, "Files, directories (searched for *.xml, *.wbxml, *.syncml) or - for stdin")
      ->option_text("INPUT...");
  app.add_option("--profile", profile_name, "Rules of: windows (the Windows DM client, default) or oma (strict OMA DM 1.2)")
      ->check(CLI::IsMember({"windows", "oma"}))
      ->option_text("NAME");
  app.add_option("--direction", direction_name, "Sender of the messages: server, client, or auto (from the content)")
      ->check(CLI::IsMember({"server", "client", "auto"}))
      ->option_text("SIDE");
  app.add_option("--ddf", ddfs, "Check LocURIs, commands and formats against DDF files (FILE or DIR, repeatable)")
      ->allow_extra_args(false)
      ->option_text("PATH");
  app.add_option("--format", format_name, "Output: text (default), json, sarif, github")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->option_text("FORMAT");
  app.add_flag("--list-rules", list_rules, "List every rule with its severity and status code, then exit");
  app.add_option("--explain", explain_rule, "Explain one rule in full, then exit")->option_text("RULE");
  app.add_option("--disable", disabled, "Do not report RULE (repeatable, or comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->option_text("RULE");
  app.add_flag("--werror", werror, "Treat warnings as errors for the exit status");
  app.add_option("--bootstrap-key-file", bootstrap_key_file,
                 "Check the bootstrap MAC (Content-Type SEC/MAC, HMAC-SHA1) of HTTP captures with the key in FILE")
      ->option_text("FILE");
  tools::add_input_format_option(app, input_format);
  tools::add_output_options(app, output, false);
  tools::add_color_option(app, color);
  tools::add_verbosity_options(app);

  // RULE completes to the ids of the rule registry (--completion).
  std::vector<std::string> rule_ids;
  for (const auto& rule : validate::rules()) rule_ids.emplace_back(rule.id);
  tools::completion::set_values("RULE", std::move(rule_ids));

  return tools::run_main(app, argc, argv, [&]() -> int {
    validate::Options options;
    options.profile = *validate::parse_profile(profile_name);
    options.direction = *validate::parse_direction(direction_name);
    for (const auto& id : disabled) {
      if (!validate::find_rule(id)) throw CLI::ValidationError("--disable", fmt::format("unknown rule '{}' (see --list-rules)", id));
    }
    options.disabled = disabled;

    if (list_rules) {
      tools::write_output(output, report::rule_table(options.profile), false);
      return tools::kExitOk;
    }
    if (!explain_rule.empty()) {
      const validate::Rule* rule = validate::find_rule(explain_rule);
      if (!rule) throw CLI::ValidationError("--explain", fmt::format("unknown rule '{}' (see --list-rules)", explain_rule));
      tools::write_output(output, report::explain(*rule), false);
      return tools::kExitOk;
    }
    if (inputs.empty()) throw CLI::RequiredError("INPUT (give a file, a directory, or - for standard input)");
    ddf::Schema schema;
    for (const auto& path : ddfs) ddf::load_path(schema, path);
    if (!ddfs.empty()) options.schema = &schema;
    if (!bootstrap_key_file.empty()) {
      tools::warn_if_readable_by_others(kName, bootstrap_key_file, "--bootstrap-key-file");
      options.bootstrap_key = tools::read_secret_file(bootstrap_key_file);
    }

    input::Format forced = input::parse_format(input_format.format);
    bool input_failed = false;
    std::vector<std::string> files = expand_inputs(inputs, input_failed);
    auto format = *report::parse_format(format_name);
    bool to_terminal = output.path == "-" && ::isatty(STDOUT_FILENO) == 1;
    bool show_source = format == report::Format::text && to_terminal;
    std::vector<validate::FileReport> reports;
    std::map<std::string, std::string> sources;  // kept only to show source lines
    for (const auto& path : files) {
      std::string bytes;
      if (!read_all(path, bytes)) {
        tools::print_error(kName, fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
        input_failed = true;
        continue;
      }
      if (show_source) sources[path] = bytes;
      // The validator takes the bytes: a large message is parsed where it was read.
      reports.push_back(validate::validate_owned_input(std::move(bytes), path, options, forced));
    }

    std::string rendered;
    switch (format) {
      case report::Format::text: {
        report::TextOptions topts;
        topts.color = output.path == "-" && tools::use_color(color, STDOUT_FILENO);
        topts.show_source = show_source;
        auto lookup = [&](const std::string& file, std::size_t line) -> std::string_view {
          auto it = sources.find(file);
          if (it == sources.end()) return {};
          std::string_view text = it->second;
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
        };
        rendered = report::text(reports, topts, lookup);
        break;
      }
      case report::Format::json: rendered = report::json(reports, options.profile, syncmldm::kVersion); break;
      case report::Format::sarif: rendered = report::sarif(reports, options.profile, syncmldm::kVersion); break;
      case report::Format::github: rendered = report::github(reports); break;
    }
    tools::write_output(output, rendered, false);

    auto counts = validate::count(reports);
    if (format == report::Format::text || format == report::Format::github) {
      tools::print_note(kName, fmt::format("{} file{} checked: {} error{}, {} warning{}, {} note{}", reports.size(),
                                           reports.size() == 1 ? "" : "s", counts.errors, counts.errors == 1 ? "" : "s",
                                           counts.warnings, counts.warnings == 1 ? "" : "s", counts.notes,
                                           counts.notes == 1 ? "" : "s"));
    }
    if (input_failed) return tools::kExitInput;
    if (counts.errors > 0 || (werror && counts.warnings > 0)) return tools::kExitFindings;
    return tools::kExitOk;
  });
}
