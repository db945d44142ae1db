// dm-tree describe: what a DDF says of one node (access, format, allowed values, ...), from
// --ddf files or from the schema a state carries.

#include <unistd.h>

#include <fmt/format.h>

#include "common/exit_codes.hpp"
#include "common/term_width.hpp"
#include "dm_tree.hpp"
#include "schema_json.hpp"
#include "syncmldm/device/judgement.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/ddf_load.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_tree {

using namespace syncmldm;

namespace {

void allowed_lines(const ddf::AllowedValues& a, std::string& out) {
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    std::string d = i < a.descriptions.size() ? a.descriptions[i] : "";
    out += "    " + a.values[i] + (d.empty() ? "" : "  " + d) + "\n";
  }
}

std::string describe_text(const ddf::SchemaNode& n, std::size_t width) {
  std::string out = ddf::path_of(n) + "\n";
  auto line = [&](const char* k, const std::string& v) {
    if (!v.empty()) out += fmt::format("  {:<12}{}\n", k, v);
  };
  if (!n.described) return out + "  (no description: only implied by a Path)\n";
  line("Access", n.access.to_string());
  line("Format", n.format);
  line("Type", n.type());
  line("Occurrence", (n.occurrence.empty() ? "One" : n.occurrence) + (n.occurrence_n.empty() ? "" : " " + n.occurrence_n));
  line("Scope", n.scope.empty() ? "Dynamic" : n.scope);
  line("Title", n.title);
  if (n.default_value) line("Default", *n.default_value);
  line("CaseSense", n.case_sense);
  if (!n.dynamic_naming.empty()) line("Naming", n.dynamic_naming + (n.unique_name.empty() ? "" : " " + n.unique_name));
  if (n.allowed) {
    line("Allowed", n.allowed->value_type +
                        (n.allowed->list_delimiter ? " list, delimiter '" + *n.allowed->list_delimiter + "'" : ""));
    allowed_lines(*n.allowed, out);
  }
  // Prose reflowed to the terminal (or COLUMNS), under its own column.
  if (!n.description.empty())
    out += fmt::format("  {:<12}{}\n", "Description", tools::wrap_words(n.description, width, std::string(14, ' ')));
  std::string kids;
  for (const auto& [name, _] : n.children) kids += (kids.empty() ? "" : " ") + uri::encode_segment(name);
  if (n.dynamic) kids += kids.empty() ? "<x>" : " <x>";
  line("Children", kids);
  if (!n.where.file.empty() && n.where.file != ddf::kStandardObjectsSource) line("Defined", n.where.to_string());
  return out;
}

nlohmann::json describe_json(const ddf::SchemaNode& n) {
  nlohmann::json j = schema_json(n, 0, 0);
  j.erase("children");
  if (n.default_value) j["default"] = *n.default_value;
  j["description"] = n.description;
  j["title"] = n.title;
  if (n.allowed) {
    nlohmann::json a;
    a["type"] = n.allowed->value_type;
    a["values"] = n.allowed->values;
    a["descriptions"] = n.allowed->descriptions;
    if (n.allowed->list_delimiter) a["delimiter"] = *n.allowed->list_delimiter;
    j["allowed"] = a;
  }
  return j;
}

}  // namespace

int describe(const DescribeOptions& o) {
  std::shared_ptr<const ddf::Schema> schema;
  std::string target;
  if (!o.ddf.empty()) {
    if (o.args.size() != 1) throw Error(ErrorKind::usage, "describe --ddf FILE needs one URI");
    schema = load_schema(o.ddf, false);
    target = o.args[0];
  } else {
    if (o.args.size() != 2) throw Error(ErrorKind::usage, "describe needs --ddf FILE URI or STATE URI");
    tree::Tree t = load_state(o.args[0]);
    schema = t.schema();
    target = o.args[1];
    if (!schema) throw Error(ErrorKind::input, o.args[0] + ": the state carries no schema");
  }
  const ddf::SchemaNode* n = judgement::known_node(*schema, target);
  if (!n) return not_found(target, schema.get());
  print(o.format == "json" ? describe_json(*n).dump(2) + "\n" : describe_text(*n, tools::text_width(STDOUT_FILENO)));
  return tools::kExitOk;
}

}  // namespace dm_tree
