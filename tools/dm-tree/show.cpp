// dm-tree show: a state (values of nodes without Get masked) or a DDF schema, drawn as a tree,
// as JSON, or (a state) as TNDS.

#include <fmt/format.h>

#include "common/exit_codes.hpp"
#include "dm_tree.hpp"
#include "schema_json.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/tnds.hpp"
#include "syncmldm/util/error.hpp"

namespace dm_tree {

using namespace syncmldm;

namespace {

// How to draw: ShowOptions, and for a state the tree (for the read check of each value) and
// the count of values masked so far.
struct View {
  const ShowOptions& o;
  const tree::Tree* tree = nullptr;
  std::size_t hidden = 0;
};

// A leaf's value as show prints it: masked when the read check refuses it.
std::string shown_value(const tree::Node& n, View& v) {
  if (v.tree && masks(*v.tree, n, v.o.show_secrets, v.hidden)) return std::string(tree::kHiddenValue);
  return n.format == "bin" ? fmt::format("<{} bytes>", n.value.size()) : n.value;
}

std::string node_label(const tree::Node& n, View& v, bool top) {
  std::string label = top ? n.uri() : uri::encode_segment(n.name);
  if (!n.is_interior()) label += " = " + printable(shown_value(n, v));
  if (v.o.props) {
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

void draw_tree(const tree::Node& n, View& v, const std::string& prefix, int level, std::string& out) {
  if (v.o.depth >= 0 && level >= v.o.depth) return;
  std::size_t i = 0;
  for (const auto& [_, c] : n.children) {
    bool last = ++i == n.children.size();
    out += prefix + (last ? "└── " : "├── ") + node_label(*c, v, false) + "\n";
    draw_tree(*c, v, prefix + (last ? "    " : "│   "), level + 1, out);
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

nlohmann::json node_json(const tree::Node& n, View& v, int level) {
  nlohmann::json j;
  j["name"] = n.parent ? n.name : ".";
  j["uri"] = n.uri();
  j["format"] = n.format;
  j["type"] = n.type;
  if (!n.is_interior()) j["value"] = n.format == "bin" ? std::string() : shown_value(n, v);
  if (v.o.props) {
    j["acl"] = n.acl;
    j["title"] = n.title;
    j["tstamp"] = n.tstamp;
    j["verno"] = n.verno;
    if (!n.is_interior()) j["size"] = n.value.size();
  }
  if (n.is_interior()) {
    j["children"] = nlohmann::json::array();
    if (v.o.depth < 0 || level < v.o.depth)
      for (const auto& [_, c] : n.children) j["children"].push_back(node_json(*c, v, level + 1));
  }
  return j;
}

int show_schema(const ShowOptions& o) {
  if (o.args.size() > 1) throw Error(ErrorKind::usage, "show --ddf takes at most a URI");
  std::string start = o.args.empty() ? "." : o.args[0];
  auto schema = load_schema(o.ddf, false);
  const ddf::SchemaNode* n = start == "." ? &schema->root() : schema->lookup(start);
  if (!n) return not_found(start, schema.get());
  std::string out;
  if (o.format == "json") {
    out = schema_json(*n, o.depth, 0).dump(2) + "\n";
  } else if (o.format == "tnds") {
    throw Error(ErrorKind::usage, "--format tnds needs a state, not a DDF");
  } else {
    out = schema_label(*n, true, o.props) + "\n";
    draw_schema(*n, o, "", 0, out);
  }
  print(out);
  return tools::kExitOk;
}

int show_state(const ShowOptions& o) {
  if (o.args.empty() || o.args.size() > 2) throw Error(ErrorKind::usage, "show needs STATE [URI]");
  tree::Tree t = load_state(o.args[0]);
  std::string start = o.args.size() == 2 ? o.args[1] : ".";
  const tree::Node* n = t.find(start);
  if (!n) return not_found(start, t.schema().get());
  View v{o, &t};
  std::string out;
  if (o.format == "json") {
    out = node_json(*n, v, 0).dump(2) + "\n";
  } else if (o.format == "tnds") {
    tnds::Selection sel;
    if (!o.show_secrets) {
      sel.value_visible = [&](const tree::Node& x) { return !masks(t, x, false, v.hidden); };
      sel.hidden_value = tree::kHiddenValue;
    }
    out = tnds::write_subtree(*n, sel);
  } else {
    out = node_label(*n, v, true) + "\n";
    draw_tree(*n, v, "", 0, out);
  }
  note_masked(v.hidden);
  print(out);
  return tools::kExitOk;
}

}  // namespace

nlohmann::json access_list(const ddf::AccessType& a) {
  nlohmann::json list = nlohmann::json::array();
  for (const char* c : {"Add", "Copy", "Delete", "Exec", "Get", "Replace"})
    if (a.allows(c)) list.push_back(c);
  return list;
}

nlohmann::json schema_json(const ddf::SchemaNode& n, int depth, int level) {
  nlohmann::json j;
  j["name"] = n.parent ? (n.name.empty() ? "<x>" : n.name) : ".";
  j["uri"] = ddf::path_of(n);
  j["described"] = n.described;
  if (n.described) {
    j["access"] = access_list(n.access);
    j["format"] = n.format;
    j["type"] = n.type();
    j["occurrence"] = n.occurrence.empty() ? "One" : n.occurrence;
    j["scope"] = n.scope.empty() ? "Dynamic" : n.scope;
  }
  j["children"] = nlohmann::json::array();
  if (depth < 0 || level < depth) {
    for (const auto& [_, c] : n.children) j["children"].push_back(schema_json(*c, depth, level + 1));
    if (n.dynamic) j["children"].push_back(schema_json(*n.dynamic, depth, level + 1));
  }
  return j;
}

int show(const ShowOptions& o) { return o.ddf.empty() ? show_state(o) : show_schema(o); }

}  // namespace dm_tree
