#pragma once
// DDF 1.2 schemas: which nodes a device has, what each allows (AccessType), its format, type,
// occurrence, scope, defaults and description. Loads OMA DDF files and Microsoft's CSP DDF files
// (the MSFT namespace: AllowedValues and DynamicNodeNaming are kept, the rest is ignored); several
// files merge into one schema. `./Device/...` and unprefixed paths land in the same place
// (uri::canonical), `./User/...` in the user scope.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/error.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::ddf {

// DDF AccessType: the commands a node supports (independent of the ACL).
struct AccessType {
  bool add = false, copy = false, del = false, exec = false, get = false, replace = false;
  // "Add Delete Get" style list, in DDF order.
  std::string to_string() const;
  bool allows(std::string_view command) const;  // "Add", "Delete", "Exec", "Get", "Replace", "Copy"
};

// MSFT:AllowedValues.
struct AllowedValues {
  std::string value_type;            // ENUM, Flag, Range, RegEx, XSD, JSON, ADMX, SDDL, None
  std::vector<std::string> values;   // ENUM values, or the single Value of other kinds
  std::vector<std::string> descriptions;  // parallel to values (may be "")
  std::optional<std::string> list_delimiter;  // MSFT List: the value is a delimited list
};

struct SchemaNode {
  std::string name;              // "" for a dynamic node (any name)
  bool described = false;        // false for nodes only implied by a Path
  AccessType access;
  std::optional<std::string> default_value;
  std::string description;
  std::string format;            // DFFormat: chr, int, node, ...
  std::vector<std::string> mime; // DFType MIME list (leaves)
  std::optional<std::string> ddf_name;  // DFType DDFName (interior: MO identifier)
  std::string occurrence;        // One, ZeroOrOne, ZeroOrMore, OneOrMore, ZeroOrN, OneOrN; "" = One
  std::string occurrence_n;      // N of ZeroOrN / OneOrN
  std::string scope;             // Permanent or Dynamic ("" = Dynamic)
  std::string title;
  std::string case_sense;        // CS, CIS or ""
  std::optional<AllowedValues> allowed;
  std::string dynamic_naming;    // ServerGeneratedUniqueIdentifier, ClientInventory, UniqueName
  std::string unique_name;       // MSFT:UniqueName text: prose about the names, never a pattern
  std::optional<std::string> value;  // DDF <Value> (default instance value)
  Location where;                // where it was declared

  std::map<std::string, std::unique_ptr<SchemaNode>> children;  // named children
  std::unique_ptr<SchemaNode> dynamic;                          // the unnamed child, if any
  SchemaNode* parent = nullptr;

  bool is_interior() const { return format == "node" || (!described && format.empty()); }
  bool is_permanent() const { return scope == "Permanent"; }
  // The node's type: DDFName or the first MIME.
  std::string type() const;
};

class Schema {
 public:
  Schema();
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

  SchemaNode& root() { return *root_; }
  const SchemaNode& root() const { return *root_; }

  // The schema node for a URI (any form: ./Device/X, X, ./X; a ?query is ignored). Dynamic
  // nodes match any name; named nodes win over the dynamic sibling. nullptr when unknown.
  const SchemaNode* lookup(std::string_view uri) const;
  const SchemaNode* lookup_segments(const std::vector<std::string>& canonical_segments) const;
  // The node at a path, created (undescribed) when missing: the loader's entry point.
  SchemaNode& ensure(const std::vector<std::string>& canonical_segments);
  // Number of described nodes.
  std::size_t size() const;
  bool empty() const { return size() == 0; }

 private:
  std::unique_ptr<SchemaNode> root_;
};

// Loading. `text` is a DDF document; `source_name` names it in errors. Bad documents throw
// Error{input} with file:line:col (root not MgmtTree, Node without NodeName, unknown DFFormat,
// malformed XML). Definitions of the same path merge, later ones winning per property.
void load_text(Schema& schema, std::string_view text, const std::string& source_name);
// A file, or every *.xml / *.ddf file in a directory (sorted by name).
void load_path(Schema& schema, const std::string& path);
// Writes <DFProperties>...</DFProperties> for `node` at `indent` spaces (shared with TNDS).
void write_df_properties(const SchemaNode& node, std::string& out, int indent);

// The standard objects' schema (DevInfo, DevDetail, DMAcc), as DDF text.
std::string_view standard_objects_ddf();

// URI of a schema node, dynamic segments drawn as "<x>".
std::string path_of(const SchemaNode& node);

// Nearest names for a URI that does not resolve: the first segment that matches nothing, and
// full URIs with that segment replaced by the closest sibling names (edit distance), best first.
struct Suggestion {
  std::size_t segment = 0;            // index of the first unknown segment
  std::vector<std::string> uris;      // corrected URIs (canonical form)
};
std::optional<Suggestion> suggest(const Schema& schema, std::string_view uri, std::size_t max = 3);
// ASCII case-insensitive edit distance, as suggestions rank names (names longer than 256
// characters count as their length: nobody misspells those, and the cost stays bounded).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Checks a leaf value against the node's format and allowed values.
enum class ValueCheck { ok, bad_format, not_allowed };
ValueCheck check_value(const SchemaNode& node, std::string_view value);
// Checks a dynamic node's name against AllowedValues RegEx / UniqueName of interior nodes.
bool name_allowed(const SchemaNode& node, std::string_view name);
// True when `value` parses as `format` (int, bool, float, date, time, b64; others accept all).
bool value_matches_format(std::string_view format, std::string_view value);
bool is_format_name(std::string_view format);

}  // namespace syncmldm::ddf
SYNCMLDM_API_END
