#pragma once
// The one judgement of a management command on a DDF-described tree: the status a Windows
// device answers for one Item of Add, Replace, Delete, Get or Exec, given the loaded DDFs and
// what is known of the device's state. dm-tree (the device model) answers it; dm-validate --ddf
// reports it (an error when the status is an error), so that the two tools agree by
// construction.
//
// "Exists" is modelled from the DDF, not only from the state: the CSP's named nodes (permanent
// or not) exist as soon as their parent does; a dynamic node exists only once added, unless the
// client names it itself (MSFT:ClientInventory, e.g. Policy areas and policies); every named
// node under an existing dynamic node exists (a firewall rule's Get,Replace fields).

#include <cstddef>
#include <optional>
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

namespace syncmldm::judgement {

enum class Presence : unsigned char { absent, present, unknown };

// What the caller knows of the state: is the node at the first `depth` segments there?
// The device knows (its tree); the validator knows only what earlier commands of the message
// did, and answers unknown for the rest.
class State {
 public:
  virtual Presence at(const std::vector<std::string>& segments, std::size_t depth) const = 0;

 protected:
  ~State() = default;
};

struct Request {
  std::string_view command;                  // Add, Replace, Delete, Get, Exec
  const std::vector<std::string>& segments;  // canonical (uri::canonical)
  bool property = false;                     // ?prop=...: only existence and naming are judged
  bool other_query = false;                  // ?list=... and the like (Get only)
  const std::string* format = nullptr;       // effective Meta Format; nullptr when absent
  const std::string* data = nullptr;         // Item Data; nullptr when absent
  bool tnds = false;                         // Meta Type is the TNDS MIME type
};

// Why the status is what it is.
enum class Reason : unsigned char {
  ok,
  outside,          // no loaded DDF describes the path: the schema has no say
  unknown_node,     // 404: no such node (suggestion or scope hint may be set)
  area_not_loaded,  // 200: a client-inventory node (Policy area) whose DDF is not loaded
  missing,          // 404: the node (or a dynamic parent) does not exist in the state
  exists,           // 418: Add of a node that exists
  access,           // 405: not in the node's AccessType
  interior,         // 405: value command on an interior node, or an implied parent is a leaf
  bad_name,         // 400: a dynamic node's name breaks its naming rule
  format_name,      // 415: Meta Format is not a DM format
  format,           // 415: Meta Format disagrees with the DFFormat
  data,             // 415: Data does not parse as its format (int 'abc', bool 'yes', bad Base64)
  value,            // 400: the value is not one the node's AllowedValues lists
};

struct Verdict {
  int status = 200;
  Reason reason = Reason::ok;
  const ddf::SchemaNode* node = nullptr;  // the described node the path resolves to
  std::string format;                     // the value's format (given, else the DFFormat; "" unknown)
  bool state_assumed = false;             // the status assumes the state that makes the command work
  bool exists = false;                    // the node exists (in the state or by the DDF)
  bool stored = false;                    // ... and the state holds it
  std::size_t depth = 0;                  // unknown_node, missing, interior: the segment count at fault
  std::string suggestion;                 // unknown_node: the closest URI (canonical form), or ""
  std::optional<uri::Scope> scope_hint;   // unknown_node: the other scope, when the DDF has it there
  std::string area;                       // area_not_loaded: the area's name
  std::string detail;                     // format, data, value: what was expected
};

// The judgement. `schema` may be null (no DDF): only the state and the formats then speak.
Verdict judge(const ddf::Schema* schema, const State& state, const Request& request);

// The verdict in a few words for whoever sent the command ("no such node; the parent is
// dynamic, Add it first"); "" when the status is not an error. `r` is the judged request.
std::string explain(const Verdict& v, const Request& r);

// The answer a Windows device gives to Get of a leaf that exists by the DDF but is not in the
// state (a Get-only status node): its DefaultValue, else the empty value of its format.
// nullopt when Windows answers 404 (a settable node nobody set).
std::optional<std::string> unset_value(const ddf::SchemaNode& node);

// When `segments` names no node of the loaded DDFs, the hint both tools give ("did you mean"
// URI, or the scope that defines it); nullopt when it names one or lies outside every loaded DDF.
struct Unknown {
  std::string suggestion;  // canonical URI, or ""
  std::optional<uri::Scope> scope_hint;  // the other scope, when the DDF has it there
};
std::optional<Unknown> unknown_node(const ddf::Schema& schema, const std::vector<std::string>& segments);

// "did you mean" candidates: the closest names (case-insensitive edit distance) among `names`.
std::vector<std::string> closest(std::string_view name, const std::vector<std::string>& names);

// What to tell someone who named a node that is not there (dm-tree's "no such node"): the scope
// hint or the suggestion of unknown_node, else the nearest URIs of ddf::suggest.
struct NotFoundHint {
  std::optional<uri::Scope> scope_hint;  // the other scope, when the DDF defines the node there
  std::vector<std::string> suggestions;  // "did you mean" URIs, best first
};
NotFoundHint not_found_hint(const ddf::Schema& schema, std::string_view uri);

// The described node `uri` names, or nullptr when there is none or the judgement calls the URI
// unknown (a misspelt Policy area still matches the dynamic area node of the schema).
const ddf::SchemaNode* known_node(const ddf::Schema& schema, std::string_view uri);

}  // namespace syncmldm::judgement
SYNCMLDM_API_END
