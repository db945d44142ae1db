#include "syncmldm/tree/tnds.hpp"

#include <charconv>

#include "syncmldm/util/base64.hpp"
#include "syncmldm/message/message.hpp"
#include "syncmldm/tree/uri.hpp"
#include "tree/ddf_properties.hpp"
#include "xml/dom.hpp"

namespace syncmldm::tnds {

namespace {

using tree::Node;
constexpr std::size_t kMaxDepth = 128;

template <typename F>
void for_each_element(const xml::dom::Node* parent, F&& f) {
  for (const xml::dom::Node* c = parent->first_node(); c; c = c->next_sibling())
    if (c->type() == xml::dom::node_element) f(c);
}

const xml::dom::Node* first_element(const xml::dom::Node* parent) {
  for (const xml::dom::Node* c = parent->first_node(); c; c = c->next_sibling())
    if (c->type() == xml::dom::node_element) return c;
  return nullptr;
}

std::string trim(std::string_view s) {
  const char* ws = " \t\r\n";
  std::size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(ws) - b + 1));
}

const xml::dom::Node* root_of(const xml::Document& doc) {
  const xml::dom::Node* root = xml::dom::root(doc);
  if (!root || xml::local_name(root) != "MgmtTree")
    throw Error(ErrorKind::input,
                "not a TNDS document (root element <" + std::string(root ? xml::local_name(root) : "") +
                    ">, expected <MgmtTree>)",
                root ? xml::location_of(doc, root) : Location{doc.source_name()});
  return root;
}

// Reads RTProperties into an instance node.
void read_rt(const xml::Document& doc, const xml::dom::Node* rt, Node& n) {
  for_each_element(rt, [&](const xml::dom::Node* c) {
    std::string_view name = xml::local_name(c);
    if (name == "ACL") {
      std::string acl = trim(xml::text(c));
      if (!tree::Acl::parse(acl)) throw Error(ErrorKind::input, "malformed ACL '" + acl + "'", xml::location_of(doc, c));
      n.acl = acl;
    } else if (name == "Format") {
      const xml::dom::Node* e = first_element(c);
      std::string f = e ? std::string(xml::local_name(e)) : std::string();
      if (!ddf::is_format_name(f)) throw Error(ErrorKind::input, "unknown Format '" + f + "'", xml::location_of(doc, e ? e : c));
      n.format = f;
    } else if (name == "Title") {
      n.title = xml::text(c);
    } else if (name == "TStamp") {
      n.tstamp = trim(xml::text(c));
    } else if (name == "Type") {
      const xml::dom::Node* e = first_element(c);
      n.type = e ? trim(xml::text(e)) : trim(xml::text(c));
    } else if (name == "VerNo") {
      std::string v = trim(xml::text(c));
      unsigned x = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
      if (ec != std::errc() || p != v.data() + v.size() || x > 65535)
        throw Error(ErrorKind::input, "VerNo '" + v + "' is not a 16-bit number", xml::location_of(doc, c));
      n.verno = static_cast<std::uint16_t>(x);
    }
  });
}

struct Reader {
  const xml::Document& doc;
  std::shared_ptr<ddf::Schema> schema;  // created on the first DFProperties
  // A payload (TNDS Add/Replace data) names instances only: a node without RTProperties or
  // Value is still one (interior), where a state file reads it as schema only.
  bool payload = false;

  // `parent` is the instance parent (nullptr inside schema-only parts); `schema_path` the
  // schema path of this node's parent ("" segments for dynamic nodes).
  void node(const xml::dom::Node* x, Node* parent, std::vector<std::string> schema_path, std::size_t depth) {
    if (depth > kMaxDepth) throw Error(ErrorKind::input, "TNDS nodes nested too deeply", xml::location_of(doc, x));
    const xml::dom::Node* name_el = xml::child(x, "NodeName");
    if (!name_el) throw Error(ErrorKind::input, "Node without NodeName", xml::location_of(doc, x));
    std::string name = trim(xml::text(name_el));
    if (const xml::dom::Node* path = xml::child(x, "Path")) {
      uri::Uri u = uri::canonical(uri::parse(trim(xml::text(path))));
      schema_path = u.segments;
      if (parent) {
        Node* p = parent;
        while (p->parent) p = p->parent;
        for (const auto& s : u.segments) {
          Node& c = p->add_child(s);
          if (c.format == "chr" && c.value.empty() && c.children.empty()) c.format = "node";
          p = &c;
        }
        parent = p;
      }
    }
    bool is_root = name == "." && depth == 0;
    if (name == "*") name.clear();
    const xml::dom::Node* rt = xml::child(x, "RTProperties");
    const xml::dom::Node* df = xml::child(x, "DFProperties");
    const xml::dom::Node* value = xml::child(x, "Value");
    Node* inst = nullptr;
    if (is_root) {
      inst = parent;
    } else if ((rt || value || payload) && parent && !name.empty()) {
      if (!parent->is_interior())
        throw Error(ErrorKind::input, "node '" + name + "' under leaf '" + parent->uri() + "'", xml::location_of(doc, x));
      inst = &parent->add_child(name);
      inst->format = value && !rt ? "chr" : "node";
      if (rt && !xml::child(rt, "Format")) inst->format = value ? "chr" : "node";
    }
    if (inst && rt) read_rt(doc, rt, *inst);
    std::vector<std::string> my_path = schema_path;
    if (!is_root) my_path.push_back(name);
    if (df) {
      if (!schema) schema = std::make_shared<ddf::Schema>();
      ddf::SchemaNode& s = schema->ensure(my_path);
      s.where = xml::location_of(doc, x);
      ddf::read_df_properties(doc, df, s);
    }
    if (inst && value) {
      if (inst->is_interior()) throw Error(ErrorKind::input, "interior node with a Value", xml::location_of(doc, value));
      std::string v = xml::text(value);
      if (inst->format == "bin") {
        auto d = base64::decode(v);
        if (!d) throw Error(ErrorKind::input, "bin Value is not Base64", xml::location_of(doc, value));
        inst->value = *d;
      } else {
        inst->value = v;
      }
    }
    for_each_element(x, [&](const xml::dom::Node* c) {
      if (xml::local_name(c) == "Node") node(c, inst, my_path, depth + 1);
    });
  }
};

void indent(std::string& out, std::size_t n) { out.append(n * 2, ' '); }

void write_rt(std::string& out, const Node& n, const std::set<std::string>& props, std::size_t depth) {
  using message::escape;
  indent(out, depth);
  out += "<RTProperties>";
  if (props.count("ACL") && !n.acl.empty()) out += "<ACL>" + escape(n.acl) + "</ACL>";
  if (props.count("Format")) out += "<Format><" + n.format + "/></Format>";
  if (props.count("Name")) out += "<Name>" + escape(n.name) + "</Name>";
  if (props.count("Size") && !n.is_interior()) out += "<Size>" + std::to_string(n.value.size()) + "</Size>";
  if (props.count("Title") && !n.title.empty()) out += "<Title>" + escape(n.title) + "</Title>";
  if (props.count("TStamp") && !n.tstamp.empty()) out += "<TStamp>" + escape(n.tstamp) + "</TStamp>";
  if (props.count("Type")) {
    if (n.is_interior()) out += n.type.empty() ? "<Type><DDFName/></Type>" : "<Type><DDFName>" + escape(n.type) + "</DDFName></Type>";
    else out += "<Type><MIME>" + escape(n.type.empty() ? "text/plain" : n.type) + "</MIME></Type>";
  }
  if (props.count("VerNo")) out += "<VerNo>" + std::to_string(n.verno) + "</VerNo>";
  out += "</RTProperties>\n";
}

void write_value(std::string& out, const Node& n, std::size_t depth) {
  indent(out, depth);
  std::string v = n.format == "bin" ? base64::encode(n.value) : n.value;
  out += v.empty() ? "<Value/>\n" : "<Value>" + message::escape(v) + "</Value>\n";
}

struct StateWriter {
  std::string& out;
  const std::set<std::string>& all;

  void node(const Node* inst, const ddf::SchemaNode* sch, const std::string& name, std::size_t depth) {
    indent(out, depth);
    out += "<Node>\n";
    indent(out, depth + 1);
    out += name.empty() ? "<NodeName/>\n" : "<NodeName>" + message::escape(name) + "</NodeName>\n";
    if (inst) write_rt(out, *inst, all, depth + 1);
    if (sch && sch->described) ddf::write_df_properties(*sch, out, static_cast<int>((depth + 1) * 2));
    if (inst && !inst->is_interior()) write_value(out, *inst, depth + 1);
    if (inst)
      for (const auto& [cn, c] : inst->children) {
        const ddf::SchemaNode* cs = nullptr;
        if (sch) {
          auto it = sch->children.find(cn);
          if (it != sch->children.end()) cs = it->second.get();
        }
        node(c.get(), cs, cn, depth + 1);
      }
    if (sch) {
      for (const auto& [cn, c] : sch->children)
        if (!inst || !inst->child(cn)) node(nullptr, c.get(), cn, depth + 1);
      if (sch->dynamic) node(nullptr, sch->dynamic.get(), "", depth + 1);
    }
    indent(out, depth);
    out += "</Node>\n";
  }
};

constexpr const char* kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<MgmtTree xmlns=\"syncml:dmddf1.2\" xmlns:MSFT=\"http://schemas.microsoft.com/MobileDevice/DM\">\n"
    "  <VerDTD>1.2</VerDTD>\n";

}  // namespace

tree::Tree read_state(std::string_view text, const std::string& source_name) {
  xml::Document doc = xml::Document::parse(text, source_name);
  const xml::dom::Node* root = root_of(doc);
  tree::Tree t;
  t.root().acl.clear();
  Reader r{doc, nullptr};
  for_each_element(root, [&](const xml::dom::Node* c) {
    if (xml::local_name(c) == "Node") r.node(c, &t.root(), {}, 0);
  });
  if (t.root().acl.empty()) t.root().acl = "Add=*&Get=*";  // the root always has an ACL
  if (r.schema) t.set_schema(r.schema);
  return t;
}

std::string write_state(const tree::Tree& t) {
  std::string out = kHead;
  static const std::set<std::string> all = {"ACL", "Format", "Title", "TStamp", "Type", "VerNo"};
  StateWriter w{out, all};
  w.node(&t.root(), t.schema() ? &t.schema()->root() : nullptr, ".", 1);
  out += "</MgmtTree>\n";
  return out;
}

std::string write_subtree(const tree::Node& start, const Selection& sel) {
  std::string out = kHead;
  std::function<void(const Node&, std::size_t)> emit = [&](const Node& n, std::size_t depth) {
    if (sel.visible && !sel.visible(n)) return;
    indent(out, depth);
    out += "<Node>\n";
    indent(out, depth + 1);
    out += "<NodeName>" + message::escape(n.name) + "</NodeName>\n";
    write_rt(out, n, sel.properties, depth + 1);
    if (!n.is_interior() && sel.properties.count("Value")) {
      if (!sel.value_visible || sel.value_visible(n)) {
        write_value(out, n, depth + 1);
      } else if (!sel.hidden_value.empty()) {
        indent(out, depth + 1);
        out += "<Value>" + message::escape(sel.hidden_value) + "</Value>\n";
      }
    }
    for (const auto& [_, c] : n.children) emit(*c, depth + 1);
    indent(out, depth);
    out += "</Node>\n";
  };
  emit(start, 1);
  out += "</MgmtTree>\n";
  return out;
}

std::unique_ptr<tree::Node> read_payload(std::string_view text, const std::string& source_name) {
  xml::Document doc = xml::Document::parse(text, source_name);
  const xml::dom::Node* root = root_of(doc);
  auto holder = std::make_unique<Node>();
  holder->format = "node";
  Reader r{doc, nullptr, true};
  for_each_element(root, [&](const xml::dom::Node* c) {
    if (xml::local_name(c) == "Node") r.node(c, holder.get(), {}, 1);
  });
  return holder;
}

}  // namespace syncmldm::tnds
