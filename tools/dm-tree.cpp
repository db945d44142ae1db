// dm-tree: a local OMA DM tree. Builds state files from DDF schemas, shows and queries them,
// and applies SyncML packages as a Windows DM client would, printing its response.

#include <time.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/app.hpp"
#include "common/clock.hpp"
#include "common/exit_codes.hpp"
#include "common/heap.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "common/state_file.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/codec/codec.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/device/device.hpp"
#include "syncmldm/input/input.hpp"
#include "syncmldm/device/judgement.hpp"
#include "syncmldm/message/message.hpp"
#include "syncmldm/tree/tnds.hpp"
#include "syncmldm/tree/tree.hpp"
#include "syncmldm/tree/uri.hpp"

namespace {

using namespace syncmldm;
constexpr const char* kTool = "dm-tree";

// ---- timing (-vv) ---------------------------------------------------------------------------

// Wall and CPU milliseconds since construction, for the phase notes printed with -vv.
class Stopwatch {
 public:
  Stopwatch() : wall_(std::chrono::steady_clock::now()), cpu_(tools::cpu_ms()) {}
  std::string lap() {
    auto w = std::chrono::steady_clock::now();
    double c = tools::cpu_ms();
    std::string s = fmt::format("{:.1f} ms (CPU {:.1f} ms)", std::chrono::duration<double, std::milli>(w - wall_).count(), c - cpu_);
    wall_ = w;
    cpu_ = c;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

void timing_note(const std::string& what) {
  if (tools::verbosity() >= 2) tools::print_note(kTool, what);
}

// ---- loading ------------------------------------------------------------------------------

// Large structures are not taken apart when the process ends: freeing 100,000 schema nodes (or
// tree nodes) one by one costs more than the system reclaiming the pages at exit. This keeps
// them reachable (so leak checkers stay quiet) and is released only by the exit itself.
void keep_until_exit(std::shared_ptr<const void> big) {
  static auto* kept = new std::vector<std::shared_ptr<const void>>;
  kept->push_back(std::move(big));
}

std::shared_ptr<ddf::Schema> load_schema(const std::vector<std::string>& ddfs, bool with_standard) {
  auto schema = std::make_shared<ddf::Schema>();
  keep_until_exit(schema);
  // The text read (1 byte per byte) and the schema (about 1.6 bytes per DDF byte).
  tools::reserve_heap(3 * tools::input_bytes(ddfs));
  if (with_standard) ddf::load_text(*schema, ddf::standard_objects_ddf(), "<standard objects>");
  for (const auto& f : ddfs) {
    Stopwatch sw;
    ddf::load_path(*schema, f);
    timing_note(fmt::format("loaded DDF {} in {}", f, sw.lap()));
  }
  if (!ddfs.empty() && tools::verbosity() >= 2) timing_note(fmt::format("schema: {} described nodes", schema->size()));
  return schema;
}

tree::Tree load_state(const std::string& path) { return tnds::read_state(read_file(path), path); }

void save_state(const tree::Tree& t, const std::string& path) {
  if (path == "-") {
    tools::OutputOptions o;
    tools::write_output(o, tnds::write_state(t), false);
  } else {
    tools::save_state(kTool, path, t);
  }
}

std::string printable(std::string_view v) {
  std::string out;
  for (unsigned char c : v) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
    else out.push_back(static_cast<char>(c));
  }
  return out;
}

// ---- show ----------------------------------------------------------------------------------

struct ShowOptions {
  int depth = -1;
  bool props = false;
  bool show_secrets = false;
  const tree::Tree* tree = nullptr;  // for the read check of each value
  mutable std::size_t hidden = 0;    // values masked so far
};

void note_masked(std::size_t count) {
  if (count)
    tools::print_note(kTool, fmt::format("{} value{} of nodes without Get masked as {} (--show-secrets shows them)", count,
                                         count == 1 ? "" : "s", tree::kHiddenValue));
}

// The read check of show and diff (the tree's one, Tree::read_status): true when the value of
// `n` is to be masked, counted in `hidden` for the note.
bool masks(const tree::Tree& t, const tree::Node& n, bool show_secrets, std::size_t& hidden) {
  if (show_secrets || t.read_status(n, {}) == 200) return false;
  ++hidden;
  return true;
}

// A leaf's value as show prints it: masked when the read check refuses it.
std::string shown_value(const tree::Node& n, const ShowOptions& o) {
  if (o.tree && masks(*o.tree, n, o.show_secrets, o.hidden)) return std::string(tree::kHiddenValue);
  return n.format == "bin" ? fmt::format("<{} bytes>", n.value.size()) : n.value;
}

std::string node_label(const tree::Node& n, const ShowOptions& o, bool top) {
  std::string label = top ? n.uri() : uri::encode_segment(n.name);
  if (!n.is_interior()) label += " = " + printable(shown_value(n, o));
  if (o.props) {
    std::string p = n.format;
    if (!n.type.empty()) p += ", " + n.type;
    if (!n.acl.empty()) p += ", ACL " + n.acl;
    if (!n.title.empty()) p += ", Title " + printable(n.title);
    p += fmt::format(", VerNo {}", n.verno);
    if (!n.tstamp.empty()) p += ", " + n.tstamp;
    label += "  (" + p + ")";
  }
  return label;
}

void draw_tree(const tree::Node& n, const ShowOptions& o, const std::string& prefix, int level, std::string& out) {
  if (o.depth >= 0 && level >= o.depth) return;
  std::size_t i = 0;
  for (const auto& [_, c] : n.children) {
    bool last = ++i == n.children.size();
    out += prefix + (last ? "└── " : "├── ") + node_label(*c, o, false) + "\n";
    draw_tree(*c, o, prefix + (last ? "    " : "│   "), level + 1, out);
  }
}

std::string schema_label(const ddf::SchemaNode& n, bool top, bool props) {
  std::string label = top ? ddf::path_of(n) : (n.name.empty() ? "<x>" : uri::encode_segment(n.name));
  if (n.described) {
    label += "  [" + n.access.to_string() + "] " + n.format;
    if (props) {
      if (!n.occurrence.empty()) label += ", " + n.occurrence + (n.occurrence_n.empty() ? "" : " " + n.occurrence_n);
      if (!n.scope.empty()) label += ", " + n.scope;
      if (!n.type().empty()) label += ", " + n.type();
    }
  }
  return label;
}

void draw_schema(const ddf::SchemaNode& n, const ShowOptions& o, const std::string& prefix, int level, std::string& out) {
  if (o.depth >= 0 && level >= o.depth) return;
  std::vector<const ddf::SchemaNode*> kids;
  for (const auto& [_, c] : n.children) kids.push_back(c.get());
  if (n.dynamic) kids.push_back(n.dynamic.get());
  for (std::size_t i = 0; i < kids.size(); ++i) {
    bool last = i + 1 == kids.size();
    out += prefix + (last ? "└── " : "├── ") + schema_label(*kids[i], false, o.props) + "\n";
    draw_schema(*kids[i], o, prefix + (last ? "    " : "│   "), level + 1, out);
  }
}

nlohmann::json node_json(const tree::Node& n, const ShowOptions& o, int level) {
  nlohmann::json j;
  j["name"] = n.parent ? n.name : ".";
  j["uri"] = n.uri();
  j["format"] = n.format;
  j["type"] = n.type;
  if (!n.is_interior()) j["value"] = n.format == "bin" ? std::string() : shown_value(n, o);
  if (o.props) {
    j["acl"] = n.acl;
    j["title"] = n.title;
    j["tstamp"] = n.tstamp;
    j["verno"] = n.verno;
    if (!n.is_interior()) j["size"] = n.value.size();
  }
  if (n.is_interior()) {
    j["children"] = nlohmann::json::array();
    if (o.depth < 0 || level < o.depth)
      for (const auto& [_, c] : n.children) j["children"].push_back(node_json(*c, o, level + 1));
  }
  return j;
}

nlohmann::json schema_json(const ddf::SchemaNode& n, const ShowOptions& o, int level) {
  nlohmann::json j;
  j["name"] = n.parent ? (n.name.empty() ? "<x>" : n.name) : ".";
  j["uri"] = ddf::path_of(n);
  j["described"] = n.described;
  if (n.described) {
    j["access"] = n.access.to_string();
    j["format"] = n.format;
    j["type"] = n.type();
    j["occurrence"] = n.occurrence.empty() ? "One" : n.occurrence;
    j["scope"] = n.scope.empty() ? "Dynamic" : n.scope;
  }
  j["children"] = nlohmann::json::array();
  if (o.depth < 0 || level < o.depth) {
    for (const auto& [_, c] : n.children) j["children"].push_back(schema_json(*c, o, level + 1));
    if (n.dynamic) j["children"].push_back(schema_json(*n.dynamic, o, level + 1));
  }
  return j;
}

// ---- describe ------------------------------------------------------------------------------

std::string describe_text(const ddf::SchemaNode& n) {
  std::string out = ddf::path_of(n) + "\n";
  auto line = [&](const char* k, const std::string& v) {
    if (!v.empty()) out += fmt::format("  {:<12}{}\n", k, v);
  };
  if (!n.described) {
    out += "  (no description: only implied by a Path)\n";
    return out;
  }
  line("Access", n.access.to_string());
  line("Format", n.format);
  line("Type", n.type());
  line("Occurrence", (n.occurrence.empty() ? "One" : n.occurrence) + (n.occurrence_n.empty() ? "" : " " + n.occurrence_n));
  line("Scope", n.scope.empty() ? "Dynamic" : n.scope);
  line("Title", n.title);
  if (n.default_value) line("Default", *n.default_value);
  line("CaseSense", n.case_sense);
  if (!n.dynamic_naming.empty())
    line("Naming", n.dynamic_naming + (n.unique_name.empty() ? "" : " " + n.unique_name));
  if (n.allowed) {
    line("Allowed", n.allowed->value_type + (n.allowed->list_delimiter ? " list, delimiter '" + *n.allowed->list_delimiter + "'" : ""));
    for (std::size_t i = 0; i < n.allowed->values.size(); ++i) {
      std::string d = i < n.allowed->descriptions.size() ? n.allowed->descriptions[i] : "";
      out += "    " + n.allowed->values[i] + (d.empty() ? "" : "  " + d) + "\n";
    }
  }
  line("Description", n.description);
  std::string kids;
  for (const auto& [name, _] : n.children) kids += (kids.empty() ? "" : " ") + uri::encode_segment(name);
  if (n.dynamic) kids += kids.empty() ? "<x>" : " <x>";
  line("Children", kids);
  if (!n.where.file.empty() && n.where.file != "<standard objects>") line("Defined", n.where.to_string());
  return out;
}

nlohmann::json describe_json(const ddf::SchemaNode& n) {
  nlohmann::json j = schema_json(n, ShowOptions{0, false}, 0);
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

int not_found(const std::string& what, const ddf::Schema* schema, const std::string& text) {
  tools::print_error(kTool, fmt::format("{}: no such node", what));
  if (!schema) return tools::kExitFindings;
  // The hint dm-validate gives (judgement.hpp), else the nearest names of the schema.
  auto u = judgement::unknown_node(*schema, uri::canonical(uri::parse(text)).segments);
  if (u && u->scope_hint)
    tools::print_note(kTool, *u->scope_hint == uri::Scope::user ? "the DDF defines it in user scope: ./User/..."
                                                     : "the DDF defines it in device scope: ./Device/...");
  else if (u && !u->suggestion.empty())
    tools::print_note(kTool, "did you mean " + u->suggestion + "?");
  else if (auto s = ddf::suggest(*schema, text))
    for (const auto& x : s->uris) tools::print_note(kTool, "did you mean " + x + "?");
  return tools::kExitFindings;
}

void collect_schema_paths(const ddf::SchemaNode& n, std::vector<std::string>& out) {
  if (n.described) out.push_back(ddf::path_of(n));
  for (const auto& [_, c] : n.children) collect_schema_paths(*c, out);
  if (n.dynamic) collect_schema_paths(*n.dynamic, out);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"A local OMA DM tree: DDF schemas, TNDS state files, and device-side execution of packages."};
  tools::configure_app(app, kTool);
  tools::add_verbosity_options(app);
  app.require_subcommand(1);
  app.fallthrough();  // -q and -v work after the subcommand too

  // init
  auto* init = app.add_subcommand("init", "Create a state file with the standard objects and DDF defaults");
  std::vector<std::string> init_ddf, init_set;
  std::string init_out = "-", init_devid;
  init->add_option("--ddf", init_ddf, "DDF file or folder of DDF files (repeatable)")->option_text("FILE")->allow_extra_args(false);
  init->add_option("--set", init_set, "Set a leaf value, creating the node (repeatable)")->option_text("URI=VALUE")->allow_extra_args(false);
  init->add_option("--dev-id", init_devid, "Device identifier for ./DevInfo/DevId")->option_text("ID");
  init->add_option("-o,--output", init_out, "Write the state to FILE ('-' is stdout)")->option_text("FILE");

  // show
  auto* show = app.add_subcommand("show", "Draw a state (or a DDF schema) as a tree");
  std::vector<std::string> show_args, show_ddf;
  ShowOptions show_opt;
  std::string show_format = "text";
  show->add_option("args", show_args, "STATE and/or URI")->option_text("[STATE] [URI]");
  show->add_option("--ddf", show_ddf, "Show this DDF schema instead of a state (repeatable)")->option_text("FILE")->allow_extra_args(false);
  show->add_option("--depth", show_opt.depth, "Levels to show below the start node")->option_text("N");
  show->add_flag("--props", show_opt.props, "Show node properties");
  show->add_flag("--show-secrets", show_opt.show_secrets, "Show values of nodes without Get (masked otherwise)");
  show->add_option("--format", show_format, "Output: text, json or tnds")
      ->check(CLI::IsMember({"text", "json", "tnds"}))
      ->option_text("FORMAT");

  // get
  auto* get = app.add_subcommand("get", "Print a node's value, child list, property (?prop=) or structure (?list=)");
  std::string get_state, get_uri;
  get->add_option("STATE", get_state, "State file")->required();
  get->add_option("URI", get_uri, "Node URI")->required();
  bool get_secrets = false;
  get->add_flag("--show-secrets", get_secrets, "Show values of nodes without Get (masked otherwise)");

  // describe
  auto* describe = app.add_subcommand("describe", "Document a node from a DDF: access, format, allowed values...");
  std::vector<std::string> describe_args, describe_ddf;
  std::string describe_format = "text";
  describe->add_option("args", describe_args, "[STATE] URI")->option_text("[STATE] URI");
  describe->add_option("--ddf", describe_ddf, "DDF file or folder (repeatable)")->option_text("FILE")->allow_extra_args(false);
  describe->add_option("--format", describe_format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->option_text("FORMAT");

  // find
  auto* find = app.add_subcommand("find", "List node URIs matching a pattern");
  std::vector<std::string> find_args, find_ddf;
  find->add_option("args", find_args, "[STATE] PATTERN")->option_text("[STATE] PATTERN");
  find->add_option("--ddf", find_ddf, "Search this DDF schema instead of a state (repeatable)")->option_text("FILE")->allow_extra_args(false);

  // diff
  auto* diffc = app.add_subcommand("diff", "Compare two state files");
  std::string diff_a, diff_b;
  diffc->add_option("A", diff_a, "Old state")->required();
  diffc->add_option("B", diff_b, "New state")->required();
  bool diff_secrets = false;
  diffc->add_flag("--show-secrets", diff_secrets, "Show values of nodes without Get (masked otherwise)");

  // complete
  auto* complete = app.add_subcommand("complete", "Complete a node URI (for shell completion)");
  std::string complete_prefix, complete_state;
  std::vector<std::string> complete_ddf;
  complete->add_option("PREFIX", complete_prefix, "Partial URI")->required();
  complete->add_option("--state", complete_state, "Complete from this state file")->option_text("FILE");
  complete->add_option("--ddf", complete_ddf, "Complete from this DDF schema (repeatable)")->option_text("FILE")->allow_extra_args(false);

  // apply
  auto* apply = app.add_subcommand("apply", "Apply a package to a state and print the device's response");
  std::string apply_state, apply_package, apply_out, apply_server, apply_msgid = "1";
  bool apply_in_place = false, apply_wbxml = false, apply_fail = false, apply_force = false;
  tools::InputFormatOption apply_input;
  apply->add_option("STATE", apply_state, "State file")->required();
  apply->add_option("PACKAGE", apply_package, "SyncML package ('-' is stdin)")->required();
  auto* in_place = apply->add_flag("--in-place", apply_in_place, "Save the new state over STATE");
  apply->add_option("-o,--output", apply_out, "Save the new state to FILE")->option_text("FILE")->excludes(in_place);
  apply->add_flag("--wbxml", apply_wbxml, "Print the response as WBXML");
  apply->add_flag("--force", apply_force, "Write WBXML even to a terminal; replace a read-only state");
  tools::StateFileOptions apply_state_file;
  tools::add_lock_timeout_option(*apply, apply_state_file)->needs(in_place);
  apply->add_option("--server-id", apply_server, "Server identifier: enforce ACLs for it")->option_text("ID");
  apply->add_option("--msg-id", apply_msgid, "MsgID of the response (default 1)")->option_text("N");
  apply->add_flag("--fail-on-status", apply_fail, "Exit 1 when any command failed");
  tools::add_input_format_option(*apply, apply_input);

  return tools::run_main(app, argc, argv, [&]() -> int {
    if (*init) {
      auto schema = load_schema(init_ddf, true);
      tree::Identity id;
      if (!init_devid.empty()) id.dev_id = init_devid;
      std::string now = tools::now_stamp();
      tree::Tree t = tree::make_standard_tree(id, schema, now);
      for (const auto& s : init_set) {
        auto eq = s.find('=');
        if (eq == std::string::npos) throw Error(ErrorKind::usage, "--set needs URI=VALUE, got '" + s + "'");
        std::string u = s.substr(0, eq);
        auto problems = uri::check(u);
        if (uri::has_error(problems))
          throw Error(ErrorKind::usage, fmt::format("--set {}: {}", u, uri::describe(problems.front().kind)));
        auto segs = uri::canonical(uri::parse(u)).segments;
        const ddf::SchemaNode* sch = t.schema_of(segs);
        tree::Node* n = t.ensure(segs, sch && !sch->format.empty() ? sch->format : "chr");
        if (!n || n->is_interior()) throw Error(ErrorKind::usage, "--set " + u + ": not a leaf");
        n->value = s.substr(eq + 1);
        if (n->type.empty()) n->type = sch ? sch->type() : "text/plain";
        n->tstamp = now;
      }
      save_state(t, init_out);
      return tools::kExitOk;
    }

    if (*show) {
      std::string out;
      std::string state_path, start = ".";
      if (!show_ddf.empty()) {
        if (show_args.size() > 1) throw Error(ErrorKind::usage, "show --ddf takes at most a URI");
        if (!show_args.empty()) start = show_args[0];
        auto schema = load_schema(show_ddf, false);
        const ddf::SchemaNode* n = start == "." ? &schema->root() : schema->lookup(start);
        if (!n) return not_found(start, schema.get(), start);
        if (show_format == "json") out = schema_json(*n, show_opt, 0).dump(2) + "\n";
        else if (show_format == "tnds") throw Error(ErrorKind::usage, "--format tnds needs a state, not a DDF");
        else {
          out = schema_label(*n, true, show_opt.props) + "\n";
          draw_schema(*n, show_opt, "", 0, out);
        }
      } else {
        if (show_args.empty() || show_args.size() > 2) throw Error(ErrorKind::usage, "show needs STATE [URI]");
        tree::Tree t = load_state(show_args[0]);
        if (show_args.size() == 2) start = show_args[1];
        const tree::Node* n = t.find(start);
        if (!n) return not_found(start, t.schema().get(), start);
        show_opt.tree = &t;
        if (show_format == "json") {
          out = node_json(*n, show_opt, 0).dump(2) + "\n";
        } else if (show_format == "tnds") {
          tnds::Selection sel;
          if (!show_opt.show_secrets) {
            sel.value_visible = [&](const tree::Node& x) { return !masks(t, x, false, show_opt.hidden); };
            sel.hidden_value = tree::kHiddenValue;
          }
          out = tnds::write_subtree(*n, sel);
        } else {
          out = node_label(*n, show_opt, true) + "\n";
          draw_tree(*n, show_opt, "", 0, out);
        }
        note_masked(show_opt.hidden);
      }
      tools::write_output(tools::OutputOptions{}, out, false);
      return tools::kExitOk;
    }

    if (*get) {
      tree::Tree t = load_state(get_state);
      auto problems = uri::check(get_uri);
      if (uri::has_error(problems))
        throw Error(ErrorKind::usage, fmt::format("{}: {}", get_uri, uri::describe(problems.front().kind)));
      // Reuse the device semantics: a Get as a server would send it, without ACL checks.
      std::string pkg = "<SyncML><SyncHdr><MsgID>1</MsgID></SyncHdr><SyncBody><Get><CmdID>1</CmdID><Item><Target><LocURI>" +
                        message::escape(get_uri) + "</LocURI></Target></Item></Get></SyncBody></SyncML>";
      auto doc = xml::Document::parse(pkg, "get");
      device::Options get_options;
      get_options.secrets = get_secrets ? device::Secrets::reveal : device::Secrets::mask;
      auto resp = device::apply(t, message::read(doc), get_options);
      const auto& cmds = resp.message.commands;
      std::string code = cmds.size() > 1 ? cmds[1].data.value_or("500") : "500";
      if (code == "404") return not_found(get_uri, t.schema().get(), get_uri);
      if (code != "200") {
        tools::print_error(kTool, fmt::format("{}: status {}", get_uri, code));
        return tools::kExitFindings;
      }
      std::string out;
      for (const auto& c : cmds)
        if (c.kind == message::Kind::results)
          for (const auto& it : c.items) {
            if (c.items.size() > 1 || it.source->uri() != get_uri)
              out += it.source->uri() + (it.data ? " = " + it.data->text : std::string()) + "\n";
            else
              out += (it.data ? it.data->text : std::string()) + "\n";
          }
      tools::write_output(tools::OutputOptions{}, out, false);
      return tools::kExitOk;
    }

    if (*describe) {
      std::shared_ptr<const ddf::Schema> schema;
      std::string target;
      if (!describe_ddf.empty()) {
        if (describe_args.size() != 1) throw Error(ErrorKind::usage, "describe --ddf FILE needs one URI");
        schema = load_schema(describe_ddf, false);
        target = describe_args[0];
      } else {
        if (describe_args.size() != 2) throw Error(ErrorKind::usage, "describe needs --ddf FILE URI or STATE URI");
        tree::Tree t = load_state(describe_args[0]);
        schema = t.schema();
        target = describe_args[1];
        if (!schema) throw Error(ErrorKind::input, describe_args[0] + ": the state carries no schema");
      }
      const ddf::SchemaNode* n = schema->lookup(target);
      // A misspelt Policy area still matches the dynamic area node: name it unknown, as dm-validate does.
      if (!n || judgement::unknown_node(*schema, uri::canonical(uri::parse(target)).segments))
        return not_found(target, schema.get(), target);
      std::string out = describe_format == "json" ? describe_json(*n).dump(2) + "\n" : describe_text(*n);
      tools::write_output(tools::OutputOptions{}, out, false);
      return tools::kExitOk;
    }

    if (*find) {
      std::vector<std::string> uris;
      std::string pattern;
      if (!find_ddf.empty()) {
        if (find_args.size() != 1) throw Error(ErrorKind::usage, "find --ddf FILE needs one PATTERN");
        pattern = find_args[0];
        auto schema = load_schema(find_ddf, false);
        std::vector<std::string> all;
        collect_schema_paths(schema->root(), all);
        for (auto& u : all)
          if (tree::uri_matches(pattern, u)) uris.push_back(std::move(u));
      } else {
        if (find_args.size() != 2) throw Error(ErrorKind::usage, "find needs STATE PATTERN or --ddf FILE PATTERN");
        pattern = find_args[1];
        tree::Tree t = load_state(find_args[0]);
        uris = tree::find(t.root(), pattern);
      }
      std::string out;
      for (const auto& u : uris) out += u + "\n";
      tools::write_output(tools::OutputOptions{}, out, false);
      return uris.empty() ? tools::kExitFindings : tools::kExitOk;
    }

    if (*diffc) {
      tree::Tree a = load_state(diff_a), b = load_state(diff_b);
      std::string out;
      std::size_t hidden = 0;
      for (auto d : tree::diff(a.root(), b.root())) {
        // A secret's old and new values are masked alike (the same read check as show).
        const tree::Node* n = b.find(d.uri);
        const tree::Tree& owner = n ? b : a;
        if (!n) n = a.find(d.uri);
        bool value = d.kind == tree::Difference::Kind::added || d.what == tree::Difference::Property::value;
        if (n && value && !(d.before.empty() && d.after.empty()) && masks(owner, *n, diff_secrets, hidden)) {
          if (!d.before.empty()) d.before = tree::kHiddenValue;
          if (!d.after.empty()) d.after = tree::kHiddenValue;
        }
        switch (d.kind) {
          case tree::Difference::Kind::added: out += "+ " + d.uri + (d.after.empty() ? "" : " = " + printable(d.after)) + "\n"; break;
          case tree::Difference::Kind::removed: out += "- " + d.uri + "\n"; break;
          case tree::Difference::Kind::changed:
            out += "~ " + d.uri + " " + std::string(tree::property_name(d.what)) + ": " + printable(d.before) + " -> " + printable(d.after) + "\n";
            break;
        }
      }
      tools::write_output(tools::OutputOptions{}, out, false);
      note_masked(hidden);
      return out.empty() ? tools::kExitOk : tools::kExitFindings;
    }

    if (*complete) {
      // Names of the children of the prefix's parent that start with its last segment.
      std::string parent_text = ".", partial = complete_prefix;
      auto slash = complete_prefix.rfind('/');
      if (slash != std::string::npos) {
        parent_text = complete_prefix.substr(0, slash);
        partial = complete_prefix.substr(slash + 1);
      } else if (complete_prefix == ".") {
        partial.clear();
      }
      std::string head = slash != std::string::npos ? complete_prefix.substr(0, slash + 1) : std::string("./");
      std::set<std::string> names;
      if (!complete_state.empty()) {
        tree::Tree t = load_state(complete_state);
        if (const tree::Node* n = t.find(parent_text))
          for (const auto& [name, c] : n->children) names.insert(uri::encode_segment(name) + (c->is_interior() ? "/" : ""));
      }
      auto schema = load_schema(complete_ddf, true);
      if (const ddf::SchemaNode* n = schema->lookup(parent_text))
        for (const auto& [name, c] : n->children) names.insert(uri::encode_segment(name) + (c->is_interior() ? "/" : ""));
      std::string out;
      for (const auto& name : names)
        if (name.compare(0, partial.size(), partial) == 0) out += head + name + "\n";
      tools::write_output(tools::OutputOptions{}, out, false);
      return tools::kExitOk;
    }

    if (*apply) {
      // The request and response models take some 45 bytes per package byte, the tree a few per
      // state byte; what is not used stays address space only.
      tools::reserve_heap(64 * tools::input_bytes({apply_package}) + 8 * tools::input_bytes({apply_state}));
      Stopwatch sw;
      // --in-place: locked from reading to saving, so that a concurrent apply waits for this one.
      std::optional<tools::StateUpdate> update;
      if (apply_in_place) update.emplace(apply_state, apply_state_file, apply_force);
      else if (!apply_out.empty() && apply_out != "-") tools::check_replaceable(apply_out, apply_force);
      tree::Tree t = load_state(apply_state);
      timing_note("read the state in " + sw.lap());
      // Any input form (XML, WBXML, hex, Base64, HTTP); a bad package leaves the state alone.
      auto payload = input::load(apply_package, input::parse_format(apply_input.format));
      std::string xml_text = payload.payload == input::Format::wbxml
                                 ? codec::wbxml_to_xml(payload.bytes, apply_package)
                                 : std::move(payload.bytes);
      auto doc = xml::Document::parse(xml_text, apply_package);
      auto request = message::read(doc);
      timing_note(fmt::format("read the package ({} commands) in {}", request.commands.size(), sw.lap()));
      device::Options o;
      o.msg_id = apply_msgid;
      o.server_id = apply_server;
      o.now = tools::now_stamp();
      auto resp = device::apply(t, request, o);
      timing_note("applied the commands in " + sw.lap());
      for (const auto& e : resp.execs)
        if (tools::verbosity() > 0) tools::print_note(kTool, "exec " + e.uri + (e.data.empty() ? "" : " with " + printable(e.data)));
      if (!resp.reply) {
        tools::print_note(kTool, "the package holds no command to answer (only Statuses): a device sends no response");
        if (apply_in_place) save_state(t, apply_state);
        else if (!apply_out.empty()) save_state(t, apply_out);
        return tools::kExitOk;
      }
      std::string out = message::write(resp.message);
      if (apply_wbxml) out = codec::xml_to_wbxml(out, "response");
      timing_note("wrote the response in " + sw.lap());
      if (apply_in_place) save_state(t, apply_state);
      else if (!apply_out.empty()) save_state(t, apply_out);
      tools::OutputOptions oo;
      oo.force = apply_force;
      tools::write_output(oo, out, apply_wbxml);
      return apply_fail && resp.failed ? tools::kExitFindings : tools::kExitOk;
    }
    return tools::kExitUsage;
  });
}
