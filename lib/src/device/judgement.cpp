#include "syncmldm/device/judgement.hpp"

#include <algorithm>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/uri.hpp"
#include "syncmldm/xml/xml.hpp"

namespace syncmldm::judgement {

namespace {

using ddf::SchemaNode;

// A dynamic node whose instances the client names from its own inventory (Policy areas and
// policies): they exist on the device without an Add.
bool client_named(const SchemaNode& n) { return n.name.empty() && n.dynamic_naming == "ClientInventory"; }

// DFFormat null on a dynamic node: "another DDF defines these" (Policy/Config/<area>/<policy>).
bool defined_elsewhere(const SchemaNode& n) { return n.format == "null" && n.name.empty(); }

// Names closest to `name` by ddf::edit_distance, best first and ties kept, within a quarter of
// its length. Names whose length alone is too far off are skipped without computing a distance.
template <class Names, class NameOf>
std::vector<std::string> rank(std::string_view name, const Names& names, NameOf name_of) {
  std::size_t limit = std::max<std::size_t>(1, name.size() / 4);
  std::size_t best = limit + 1;
  std::vector<std::string> out;
  for (const auto& entry : names) {
    const std::string& c = name_of(entry);
    std::size_t gap = c.size() > name.size() ? c.size() - name.size() : name.size() - c.size();
    if (gap > limit || gap > best) continue;
    std::size_t d = ddf::edit_distance(name, c);
    if (d < best) {
      best = d;
      out.clear();
    }
    if (d == best) out.push_back(c);
  }
  if (best > limit) out.clear();
  return out;
}

// The closest named children of `n` to `name`.
std::vector<std::string> closest_child(std::string_view name, const SchemaNode& n) {
  return rank(name, n.children, [](const auto& entry) -> const std::string& { return entry.first; });
}

// A sibling of `n` defines a child `name` (Policy/Result/<area> when Policy/Config/<area> is
// loaded): the area is loaded, only not described twice.
bool defined_beside(const SchemaNode& n, const std::string& name) {
  if (!n.parent) return false;
  for (const auto& [_, sibling] : n.parent->children)
    if (sibling.get() != &n && sibling->children.count(name)) return true;
  return false;
}

struct Walk {
  std::vector<const SchemaNode*> nodes;  // nodes[d]: schema node of the first d segments
  bool resolved = true;
  bool outside = false;
  std::size_t unknown_at = 0;  // segment index that matched nothing
  std::string suggestion;      // a corrected URI
  std::string area;            // a client-named area whose DDF is not loaded
  bool via_inventory = false;  // a segment matched a client-named dynamic node
};

std::string with_segment(const std::vector<std::string>& segs, std::size_t i, const std::string& name) {
  uri::Uri u;
  u.dot_prefix = true;
  u.segments = segs;
  u.segments[i] = name;
  return uri::node_string(u);
}

Walk walk(const ddf::Schema& schema, const std::vector<std::string>& segs) {
  Walk w;
  w.nodes.reserve(segs.size() + 1);
  const SchemaNode* n = &schema.root();
  w.nodes.push_back(n);
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const std::string& s = segs[i];
    const SchemaNode* next = nullptr;
    if (auto it = n->children.find(s); it != n->children.end()) next = it->second.get();
    if (!next && n->case_sense == "CIS")
      for (const auto& [name, c] : n->children)
        if (xml::iequals(name, s)) next = c.get();
    if (!next && n->dynamic) {
      const SchemaNode* d = n->dynamic.get();
      if (client_named(*d) && !n->children.empty()) {
        // A near miss of a loaded definition is a typo, not another area.
        auto near = closest_child(s, *n);
        if (!near.empty()) {
          w.resolved = false;
          w.unknown_at = i;
          w.suggestion = with_segment(segs, i, near.front());
          return w;
        }
      }
      if (client_named(*d) && d->dynamic && defined_elsewhere(*d->dynamic) && w.area.empty() && !defined_beside(*n, s))
        w.area = s;
      if (client_named(*d)) w.via_inventory = true;
      next = d;
    }
    if (!next) {
      w.resolved = false;
      w.unknown_at = i;
      auto near = closest_child(s, *n);
      if (!near.empty()) w.suggestion = with_segment(segs, i, near.front());
      // Under a node only implied by a Path (./Vendor/MSFT), a name that is no near miss of a
      // loaded CSP belongs to a CSP whose DDF is not loaded.
      else if (!n->described) w.outside = true;
      return w;
    }
    n = next;
    w.nodes.push_back(n);
  }
  return w;
}

enum class Tri : unsigned char { no, yes, maybe };

bool formats_compatible(std::string_view given, std::string_view schema) {
  if (given == schema) return true;
  auto binary = [](std::string_view f) { return f == "b64" || f == "bin"; };
  auto text = [](std::string_view f) { return f == "chr" || f == "xml"; };
  return (binary(given) && binary(schema)) || (text(given) && text(schema));
}

// Format and value checks of an Add or Replace with data. Returns false with `v` set on failure.
bool check_value(const SchemaNode* node, const Request& r, Verdict& v) {
  if (r.format && !ddf::is_format_name(*r.format)) {
    v.status = 415;
    v.reason = Reason::format_name;
    return false;
  }
  bool schema_speaks = node && node->described && !node->format.empty() && node->format != "null";
  if (schema_speaks && r.format && !formats_compatible(*r.format, node->format)) {
    v.status = 415;
    v.reason = Reason::format;
    v.detail = node->format;
    v.format = *r.format;
    return false;
  }
  v.format = r.format ? *r.format : (schema_speaks ? node->format : std::string("chr"));
  if (v.format == "node" || !r.data || r.tnds) return true;
  if (schema_speaks) {
    switch (ddf::check_value(*node, *r.data)) {
      case ddf::ValueCheck::ok: break;
      case ddf::ValueCheck::bad_format:
        v.status = 415;
        v.reason = Reason::data;
        v.detail = node->format;
        return false;
      case ddf::ValueCheck::not_allowed:
        v.status = 400;
        v.reason = Reason::value;
        return false;
    }
  }
  // The given format still has to parse (b64 Data for a bin node, say).
  if (!(schema_speaks && node->format == "bool") && !ddf::value_matches_format(v.format, *r.data)) {
    v.status = 415;
    v.reason = Reason::data;
    v.detail = v.format;
    return false;
  }
  return true;
}

Verdict fail(Verdict v, int status, Reason reason) {
  v.status = status;
  v.reason = reason;
  return v;
}

// Without a schema for the path: the state alone says what exists.
Verdict judge_plain(const State& state, const Request& r, Verdict v) {
  const auto& segs = r.segments;
  Presence p = state.at(segs, segs.size());
  v.stored = p == Presence::present;
  v.exists = v.stored;
  if (r.command == "Add") {
    if (p == Presence::present) return fail(v, 418, Reason::exists);
    if (!r.property && !check_value(nullptr, r, v)) return v;
    return v;
  }
  if (p == Presence::absent) {
    v.depth = segs.size();
    return fail(v, 404, Reason::missing);
  }
  if (p == Presence::unknown) v.state_assumed = true;
  v.exists = true;
  if (r.command == "Replace" && !r.property && !check_value(nullptr, r, v)) return v;
  return v;
}

}  // namespace

std::vector<std::string> closest(std::string_view name, const std::vector<std::string>& names) {
  return rank(name, names, [](const std::string& n) -> const std::string& { return n; });
}

std::optional<Unknown> unknown_node(const ddf::Schema& schema, const std::vector<std::string>& segments) {
  struct Unknowing final : State {
    Presence at(const std::vector<std::string>&, std::size_t) const override { return Presence::unknown; }
  } state;
  Request r{"Get", segments};
  Verdict v = judge(&schema, state, r);
  if (v.reason != Reason::unknown_node) return std::nullopt;
  return Unknown{v.suggestion, v.scope_hint};
}

std::optional<std::string> unset_value(const SchemaNode& n) {
  if (n.access.add || n.access.replace) {
    if (n.is_permanent() && n.default_value) return n.default_value;
    return std::nullopt;
  }
  if (n.default_value) return n.default_value;
  if (n.format == "int") return std::string("0");
  if (n.format == "bool") return std::string("false");
  return std::string();
}

Verdict judge(const ddf::Schema* schema, const State& state, const Request& r) {
  Verdict v;
  const auto& segs = r.segments;
  if (!schema) {
    v.reason = Reason::outside;
    return judge_plain(state, r, v);
  }
  Walk w = walk(*schema, segs);
  if (!w.resolved && w.nodes.back()->described && !w.nodes.back()->is_interior() && w.nodes.back()->format != "null") {
    v.depth = w.unknown_at;  // a leaf has no children
    v.node = w.nodes.back();
    return fail(v, 405, Reason::interior);
  }
  if (!w.resolved || w.via_inventory) {
    // The other scope is the likeliest mistake when the path is known there (a Policy area
    // defined in device scope only, used in user scope, passes as an area not loaded).
    std::vector<std::string> other = segs;
    bool user = !other.empty() && other.front() == "User";
    if (user) other.erase(other.begin());
    else other.insert(other.begin(), "User");
    Walk o = walk(*schema, other);
    if (o.resolved && o.nodes.back()->described && !o.via_inventory) {
      v.scope_hint = user ? uri::Scope::device : uri::Scope::user;
      v.depth = w.unknown_at + 1;
      return fail(v, 404, Reason::unknown_node);
    }
  }
  if (!w.resolved) {
    if (w.outside) {
      v.reason = Reason::outside;
      return judge_plain(state, r, v);
    }
    v.suggestion = w.suggestion;
    v.depth = w.unknown_at + 1;
    return fail(v, 404, Reason::unknown_node);
  }
  const SchemaNode* node = w.nodes.back();
  if (!node->described) {
    // Only implied by a Path (./Vendor/MSFT): the state decides.
    v.reason = Reason::outside;
    return judge_plain(state, r, v);
  }
  v.node = node;

  // Existence of every level: stored, or implied by the DDF.
  bool add = r.command == "Add";
  Tri parent = Tri::yes;
  std::size_t missing_depth = 0;
  Tri self = Tri::yes;
  for (std::size_t d = 1; d <= segs.size(); ++d) {
    Presence p = state.at(segs, d);
    const SchemaNode* sn = w.nodes[d];
    Tri here;
    if (p == Presence::present) here = Tri::yes;
    else if (!sn->name.empty() || !sn->described || client_named(*sn)) here = parent;  // exists with its parent
    else here = p == Presence::absent ? Tri::no : Tri::maybe;
    if (d == segs.size()) {
      self = here;
      v.stored = p == Presence::present;
    } else {
      if (here == Tri::no && missing_depth == 0) missing_depth = d;
      parent = here;
    }
  }
  if (parent == Tri::maybe) v.state_assumed = true;

  if (add) {
    // AccessType first; a permanent node exists as soon as its CSP does.
    if (!node->access.add) return fail(v, 405, Reason::access);
    if (v.stored || (node->is_permanent() && parent != Tri::no)) return fail(v, 418, Reason::exists);
    // Implied parents are created as interior nodes: each must be one and be well named.
    for (std::size_t d = 1; d < segs.size(); ++d) {
      const SchemaNode* sn = w.nodes[d];
      if (sn->described && !sn->is_interior() && sn->format != "null") {
        v.depth = d;
        return fail(v, 405, Reason::interior);
      }
      if (sn->described && !ddf::name_allowed(*sn, segs[d - 1])) {
        v.depth = d;
        return fail(v, 400, Reason::bad_name);
      }
    }
    if (!ddf::name_allowed(*node, segs.back())) {
      v.depth = segs.size();
      return fail(v, 400, Reason::bad_name);
    }
    if (!r.tnds && !check_value(node, r, v)) return v;
    v.reason = w.area.empty() ? Reason::ok : Reason::area_not_loaded;
    v.area = w.area;
    return v;
  }

  if (parent == Tri::no || self == Tri::no) {
    v.depth = parent == Tri::no ? missing_depth : segs.size();
    return fail(v, 404, Reason::missing);
  }
  if (self == Tri::maybe) v.state_assumed = true;
  v.exists = true;
  // A node that exists by the DDF alone has no properties, children or value to read yet: Get
  // answers what Windows answers for a node nobody set (unset_value), or 404.
  bool unstored = !v.stored && state.at(segs, segs.size()) == Presence::absent;
  if (unstored && (r.property || r.other_query)) {
    v.depth = segs.size();
    return fail(v, 404, Reason::missing);
  }
  if (unstored && r.command == "Get" && !node->is_interior() && node->access.get && !unset_value(*node)) {
    v.depth = segs.size();
    return fail(v, 404, Reason::missing);
  }
  if (r.property) return v;  // properties follow their own rules
  if (!(r.command == "Get" && r.other_query) && !node->access.allows(r.command)) return fail(v, 405, Reason::access);
  if (r.command == "Replace") {
    if (node->is_interior() && !r.tnds) return fail(v, 405, Reason::interior);
    if (!r.tnds && !check_value(node, r, v)) return v;
  }
  v.reason = w.area.empty() ? Reason::ok : Reason::area_not_loaded;
  v.area = w.area;
  return v;
}

}  // namespace syncmldm::judgement
