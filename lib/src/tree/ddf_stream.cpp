// The streaming DDF loader (see ddf_stream.hpp).
#include "tree/ddf_stream.hpp"

#include <deque>
#include <memory>
#include <vector>

#include "tree/ddf_properties.hpp"
#include "xml/xml_prescan.hpp"
#include "xml/xml_pull.hpp"

namespace syncmldm::ddf::detail {

namespace {

using xml::detail::PullReader;
using xml::detail::PullUnsupported;

std::string_view local(std::string_view name) {
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The elements of one <Node> other than its child Nodes (NodeName, Path, DFProperties, ...),
// with their subtrees: small, and reused from node to node.
struct Fragment {
  struct Elem {
    std::string_view name;  // qualified
    std::string_view text;  // direct text and CDATA
    std::uint64_t offset = 0;
    std::uint32_t first_attr = 0, attrs = 0;
    int first = -1, last = -1, next = -1;
  };
  struct Attr {
    std::string_view name;
    std::string value;
  };
  std::vector<Elem> elems;
  std::vector<Attr> attrs;
  std::deque<std::string> spill;  // text that is not one piece of the input
  std::vector<int> roots;         // captured before the node was placed, in document order
  std::vector<int> stack;

  void clear() {
    elems.clear();
    attrs.clear();
    if (!spill.empty()) spill.clear();
    roots.clear();
  }

  int add(const PullReader& r) {
    Elem e;
    e.name = r.name();
    e.offset = r.offset();
    e.first_attr = static_cast<std::uint32_t>(attrs.size());
    for (const auto& a : r.attributes()) {
      Attr& at = attrs.emplace_back();
      at.name = a.name;
      xml::detail::expand_references(a.raw_value, at.value);
    }
    e.attrs = static_cast<std::uint32_t>(attrs.size()) - e.first_attr;
    elems.push_back(e);
    return static_cast<int>(elems.size()) - 1;
  }

  void append_text(int i, const PullReader& r) {
    Elem& e = elems[static_cast<std::size_t>(i)];
    if (e.text.empty() && r.text_in_input()) {
      e.text = r.text();
      return;
    }
    std::string joined(e.text);
    joined += r.text();
    e.text = spill.emplace_back(std::move(joined));
  }

  // Reads the element whose start event was the last one, through its end event.
  int capture(PullReader& r) {
    int root = add(r);
    stack.assign(1, root);
    while (!stack.empty()) {
      switch (r.next()) {
        case PullReader::Event::start: {
          int i = add(r);
          Elem& parent = elems[static_cast<std::size_t>(stack.back())];
          if (parent.first < 0) parent.first = i;
          else elems[static_cast<std::size_t>(parent.last)].next = i;
          parent.last = i;
          stack.push_back(i);
          break;
        }
        case PullReader::Event::end: stack.pop_back(); break;
        case PullReader::Event::text: append_text(stack.back(), r); break;
        case PullReader::Event::eof: throw PullUnsupported{};
      }
    }
    return root;
  }
};

// The element-tree interface of ddf_properties.hpp over a Fragment.
struct FragmentTree {
  using Elem = const Fragment::Elem*;
  const Fragment& f;
  const std::string& source;

  Elem at(int i) const { return i < 0 ? nullptr : &f.elems[static_cast<std::size_t>(i)]; }
  Elem first_child(Elem e) const { return at(e->first); }
  Elem next_sibling(Elem e) const { return at(e->next); }
  std::string_view local_name(Elem e) const { return local(e->name); }
  std::string_view text(Elem e) const { return e->text; }
  bool attribute(Elem e, std::string_view name, std::string& value) const {
    for (std::uint32_t i = 0; i < e->attrs; ++i) {
      const auto& a = f.attrs[e->first_attr + i];
      if (a.name == name) {
        value = a.value;
        return true;
      }
    }
    return false;
  }
  // Only errors use it, and errors are left to the DOM loader, which places them exactly.
  Location location(Elem e) const { return Location{source, e->offset, 0, 0}; }
};

// What a streaming load changed, so that a load that gives up half-way can be taken back
// before the DOM loader runs: nodes it created, and the properties of nodes that were there.
class UndoLog {
 public:
  SchemaNode& child(SchemaNode& parent, const std::string& name) {
    bool existed = name.empty() ? parent.dynamic != nullptr : parent.children.count(name) > 0;
    SchemaNode& c = child_of(parent, name);
    if (!existed) created_.push_back(&c);
    return c;
  }
  // Before the properties of `node` change; `created` says whether this load made it.
  void will_change(const SchemaNode& node, bool created) {
    if (created) return;
    SchemaNode copy;
    copy_properties(node, copy);
    saved_.emplace_back(const_cast<SchemaNode*>(&node), std::move(copy));
  }
  bool created_last(const SchemaNode& node) const { return !created_.empty() && created_.back() == &node; }
  void roll_back() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) copy_properties(it->second, *it->first);
    for (auto it = created_.rbegin(); it != created_.rend(); ++it) {
      SchemaNode* n = *it;
      if (n->name.empty()) n->parent->dynamic.reset();
      else n->parent->children.erase(n->name);
    }
    saved_.clear();
    created_.clear();
  }

 private:
  std::vector<SchemaNode*> created_;
  std::vector<std::pair<SchemaNode*, SchemaNode>> saved_;

  // Every field of SchemaNode but the links (name, children, dynamic, parent).
  static void copy_properties(const SchemaNode& from, SchemaNode& to) {
    to.described = from.described;
    to.access = from.access;
    to.default_value = from.default_value;
    to.description = from.description;
    to.format = from.format;
    to.mime = from.mime;
    to.ddf_name = from.ddf_name;
    to.occurrence = from.occurrence;
    to.occurrence_n = from.occurrence_n;
    to.scope = from.scope;
    to.title = from.title;
    to.case_sense = from.case_sense;
    to.allowed = from.allowed;
    to.dynamic_naming = from.dynamic_naming;
    to.unique_name = from.unique_name;
    to.value = from.value;
    to.where = from.where;
  }
};

class StreamLoader {
 public:
  StreamLoader(Schema& schema, std::string_view text, const std::string& source, UndoLog& undo)
      : schema_(schema), reader_(text), locator_(text), source_(source), undo_(undo) {}

  void run() {
    if (reader_.next() != PullReader::Event::start || local(reader_.name()) != "MgmtTree") throw PullUnsupported{};
    for (;;) {
      auto ev = reader_.next();
      if (ev == PullReader::Event::end) break;
      if (ev == PullReader::Event::eof) throw PullUnsupported{};
      if (ev != PullReader::Event::start) continue;
      if (local(reader_.name()) == "Node") node(0, reader_.offset(), schema_.root());
      else reader_.skip_element();
    }
    if (reader_.next() != PullReader::Event::eof) throw PullUnsupported{};
  }

 private:
  Schema& schema_;
  PullReader reader_;
  xml::detail::ForwardLocator locator_;
  const std::string& source_;
  UndoLog& undo_;
  std::vector<std::unique_ptr<Fragment>> fragments_;  // one per Node depth

  Fragment& fragment(std::size_t depth) {
    while (fragments_.size() <= depth) fragments_.push_back(std::make_unique<Fragment>());
    return *fragments_[depth];
  }

  // A <Node> whose start event was just read.
  void node(std::size_t depth, std::uint64_t offset, SchemaNode& parent) {
    if (depth > kMaxNodeDepth) throw PullUnsupported{};
    Fragment& f = fragment(depth);
    f.clear();
    SchemaNode* self = nullptr;
    bool has_path = false;
    for (;;) {
      auto ev = reader_.next();
      if (ev == PullReader::Event::end) break;
      if (ev == PullReader::Event::eof) throw PullUnsupported{};
      if (ev != PullReader::Event::start) continue;
      std::string_view name = local(reader_.name());
      if (name == "Node") {
        if (!self) self = place(f, offset, parent, has_path);
        node(depth + 1, reader_.offset(), *self);
      } else if (!self) {
        f.roots.push_back(f.capture(reader_));
      } else if (name == "NodeName" || name == "Path") {
        // The DOM loader takes the first of each, wherever it is: a first Path after a child
        // Node would change where this node goes.
        if (name == "Path" && !has_path) throw PullUnsupported{};
        reader_.skip_element();
      } else {
        f.clear();
        apply(f, f.capture(reader_), *self);
      }
    }
    if (!self) place(f, offset, parent, has_path);
  }

  // Puts the node into the schema once its NodeName (and Path) are known, and applies what was
  // read of it so far.
  SchemaNode* place(Fragment& f, std::uint64_t offset, SchemaNode& parent, bool& has_path) {
    FragmentTree t{f, source_};
    const Fragment::Elem* name_el = nullptr;
    const Fragment::Elem* path_el = nullptr;
    for (int i : f.roots) {
      const auto* e = t.at(i);
      std::string_view n = local(e->name);
      if (n == "NodeName" && !name_el) name_el = e;
      else if (n == "Path" && !path_el) path_el = e;
    }
    if (!name_el) throw PullUnsupported{};
    std::string name = trim(name_el->text);
    if (name == "*") name.clear();  // older Microsoft files name dynamic nodes "*"
    SchemaNode* base = &parent;
    has_path = path_el != nullptr;
    if (path_el) {
      std::string p = trim(path_el->text);
      std::vector<std::string> segs = canonical_segments(p);
      if (p.empty() || p[0] == '.')
        while (base->parent) base = base->parent;
      for (const auto& s : segs) base = &undo_.child(*base, s);
    }
    SchemaNode& node = undo_.child(*base, name);
    undo_.will_change(node, undo_.created_last(node));
    Location where{source_, offset, 0, 0};
    locator_.locate(offset, where.line, where.column);
    node.where = std::move(where);
    for (int i : f.roots) apply(f, i, node);
    return &node;
  }

  void apply(const Fragment& f, int i, SchemaNode& node) {
    FragmentTree t{f, source_};
    const auto* e = t.at(i);
    std::string_view n = local(e->name);
    if (n == "DFProperties") {
      read_properties(t, e, node);
    } else if (n == "RTProperties" && !node.described) {
      if (const auto* format = child_named(t, e, "Format"))
        if (const auto* kind = t.first_child(format)) node.format = t.local_name(kind);
    } else if (n == "Value") {
      node.value = std::string(e->text);
    }
  }
};

}  // namespace

bool load_streaming(Schema& schema, std::string_view text, const std::string& source_name) {
  // The prescan's checks (UTF-8, entities, markup, depth) are what the reader relies on.
  std::string_view body = text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
  xml::detail::PrescanProblem problem;
  if (!xml::detail::prescan(body, xml::ParseOptions{}.max_depth, problem)) return false;
  UndoLog undo;
  try {
    StreamLoader(schema, text, source_name, undo).run();
    return true;
  } catch (const PullUnsupported&) {
  } catch (const Error&) {
    // the DOM loader reports it, with its exact place
  }
  undo.roll_back();
  return false;
}

}  // namespace syncmldm::ddf::detail
