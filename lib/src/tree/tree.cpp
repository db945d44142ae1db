#include "syncmldm/tree/tree.hpp"

#include <algorithm>
#include <charconv>

#include "syncmldm/tree/ddf.hpp"

namespace syncmldm::tree {

namespace {

constexpr std::string_view kAclCommands[] = {"Add", "Delete", "Exec", "Get", "Replace"};

bool valid_server_id(std::string_view id) {
  if (id == "*") return true;
  if (id.empty()) return false;
  for (unsigned char c : id)
    if (c <= ' ' || c == '=' || c == '&' || c == '*' || c == '+' || c == 0x7F) return false;
  return true;
}

}  // namespace

std::optional<Acl> Acl::parse(std::string_view text) {
  Acl acl;
  if (text.empty()) return acl;
  std::size_t start = 0;
  while (true) {
    std::size_t amp = text.find('&', start);
    std::string_view entry = text.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    std::size_t eq = entry.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    std::string_view cmd = entry.substr(0, eq);
    if (std::find(std::begin(kAclCommands), std::end(kAclCommands), cmd) == std::end(kAclCommands)) return std::nullopt;
    std::string_view ids = entry.substr(eq + 1);
    if (ids.empty()) return std::nullopt;  // "Get=" is malformed
    std::size_t s = 0;
    while (true) {
      std::size_t plus = ids.find('+', s);
      std::string_view id = ids.substr(s, plus == std::string_view::npos ? std::string_view::npos : plus - s);
      if (!valid_server_id(id)) return std::nullopt;
      acl.entries_[std::string(cmd)].insert(std::string(id));  // repeated commands take the union
      if (plus == std::string_view::npos) break;
      s = plus + 1;
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return acl;
}

std::string Acl::to_string() const {
  std::string out;
  for (std::string_view cmd : kAclCommands) {
    auto it = entries_.find(std::string(cmd));
    if (it == entries_.end()) continue;
    if (!out.empty()) out += '&';
    out += cmd;
    out += '=';
    bool first = true;
    for (const auto& id : it->second) {
      if (!first) out += '+';
      out += id;
      first = false;
    }
  }
  return out;
}

bool Acl::allows(std::string_view command, std::string_view server) const {
  auto it = entries_.find(std::string(command));
  if (it == entries_.end()) return false;
  return it->second.count("*") || it->second.count(std::string(server));
}

Node* Node::child(const std::string& n) const {
  auto it = children.find(n);
  return it == children.end() ? nullptr : it->second.get();
}

Node& Node::add_child(const std::string& n) {
  auto& slot = children[n];
  if (!slot) {
    slot = std::make_unique<Node>();
    slot->name = n;
    slot->parent = this;
  }
  return *slot;
}

std::unique_ptr<Node> Node::clone(Node* new_parent) const {
  auto out = std::make_unique<Node>();
  out->name = name;
  out->format = format;
  out->type = type;
  out->value = value;
  out->acl = acl;
  out->title = title;
  out->tstamp = tstamp;
  out->verno = verno;
  out->parent = new_parent;
  for (const auto& [k, c] : children) out->children.emplace(k, c->clone(out.get()));
  return out;
}

std::size_t Node::count() const {
  std::size_t n = 1;
  for (const auto& [_, c] : children) n += c->count();
  return n;
}

std::vector<std::string> segments_of(const Node& node) {
  std::vector<std::string> segs;
  for (const Node* n = &node; n->parent; n = n->parent) segs.push_back(n->name);
  std::reverse(segs.begin(), segs.end());
  return segs;
}

std::string Node::uri() const {
  uri::Uri u;
  u.dot_prefix = true;
  u.segments = segments_of(*this);
  return uri::node_string(u);
}

void Node::touch(const std::string& now) {
  verno = static_cast<std::uint16_t>(verno + 1);
  if (!now.empty()) tstamp = now;
}

Tree::Tree() : root_(std::make_unique<Node>()) {
  root_->name = ".";
  root_->format = "node";
  root_->acl = "Add=*&Get=*";
}
Tree::Tree(Tree&&) noexcept = default;
Tree& Tree::operator=(Tree&&) noexcept = default;
Tree::~Tree() = default;

Tree Tree::clone() const {
  Tree t;
  t.root_ = root_->clone();
  t.schema_ = schema_;
  return t;
}

Node* Tree::find_segments(const std::vector<std::string>& segs) const {
  Node* n = root_.get();
  for (const auto& s : segs) {
    n = n->child(s);
    if (!n) return nullptr;
  }
  return n;
}

Node* Tree::find(std::string_view text) const { return find_segments(uri::canonical(uri::parse(text)).segments); }

Node* Tree::ensure(const std::vector<std::string>& segs, const std::string& leaf_format) {
  Node* n = root_.get();
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (!n->is_interior()) return nullptr;
    bool fresh = !n->child(segs[i]);
    n = &n->add_child(segs[i]);
    if (fresh) n->format = i + 1 == segs.size() ? leaf_format : "node";
  }
  return n;
}

std::string Tree::effective_acl(const Node& node) const {
  for (const Node* n = &node; n; n = n->parent)
    if (!n->acl.empty()) return n->acl;
  return "Add=*&Get=*";
}

int Tree::read_status(const Node& node, std::string_view server) const {
  if (const ddf::SchemaNode* s = schema_of(node); s && !s->is_interior() && !s->access.get) return 405;
  if (server.empty()) return 200;
  auto acl = Acl::parse(effective_acl(node));
  return acl && acl->allows("Get", server) ? 200 : 425;
}

uri::Limits Tree::limits() const {
  uri::Limits l;
  auto read = [&](const char* name) -> std::uint16_t {
    Node* n = find_segments({"DevDetail", "URI", name});
    if (!n) return 0;
    unsigned v = 0;
    auto [p, ec] = std::from_chars(n->value.data(), n->value.data() + n->value.size(), v);
    if (ec != std::errc() || p != n->value.data() + n->value.size() || v > 65535) return 0;
    return static_cast<std::uint16_t>(v);
  };
  l.max_depth = read("MaxDepth");
  l.max_tot_len = read("MaxTotLen");
  l.max_seg_len = read("MaxSegLen");
  return l;
}

const ddf::SchemaNode* Tree::schema_of(const std::vector<std::string>& segs) const {
  if (!schema_) return nullptr;
  const ddf::SchemaNode* s = schema_->lookup_segments(segs);
  return s && s->described ? s : nullptr;
}

const ddf::SchemaNode* Tree::schema_of(const Node& node) const { return schema_of(segments_of(node)); }

namespace {

void create_permanent(Tree& tree, const ddf::SchemaNode& s, std::vector<std::string>& path) {
  for (const auto& [name, c] : s.children) {
    path.push_back(name);
    bool optional = c->occurrence.rfind("ZeroOr", 0) == 0;
    bool wanted = !c->described || (c->is_permanent() && !optional);
    if (wanted) {
      std::string fmt = c->described && !c->format.empty() ? c->format : "node";
      Node* n = tree.ensure(path, fmt);
      if (n && c->described) {
        n->type = c->type();
        if (!n->is_interior()) {
          if (c->value) n->value = *c->value;
          else if (c->default_value) n->value = *c->default_value;
          else if (c->format == "int") n->value = "0";  // what a status node reads before anything happened
          else if (c->format == "bool") n->value = "false";
        }
      }
      // Implied (undescribed) interior nodes are only created when something below needs them.
      if (n) create_permanent(tree, *c, path);
    }
    path.pop_back();
  }
}

void prune_empty_implied(Tree& tree, Node& n, const ddf::Schema& schema) {
  for (auto it = n.children.begin(); it != n.children.end();) {
    prune_empty_implied(tree, *it->second, schema);
    const ddf::SchemaNode* s = schema.lookup_segments(segments_of(*it->second));
    bool implied = s && !s->described;
    if (implied && it->second->children.empty()) it = n.children.erase(it);
    else ++it;
  }
}

}  // namespace

Tree make_standard_tree(const Identity& id, std::shared_ptr<ddf::Schema> schema, const std::string& now) {
  Tree tree;
  if (schema) {
    std::vector<std::string> path;
    create_permanent(tree, schema->root(), path);
    prune_empty_implied(tree, tree.root(), *schema);
    tree.set_schema(schema);
  }
  auto set = [&](std::vector<std::string> segs, const std::string& value) {
    Node* n = tree.ensure(segs, "chr");
    if (n && !n->is_interior()) {
      n->value = value;
      if (n->type.empty()) n->type = "text/plain";
      n->tstamp = now;
    }
  };
  set({"DevInfo", "DevId"}, id.dev_id);
  set({"DevInfo", "Man"}, id.man);
  set({"DevInfo", "Mod"}, id.mod);
  set({"DevInfo", "DmV"}, id.dmv);
  set({"DevInfo", "Lang"}, id.lang);
  set({"DevDetail", "URI", "MaxDepth"}, std::to_string(id.max_depth));
  set({"DevDetail", "URI", "MaxTotLen"}, std::to_string(id.max_tot_len));
  set({"DevDetail", "URI", "MaxSegLen"}, std::to_string(id.max_seg_len));
  set({"DevDetail", "DevTyp"}, id.dev_typ);
  set({"DevDetail", "OEM"}, id.oem);
  set({"DevDetail", "FwV"}, id.fwv);
  set({"DevDetail", "SwV"}, id.swv);
  set({"DevDetail", "HwV"}, id.hwv);
  Node* lrg = tree.ensure({"DevDetail", "LrgObj"}, "bool");
  if (lrg) lrg->value = "false";
  tree.ensure({"DMAcc"}, "node");
  return tree;
}

}  // namespace syncmldm::tree
