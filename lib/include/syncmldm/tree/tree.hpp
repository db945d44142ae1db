#pragma once
// The DM tree a device exposes: interior and leaf nodes with their run-time properties (ACL,
// Format, Name, Size, Title, TStamp, Type, VerNo), ACL grammar and inheritance, and the URI
// limits of ./DevDetail/URI. A tree may carry a DDF schema (shared, read-only) that says which
// nodes are permanent, what each allows, and which values are valid.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/tree/uri.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::ddf {
class Schema;
struct SchemaNode;
}  // namespace syncmldm::ddf

namespace syncmldm::tree {

// Shown instead of a value that the reader may not see (Tree::read_status): never its length.
inline constexpr std::string_view kHiddenValue = "********";

// An ACL value (TND 1.2 section 4): command -> server ids. No entries means "no value" (the
// node inherits its parent's ACL).
class Acl {
 public:
  // nullopt when malformed (unknown command, "Get=" without ids, bad characters).
  static std::optional<Acl> parse(std::string_view text);
  // Canonical text: commands in Add, Delete, Exec, Get, Replace order, ids sorted, '+'-joined.
  std::string to_string() const;
  bool empty() const { return entries_.empty(); }
  // True when `server` (or "*") is granted `command`.
  bool allows(std::string_view command, std::string_view server) const;
  void grant(const std::string& command, const std::string& server) { entries_[command].insert(server); }

 private:
  std::map<std::string, std::set<std::string>> entries_;
};

struct Node {
  std::string name;
  std::string format = "chr";   // "node" for interior nodes
  std::string type;             // MIME of a leaf value, MO identifier of an interior node
  std::string value;            // leaf value (decoded bytes for bin)
  std::string acl;              // as stored; "" = inherit
  std::string title;
  std::string tstamp;           // ISO 8601 basic, "" when never changed
  std::uint16_t verno = 0;
  std::map<std::string, std::unique_ptr<Node>> children;  // sorted by name
  Node* parent = nullptr;

  bool is_interior() const { return format == "node"; }
  Node* child(const std::string& n) const;
  Node& add_child(const std::string& n);  // replaces nothing: returns the existing child if any
  std::unique_ptr<Node> clone(Node* new_parent = nullptr) const;
  // Every node in this subtree, this one first (pre-order).
  std::size_t count() const;
  // "./A/B" (percent-encoded), "." for the root.
  std::string uri() const;
  // Marks a change: VerNo + 1 (wrapping) and TStamp = now.
  void touch(const std::string& now);
};

class Tree {
 public:
  Tree();
  Tree(Tree&&) noexcept;
  Tree& operator=(Tree&&) noexcept;
  ~Tree();
  Tree clone() const;

  Node& root() { return *root_; }
  const Node& root() const { return *root_; }

  // The node at a URI in any form (./Device/X == ./X; queries ignored), or nullptr.
  Node* find(std::string_view uri) const;
  Node* find_segments(const std::vector<std::string>& canonical_segments) const;
  // Creates the node and any missing interior parents (format "node"). Fails (nullptr) when a
  // parent on the way is a leaf.
  Node* ensure(const std::vector<std::string>& canonical_segments, const std::string& leaf_format);

  // The effective ACL of a node: its own, or the nearest ancestor's that has a value.
  std::string effective_acl(const Node& node) const;

  // Whether `server` may read the value of `node`: the one access check behind every path that
  // hands a value out (Get with any query, Copy's source, Results, dm-tree show and get).
  // 405 when the node's DDF AccessType has no Get (a DM account's AAuthSecret), 425 when the
  // ACL does not grant Get to `server` (not checked when `server` is empty), else 200.
  int read_status(const Node& node, std::string_view server) const;
  // Limits from ./DevDetail/URI/{MaxDepth,MaxTotLen,MaxSegLen} (0 when absent or not a number).
  uri::Limits limits() const;

  const std::shared_ptr<const ddf::Schema>& schema() const { return schema_; }
  void set_schema(std::shared_ptr<const ddf::Schema> schema) { schema_ = std::move(schema); }
  // The schema node describing `node`, or nullptr (no schema, or not described).
  const ddf::SchemaNode* schema_of(const Node& node) const;
  const ddf::SchemaNode* schema_of(const std::vector<std::string>& canonical_segments) const;

 private:
  std::unique_ptr<Node> root_;
  std::shared_ptr<const ddf::Schema> schema_;
};

// Canonical segments of `node` (path from the root).
std::vector<std::string> segments_of(const Node& node);

// Device identity written by make_standard_tree.
struct Identity {
  std::string dev_id = "IMEI:000000000000000";
  std::string man = "syncml-dm-tools";
  std::string mod = "dm-tree";
  std::string dmv = "1.3";
  std::string lang = "en-US";
  std::string dev_typ = "PC";
  std::string oem = "syncml-dm-tools";
  std::string fwv = "1.0";
  std::string swv = "0.1.0";
  std::string hwv = "1.0";
  std::uint16_t max_depth = 0, max_tot_len = 0, max_seg_len = 0;
};

// A tree with a root ACL "Add=*&Get=*" and every described permanent node of `schema` created
// (with implied parents and DefaultValues), then DevInfo and DevDetail filled from `identity`.
// `schema` should include ddf::standard_objects_ddf() so that DevInfo/DevDetail/DMAcc exist.
Tree make_standard_tree(const Identity& identity, std::shared_ptr<ddf::Schema> schema, const std::string& now);

// Sets the value of the leaf at `uri` (dm-tree init --set), creating it and any missing interior
// parents: a new leaf takes its DFFormat and type from the schema, else chr and text/plain.
// TStamp becomes `now`; VerNo stays. Error{usage} "URI: problem" when `uri` breaks the URI rules
// or names an interior node (or a node under a leaf).
Node& set_leaf(Tree& tree, std::string_view uri, std::string_view value, const std::string& now);

}  // namespace syncmldm::tree

namespace syncmldm::tree {

// One difference between two trees.
struct Difference {
  enum class Kind { added, removed, changed } kind;
  enum class Property { none, format, value, type, acl, title };  // what changed
  std::string uri;
  Property what = Property::none;  // for changed
  std::string before;  // old text (changed/removed leaf value)
  std::string after;   // new text (changed/added leaf value)
};
// "format", "value", "type", "acl", "title" ("" for none).
std::string_view property_name(Difference::Property property);
// Differences from `a` to `b`, in URI order (a removed interior node is reported once).
std::vector<Difference> diff(const Node& a, const Node& b);

// URIs of the nodes under `start` (itself included) that match `pattern`: a glob where `*`
// matches any run of characters ('/' included) and `?` one character, compared with the
// node's URI (a glob not starting with '.' or '*' may match anywhere: "*" is put in front); a pattern without '*' or '?' matches as a case-insensitive substring.
std::vector<std::string> find(const Node& start, std::string_view pattern);
bool uri_matches(std::string_view pattern, std::string_view uri);

}  // namespace syncmldm::tree
SYNCMLDM_API_END
