#include "syncmldm/tree/ddf.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <regex>

#include "syncmldm/input/input.hpp"
#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/message/message.hpp"
#include "syncmldm/tree/uri.hpp"
#include "syncmldm/util/text.hpp"
#include "tree/ddf_properties.hpp"
#include "tree/ddf_stream.hpp"
#include "xml/dom.hpp"

namespace syncmldm::ddf {

namespace {

using xml::dom::Node;

constexpr std::string_view kFormats[] = {"b64", "bin", "bool", "chr", "int", "node", "null", "xml", "date", "time", "float"};

template <typename F>
void for_each_element(const Node* parent, F&& f) {
  for (const Node* c = parent->first_node(); c; c = c->next_sibling())
    if (c->type() == xml::dom::node_element) f(c);
}

const Node* first_element(const Node* parent) {
  for (const Node* c = parent->first_node(); c; c = c->next_sibling())
    if (c->type() == xml::dom::node_element) return c;
  return nullptr;
}

// The element-tree interface of ddf_properties.hpp over an xml::Document.
struct DomTree {
  using Elem = const Node*;
  const xml::Document& doc;
  Elem first_child(Elem e) const { return first_element(e); }
  Elem next_sibling(Elem e) const {
    for (const Node* c = e->next_sibling(); c; c = c->next_sibling())
      if (c->type() == xml::dom::node_element) return c;
    return nullptr;
  }
  std::string_view local_name(Elem e) const { return xml::local_name(e); }
  std::string text(Elem e) const { return xml::text(e); }
  bool attribute(Elem e, std::string_view name, std::string& value) const {
    for (const auto* a = e->first_attribute(); a; a = a->next_attribute())
      if (std::string_view(a->name(), a->name_size()) == name) {
        value.assign(a->value(), a->value_size());
        return true;
      }
    return false;
  }
  Location location(Elem e) const { return xml::location_of(doc, e); }
};

using detail::collapse;
using detail::trim;

using detail::canonical_segments;
using detail::child_of;
using detail::kMaxNodeDepth;

void read_node(const xml::Document& doc, const Node* n, SchemaNode& parent, std::size_t depth) {
  if (depth > kMaxNodeDepth) throw Error(ErrorKind::input, "DDF nodes nested too deeply", xml::location_of(doc, n));
  const Node* name_el = xml::child(n, "NodeName");
  if (!name_el) throw Error(ErrorKind::input, "Node without NodeName", xml::location_of(doc, n));
  std::string name = trim(xml::text(name_el));
  if (name == "*") name.clear();  // older Microsoft files name dynamic nodes "*"
  SchemaNode* base = &parent;
  if (const Node* path = xml::child(n, "Path")) {
    std::string p = trim(xml::text(path));
    std::vector<std::string> segs = canonical_segments(p);
    if (!p.empty() && p[0] != '.') {  // relative to the enclosing node
      for (const auto& s : segs) base = &child_of(*base, s);
    } else {
      base = &parent;
      while (base->parent) base = base->parent;
      for (const auto& s : segs) base = &child_of(*base, s);
    }
  }
  SchemaNode& node = child_of(*base, name);
  node.where = xml::location_of(doc, n);
  for_each_element(n, [&](const Node* c) {
    std::string_view cn = xml::local_name(c);
    if (cn == "DFProperties") {
      read_df_properties(doc, c, node);
    } else if (cn == "RTProperties" && !node.described) {
      // A DDF may describe a node by its run-time properties only.
      if (const Node* f = xml::child(c, "Format"))
        if (const Node* e = first_element(f)) node.format = std::string(xml::local_name(e));
    } else if (cn == "Value") {
      node.value = xml::text(c);
    } else if (cn == "Node") {
      read_node(doc, c, node, depth + 1);
    }
  });
}

std::size_t count_described(const SchemaNode& n) {
  std::size_t k = n.described ? 1 : 0;
  for (const auto& [_, c] : n.children) k += count_described(*c);
  if (n.dynamic) k += count_described(*n.dynamic);
  return k;
}


// Regexes come from DDF files: bound the input and contain failures (std::regex recurses).
bool safe_regex_match(const std::string& pattern, std::string_view value) {
  if (value.size() > 4096 || pattern.size() > 4096) return true;
  try {
    std::regex re(pattern, std::regex::ECMAScript);
    return std::regex_match(value.begin(), value.end(), re);
  } catch (const std::exception&) {
    return true;  // an unusable pattern does not reject values
  }
}

bool parse_long(std::string_view s, long long& out) {
  std::string t = trim(s);
  if (t.empty() || t.size() > 20) return false;
  errno = 0;
  char* end = nullptr;
  out = std::strtoll(t.c_str(), &end, 10);
  return errno == 0 && end && *end == '\0';
}

bool value_allowed(const AllowedValues& av, std::string_view value) {
  const std::string& kind = av.value_type;
  if (kind == "ENUM") {
    if (av.values.empty()) return true;
    return std::find(av.values.begin(), av.values.end(), value) != av.values.end();
  }
  if (kind == "Range" && !av.values.empty()) {
    // "[min-max]"; negative bounds are not used by the published files.
    std::string r = trim(av.values.front());
    if (r.size() < 5 || r.front() != '[' || r.back() != ']') return true;
    std::string body = r.substr(1, r.size() - 2);
    std::size_t dash = body.find('-', 1);
    long long lo, hi, v;
    if (dash == std::string::npos || !parse_long(body.substr(0, dash), lo) || !parse_long(body.substr(dash + 1), hi))
      return true;
    return parse_long(value, v) && v >= lo && v <= hi;
  }
  if (kind == "RegEx" && !av.values.empty()) return safe_regex_match(trim(av.values.front()), value);
  return true;
}

void append_indent(std::string& out, int n) { out.append(static_cast<std::size_t>(n), ' '); }

}  // namespace

std::string AccessType::to_string() const {
  std::string s;
  auto add_word = [&](bool on, const char* w) {
    if (!on) return;
    if (!s.empty()) s += ' ';
    s += w;
  };
  add_word(add, "Add");
  add_word(copy, "Copy");
  add_word(del, "Delete");
  add_word(exec, "Exec");
  add_word(get, "Get");
  add_word(replace, "Replace");
  return s;
}

bool AccessType::allows(std::string_view c) const {
  if (c == "Add") return add;
  if (c == "Copy") return copy;
  if (c == "Delete") return del;
  if (c == "Exec") return exec;
  if (c == "Get") return get;
  if (c == "Replace") return replace;
  return false;
}

std::string SchemaNode::type() const {
  if (ddf_name) return *ddf_name;
  return mime.empty() ? std::string() : mime.front();
}

Schema::Schema() : root_(std::make_unique<SchemaNode>()) {}

SchemaNode& Schema::ensure(const std::vector<std::string>& segs) {
  SchemaNode* n = root_.get();
  for (const auto& s : segs) n = &child_of(*n, s);
  return *n;
}

const SchemaNode* Schema::lookup_segments(const std::vector<std::string>& segs) const {
  const SchemaNode* n = root_.get();
  for (const auto& s : segs) {
    auto it = n->children.find(s);
    if (it != n->children.end()) {
      n = it->second.get();
    } else if (n->dynamic) {
      n = n->dynamic.get();
    } else {
      const SchemaNode* found = nullptr;
      if (n->case_sense == "CIS")
        for (const auto& [name, c] : n->children)
          if (xml::iequals(name, s)) found = c.get();
      if (!found) return nullptr;
      n = found;
    }
  }
  return n;
}

const SchemaNode* Schema::lookup(std::string_view text) const {
  return lookup_segments(uri::canonical(uri::parse(text)).segments);
}

std::size_t Schema::size() const { return count_described(*root_); }

void read_df_properties(const xml::Document& doc, const Node* props, SchemaNode& node) {
  detail::read_properties(DomTree{doc}, props, node);
}

void detail::load_dom(Schema& schema, std::string_view text, const std::string& source_name) {
  xml::Document doc = xml::Document::parse(text, source_name);
  const Node* root = xml::dom::root(doc);
  if (!root || xml::local_name(root) != "MgmtTree")
    throw Error(ErrorKind::input,
                "not a DDF document (root element <" + std::string(root ? xml::local_name(root) : "") +
                    ">, expected <MgmtTree>)",
                root ? xml::location_of(doc, root) : Location{source_name});
  for_each_element(root, [&](const Node* c) {
    if (xml::local_name(c) == "Node") read_node(doc, c, schema.root(), 0);
  });
}

void load_text(Schema& schema, std::string_view text, const std::string& source_name) {
  if (!detail::load_streaming(schema, text, source_name)) detail::load_dom(schema, text, source_name);
}

void load_path(Schema& schema, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(path, ec)) {
      std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".xml" || ext == ".ddf")) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) load_text(schema, input::read_text(f), f);  // UTF-16 DDFs too
    return;
  }
  load_text(schema, input::read_text(path), path);
}

bool is_format_name(std::string_view f) {
  return std::find(std::begin(kFormats), std::end(kFormats), f) != std::end(kFormats);
}

bool value_matches_format(std::string_view format, std::string_view value) {
  if (format == "int") {
    long long v;
    return parse_long(value, v) && v >= -2147483648LL && v <= 4294967295LL;
  }
  if (format == "bool") return value == "true" || value == "false";
  if (format == "float") {
    std::string t = trim(value);
    if (t.empty()) return false;
    char* end = nullptr;
    std::strtod(t.c_str(), &end);
    return end && *end == '\0';
  }
  if (format == "date" || format == "time") {
    if (value.empty()) return false;
    return std::all_of(value.begin(), value.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == '-' || c == ':' || c == 'T' || c == 'Z' || c == '+' || c == '.';
    });
  }
  if (format == "b64") {
    std::size_t n = 0;
    for (char c : value) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
      bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
                c == '=';
      if (!ok) return false;
      ++n;
    }
    return n % 4 == 0;
  }
  return true;
}

ValueCheck check_value(const SchemaNode& node, std::string_view value) {
  if (node.format == "bool" && node.allowed && node.allowed->value_type == "ENUM") {
    // Microsoft's DDFs give some bool nodes an ENUM too (true/false, or 0/1): Windows takes
    // the bool words and the listed values alike.
    bool listed = std::find(node.allowed->values.begin(), node.allowed->values.end(), value) != node.allowed->values.end();
    return listed || value == "true" || value == "false" ? ValueCheck::ok : ValueCheck::bad_format;
  }
  if (!node.format.empty() && !value_matches_format(node.format, value)) return ValueCheck::bad_format;
  if (!node.allowed || node.format == "node") return ValueCheck::ok;
  const AllowedValues& av = *node.allowed;
  if (av.list_delimiter && !av.list_delimiter->empty()) {
    const std::string& d = *av.list_delimiter;
    std::size_t start = 0;
    while (true) {
      std::size_t pos = value.find(d, start);
      std::string_view part = value.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start);
      if (!value_allowed(av, part)) return ValueCheck::not_allowed;
      if (pos == std::string_view::npos) break;
      start = pos + d.size();
    }
    return ValueCheck::ok;
  }
  return value_allowed(av, value) ? ValueCheck::ok : ValueCheck::not_allowed;
}

bool name_allowed(const SchemaNode& node, std::string_view name) {
  // MSFT:UniqueName is prose ("the name of the Win32 app..."), never a pattern: only a RegEx
  // AllowedValues on the node itself is a rule for names.
  if (node.format == "node" && node.allowed && node.allowed->value_type == "RegEx") return value_allowed(*node.allowed, name);
  return true;
}

std::string path_of(const SchemaNode& node) {
  std::vector<std::string> parts;
  for (const SchemaNode* n = &node; n->parent; n = n->parent) parts.push_back(n->name.empty() ? "<x>" : n->name);
  std::string out = ".";
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    out += '/';
    out += *it == "<x>" ? *it : uri::encode_segment(*it);
  }
  return out;
}

std::optional<Suggestion> suggest(const Schema& schema, std::string_view text, std::size_t max) {
  std::vector<std::string> segs = uri::canonical(uri::parse(text)).segments;
  const SchemaNode* n = &schema.root();
  for (std::size_t i = 0; i < segs.size(); ++i) {
    auto it = n->children.find(segs[i]);
    if (it != n->children.end()) {
      n = it->second.get();
      continue;
    }
    if (n->dynamic) {
      n = n->dynamic.get();
      continue;
    }
    std::vector<std::pair<std::size_t, std::string>> ranked;
    std::size_t limit = std::max<std::size_t>(2, segs[i].size() / 3);
    for (const auto& [name, _] : n->children) {
      std::size_t d = edit_distance(name, segs[i]);
      if (d <= limit) ranked.emplace_back(d, name);
    }
    std::sort(ranked.begin(), ranked.end());
    // Only the closest names: a second-best guess is more noise than help.
    while (!ranked.empty() && ranked.back().first > ranked.front().first) ranked.pop_back();
    Suggestion s;
    s.segment = i;
    for (std::size_t k = 0; k < ranked.size() && k < max; ++k) {
      uri::Uri u;
      u.dot_prefix = true;
      u.segments = segs;
      u.segments[i] = ranked[k].second;
      s.uris.push_back(uri::node_string(u));
    }
    return s;
  }
  return std::nullopt;
}

void write_df_properties(const SchemaNode& n, std::string& out, int indent) {
  using message::escape;
  auto line = [&](int extra, const std::string& s) {
    append_indent(out, indent + extra);
    out += s;
    out += '\n';
  };
  line(0, "<DFProperties>");
  std::string acc = "<AccessType>";
  for (const char* c : {"Add", "Copy", "Delete", "Exec", "Get", "Replace"})
    if (n.access.allows(c)) acc += std::string("<") + c + "/>";
  line(2, acc + "</AccessType>");
  if (n.default_value) line(2, "<DefaultValue>" + escape(*n.default_value) + "</DefaultValue>");
  if (!n.description.empty()) line(2, "<Description>" + escape(n.description) + "</Description>");
  line(2, "<DFFormat><" + (n.format.empty() ? std::string("node") : n.format) + "/></DFFormat>");
  if (!n.occurrence.empty()) {
    if (n.occurrence == "ZeroOrN" || n.occurrence == "OneOrN")
      line(2, "<Occurrence><" + n.occurrence + ">" + escape(n.occurrence_n) + "</" + n.occurrence + "></Occurrence>");
    else
      line(2, "<Occurrence><" + n.occurrence + "/></Occurrence>");
  }
  if (!n.scope.empty()) line(2, "<Scope><" + n.scope + "/></Scope>");
  if (!n.title.empty()) line(2, "<DFTitle>" + escape(n.title) + "</DFTitle>");
  std::string type = "<DFType>";
  if (n.ddf_name) type += "<DDFName>" + escape(*n.ddf_name) + "</DDFName>";
  for (const auto& m : n.mime) type += "<MIME>" + escape(m) + "</MIME>";
  if (!n.ddf_name && n.mime.empty()) type += "<MIME/>";
  line(2, type + "</DFType>");
  if (!n.case_sense.empty()) line(2, "<CaseSense><" + n.case_sense + "/></CaseSense>");
  if (n.allowed) {
    line(2, "<MSFT:AllowedValues ValueType=\"" + escape(n.allowed->value_type) + "\">");
    bool enumerated = n.allowed->value_type == "ENUM";
    for (std::size_t i = 0; i < n.allowed->values.size(); ++i) {
      std::string v = "<MSFT:Value>" + escape(n.allowed->values[i]) + "</MSFT:Value>";
      if (i < n.allowed->descriptions.size() && !n.allowed->descriptions[i].empty())
        v += "<MSFT:ValueDescription>" + escape(n.allowed->descriptions[i]) + "</MSFT:ValueDescription>";
      line(4, enumerated ? "<MSFT:Enum>" + v + "</MSFT:Enum>" : v);
    }
    if (n.allowed->list_delimiter) line(4, "<MSFT:List Delimiter=\"" + escape(*n.allowed->list_delimiter) + "\"/>");
    line(2, "</MSFT:AllowedValues>");
  }
  if (!n.dynamic_naming.empty()) {
    if (n.dynamic_naming == "UniqueName")
      line(2, "<MSFT:DynamicNodeNaming><MSFT:UniqueName>" + escape(n.unique_name) +
                  "</MSFT:UniqueName></MSFT:DynamicNodeNaming>");
    else
      line(2, "<MSFT:DynamicNodeNaming><MSFT:" + n.dynamic_naming + "/></MSFT:DynamicNodeNaming>");
  }
  line(0, "</DFProperties>");
}

namespace {

// Builds the standard objects' DDF text (DevInfo, DevDetail, DMAcc) from a compact table.
struct StdNode {
  const char* path;    // parent path
  const char* name;    // "" = dynamic
  const char* access;  // letters: A C D E G R
  const char* format;
  const char* scope;
  const char* type;    // MIME or DDFName (interior)
  const char* occurrence;
};

constexpr StdNode kStandard[] = {
    {".", "DevInfo", "G", "node", "Permanent", "urn:oma:mo:oma-dm-devinfo:1.0", "One"},
    {"./DevInfo", "DevId", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevInfo", "Man", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevInfo", "Mod", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevInfo", "DmV", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevInfo", "Lang", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevInfo", "Ext", "G", "node", "Permanent", "", "ZeroOrOne"},
    {".", "DevDetail", "G", "node", "Permanent", "urn:oma:mo:oma-dm-devdetail:1.0", "One"},
    {"./DevDetail", "URI", "G", "node", "Permanent", "", "One"},
    {"./DevDetail/URI", "MaxDepth", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevDetail/URI", "MaxTotLen", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevDetail/URI", "MaxSegLen", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevDetail", "DevTyp", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevDetail", "OEM", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevDetail", "FwV", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevDetail", "SwV", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevDetail", "HwV", "G", "chr", "Permanent", "text/plain", "One"},
    {"./DevDetail", "LrgObj", "G", "bool", "Permanent", "text/plain", "One"},
    {"./DevDetail", "Ext", "G", "node", "Permanent", "", "ZeroOrOne"},
    {".", "DMAcc", "G", "node", "Permanent", "", "One"},
    {"./DMAcc", "", "ADGR", "node", "Dynamic", "urn:oma:mo:oma-dm-dmacc:1.0", "OneOrMore"},
    {"./DMAcc/<x>", "AppID", "GR", "chr", "Dynamic", "text/plain", "One"},
    {"./DMAcc/<x>", "ServerID", "GR", "chr", "Dynamic", "text/plain", "One"},
    {"./DMAcc/<x>", "Name", "GR", "chr", "Dynamic", "text/plain", "ZeroOrOne"},
    {"./DMAcc/<x>", "PrefConRef", "GR", "chr", "Dynamic", "text/plain", "ZeroOrOne"},
    {"./DMAcc/<x>", "AppAddr", "ADGR", "node", "Dynamic", "", "One"},
    {"./DMAcc/<x>/AppAddr", "", "ADGR", "node", "Dynamic", "", "OneOrMore"},
    {"./DMAcc/<x>/AppAddr/<x>", "Addr", "GR", "chr", "Dynamic", "text/plain", "One"},
    {"./DMAcc/<x>/AppAddr/<x>", "AddrType", "GR", "chr", "Dynamic", "text/plain", "One"},
    {"./DMAcc/<x>", "AAuthPref", "GR", "chr", "Dynamic", "text/plain", "ZeroOrOne"},
    {"./DMAcc/<x>", "AppAuth", "ADGR", "node", "Dynamic", "", "ZeroOrOne"},
    {"./DMAcc/<x>/AppAuth", "", "ADGR", "node", "Dynamic", "", "OneOrMore"},
    {"./DMAcc/<x>/AppAuth/<x>", "AAuthLevel", "GR", "chr", "Dynamic", "text/plain", "One"},
    {"./DMAcc/<x>/AppAuth/<x>", "AAuthType", "GR", "chr", "Dynamic", "text/plain", "One"},
    {"./DMAcc/<x>/AppAuth/<x>", "AAuthName", "GR", "chr", "Dynamic", "text/plain", "ZeroOrOne"},
    {"./DMAcc/<x>/AppAuth/<x>", "AAuthSecret", "R", "chr", "Dynamic", "text/plain", "ZeroOrOne"},
    {"./DMAcc/<x>/AppAuth/<x>", "AAuthData", "R", "bin", "Dynamic", "application/octet-stream", "ZeroOrOne"},
    {"./DMAcc/<x>", "Ext", "ADGR", "node", "Dynamic", "", "ZeroOrOne"},
};

}  // namespace

std::vector<std::string> detail::canonical_segments(std::string_view path) {
  // A Path ending in '/' (Microsoft ships one) parses with an empty last segment: the node sits
  // under a dynamic node there, as child_of("") makes it.
  uri::Uri u = uri::canonical(uri::parse(trim(path)));
  return u.segments;
}

SchemaNode& detail::child_of(SchemaNode& parent, const std::string& name) {
  if (name.empty()) {
    if (!parent.dynamic) {
      parent.dynamic = std::make_unique<SchemaNode>();
      parent.dynamic->parent = &parent;
    }
    return *parent.dynamic;
  }
  auto& slot = parent.children[name];
  if (!slot) {
    slot = std::make_unique<SchemaNode>();
    slot->name = name;
    slot->parent = &parent;
  }
  return *slot;
}

std::string_view standard_objects_ddf() {
  static const std::string text = [] {
    Schema s;
    std::string out = "<MgmtTree xmlns=\"syncml:dmddf1.2\"><VerDTD>1.2</VerDTD>";
    for (const auto& sn : kStandard) {
      std::string path = sn.path;
      // the table writes dynamic parents as <x>; the schema path uses empty names
      std::vector<std::string> segs;
      if (path != ".") {
        std::string rest = path.substr(2);
        std::size_t start = 0;
        while (true) {
          std::size_t slash = rest.find('/', start);
          std::string seg = rest.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
          segs.push_back(seg == "<x>" ? "" : seg);
          if (slash == std::string::npos) break;
          start = slash + 1;
        }
      }
      segs.push_back(sn.name);
      SchemaNode& n = s.ensure(segs);
      n.described = true;
      for (const char* a = sn.access; *a; ++a) {
        switch (*a) {
          case 'A': n.access.add = true; break;
          case 'C': n.access.copy = true; break;
          case 'D': n.access.del = true; break;
          case 'E': n.access.exec = true; break;
          case 'G': n.access.get = true; break;
          case 'R': n.access.replace = true; break;
        }
      }
      n.format = sn.format;
      n.scope = sn.scope;
      n.occurrence = sn.occurrence;
      if (std::string_view(sn.format) == "node") n.ddf_name = sn.type;
      else n.mime = {sn.type};
    }
    // Serialise as nested Nodes.
    std::function<void(const SchemaNode&, int)> emit = [&](const SchemaNode& n, int depth) {
      out += "<Node><NodeName>" + n.name + "</NodeName>";
      write_df_properties(n, out, depth);
      for (const auto& [_, c] : n.children) emit(*c, depth + 1);
      if (n.dynamic) emit(*n.dynamic, depth + 1);
      out += "</Node>";
    };
    for (const auto& [_, c] : s.root().children) emit(*c, 0);
    out += "</MgmtTree>";
    return out;
  }();
  return text;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  if (a.size() > 256 || b.size() > 256) return std::max(a.size(), b.size());
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace syncmldm::ddf
