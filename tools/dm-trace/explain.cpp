// dm-trace explain: codes seen in traffic or a console, explained from the library's one table.
#include <iostream>

#include <nlohmann/json.hpp>

#include "common/exit_codes.hpp"
#include "dm-trace/dm_trace.hpp"
#include "dm-trace/trace_parts.hpp"
#include "syncmldm/codes/explain.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_trace {
namespace {

using namespace syncmldm;

void text(const codes::Explanation& e, std::ostream& out) {
  out << e.code << ' ' << (e.known ? e.name : std::string("unknown")) << " (" << codes::kind_name(e.kind);
  if (e.decimal) out << ", " << *e.decimal;
  out << ")\n  " << e.meaning << '\n';
  if (!e.note.empty()) out << "  " << e.note << '\n';
  if (!e.source.empty()) out << "  source: " << e.source << '\n';
}

nlohmann::json to_json(const codes::Explanation& e) {
  nlohmann::json j{{"token", e.token}, {"code", e.code}, {"kind", codes::kind_name(e.kind)}, {"known", e.known},
                   {"name", e.name},   {"meaning", e.meaning}, {"source", e.source}};
  j["decimal"] = e.decimal ? nlohmann::json(*e.decimal) : nlohmann::json(nullptr);
  if (!e.note.empty()) j["note"] = e.note;
  return j;
}

}  // namespace

void add_parts(CLI::App& app, Parts& parts) {
  parts.explain = app.add_subcommand("explain", "Explain SyncML status codes, Windows DM client and enrolment HRESULTs, "
                                                "Intune's decimal forms");
  parts.explain->add_option("CODE", parts.codes, "Codes: 404, 0x86000002, 86000002, -2016345612")
      ->option_text("CODE...")
      ->required();
  parts.explain->add_option("--format", parts.explain_format, "Output: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->option_text("FORMAT");
  app.add_flag("--redact", parts.redact,
               "Write a copy of the input (XML, WBXML, HTTP stream or HAR) with secrets replaced by same-length "
               "markers, to -o FILE or standard output");
  app.add_flag("--redact-ids", parts.redact_ids, "With --redact (implied): device identifiers too (DevId, IMEI, serial, UPN)");
}

std::optional<int> run_parts(const Parts& parts, const Options& o) {
  if (parts.explain && parts.explain->parsed()) {
    return run_explain(parts.codes, parts.explain_format == "json" || o.format == "json", std::cout, std::cerr);
  }
  if (!parts.redact && !parts.redact_ids) return std::nullopt;
  if (o.inputs.size() != 1) throw CLI::ValidationError("--redact", "takes exactly one INPUT (a file, or - for standard input)");
  if (!o.extract.empty() || o.validate || o.format != "text" || o.failed || !o.session.empty() || !o.grep.empty() ||
      o.input_format != "auto")
    throw CLI::ValidationError("--redact", "writes a copy of the input: it takes none of the view options");
  return run_redact(o.inputs.front(), o.output, parts.redact_ids, o.tls_keylog, o.port);
}

int run_explain(const std::vector<std::string>& tokens, bool json, std::ostream& out, std::ostream& err) {
  if (tokens.empty()) {
    err << "dm-trace: error: explain needs at least one CODE (e.g. 404, 0x86000002, -2016345612)\n";
    return tools::kExitUsage;
  }
  int status = tools::kExitOk;
  nlohmann::json all = nlohmann::json::array();
  bool first = true;
  for (const auto& token : tokens) {
    try {
      codes::Explanation e = codes::explain(token);
      if (!e.known && status == tools::kExitOk) status = tools::kExitFindings;
      if (json) {
        all.push_back(to_json(e));
      } else {
        if (!first) out << '\n';
        first = false;
        text(e, out);
      }
    } catch (const Error& e) {
      err << "dm-trace: error: " << e.message() << '\n';
      status = tools::kExitUsage;
    }
  }
  if (json) out << nlohmann::json{{"codes", all}}.dump(2) << '\n';
  return status;
}

}  // namespace dm_trace
