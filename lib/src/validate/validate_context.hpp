#pragma once
// Internal to the validator: the state shared by the rule areas during the single walk over
// the DOM, and small DOM helpers that avoid allocating for the common one-text-node case.

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/validate/validate.hpp"
#include "xml/dom.hpp"

namespace syncmldm::validate::detail {

using xml::dom::Node;

enum class Kind : std::uint8_t {
  other,  // not a SyncML command name
  add, alert, atomic, copy, delete_, exec, get, replace, results, sequence, status,
  sync, map, put, search, move,  // SyncML commands DM does not use
};
Kind command_kind(std::string_view local_name);
std::string_view kind_name(Kind kind);
inline bool is_container(Kind k) { return k == Kind::atomic || k == Kind::sequence; }
inline bool is_not_dm(Kind k) { return k >= Kind::sync; }

// Text of an element: a view into the document when it is one text node (the usual case),
// otherwise the pieces joined into `storage`.
struct Text {
  std::string_view value;
  bool plain = true;        // exactly one data node and nothing else (no CDATA, elements, splits)
  bool has_cdata = false;
  bool has_elements = false;
  std::string storage;
};
void read_text(const Node* node, Text& out);
std::string_view trim(std::string_view s);
// Trimmed text of the first child element named `name`, or nullopt when there is none.
std::optional<std::string_view> child_text(const Node* parent, std::string_view name, std::string& scratch);
using xml::dom::is_element;
inline std::string_view name_of(const Node* n) { return xml::local_name(n); }

// Format/Type/Size in effect for an Item: Item Meta overrides command Meta overrides container Meta.
struct MetaView {
  const Node* format = nullptr;
  const Node* type = nullptr;
  const Node* size = nullptr;
  const Node* mark = nullptr;
};
void merge_meta(const Node* meta, MetaView& into);  // fills only what `meta` gives

// Where the walk is: the command being checked and the containers around it.
struct Frame {
  const Node* node = nullptr;
  Kind kind = Kind::other;
  std::optional<std::string_view> cmdid;
  const Node* container = nullptr;  // innermost enclosing Atomic/Sequence
  Kind container_kind = Kind::other;
  MetaView inherited;                // Meta of the enclosing containers
  const Node* top = nullptr;         // the command directly under SyncBody that holds this one
};

// Maps DOM offsets to the place reported: XML line:col, or a WBXML byte offset.
struct Locator {
  virtual ~Locator() = default;
  virtual void place(const Node* node, Diagnostic& d) const = 0;
};

namespace ddf_rules {
struct MessageState;  // what the message's own commands did to the tree (validate_ddf.cpp)
}

class Context {
 public:
  Context(const xml::Document& doc, const Options& options, const Locator& locator, std::string_view file,
          std::vector<Diagnostic>& out);

  const xml::Document& doc;
  const Options& options;
  Profile profile;
  Direction direction = Direction::server;  // resolved (never Auto during the walk)
  bool has_header = false;
  bool windows() const { return profile == Profile::windows; }

  bool enabled(std::string_view rule) const;
  // Reports at `at` with the rule's profile severity and status unless overridden.
  void report(const Node* at, std::string_view rule, std::string message, const Frame* frame = nullptr,
              std::optional<int> status = std::nullopt, std::optional<Severity> severity = std::nullopt,
              bool no_status = false);

  // Cross-command state.
  // CmdIDs seen so far: an open-addressing set of views into the document (no node per
  // entry: a 20 MB message has some 100 000 commands).
  struct CmdIdSet {
    std::vector<std::pair<std::string_view, const Node*>> entries;
    std::vector<std::uint32_t> slots;  // index + 1 into entries, 0 = empty
    // The command that already uses `id`, or nullptr after recording `node` for it.
    const Node* insert(std::string_view id, const Node* node);
  } cmdids;
  bool user_scope_noted = false;
  bool padding_noted = false;          // a LocURI padded with white space (noted once)
  bool metinf_namespace_noted = false; // MetInf elements without their namespace (noted once)
  std::shared_ptr<ddf_rules::MessageState> ddf_state;
  const Node* first_status_child = nullptr;
  // One per answering Status (a token-dense reply has one every 200 bytes): the refs that group
  // them; TargetRef and SourceRef are read again from the node for the few that share a group.
  struct StatusRef {
    std::string_view msgref, cmdref;
    const Node* node;
    std::string_view cmdid;  // empty: none (an empty CmdID is never recorded)
  };
  std::vector<StatusRef> statuses;
  std::deque<std::string> owned;  // texts that were not one node, kept for views
  std::string scratch;
  // Responses bookkeeping.
  bool header_status_seen = false;
  const Node* moredata_command = nullptr;  // top-level command holding a MoreData chunk

 private:
  const Locator& locator_;
  std::string_view file_;
  std::vector<Diagnostic>& out_;
  std::vector<std::string_view> disabled_;
};

// Child-order checking against a DTD content model given as an ordered list.
struct ChildSpec {
  std::string_view name;
  bool repeat = false;  // may occur more than once
};
// Reports element-order (out of order, repeated), and unexpected children through
// `on_unexpected` (which may return false to use the generic unexpected-child report).
void check_order(Context& ctx, const Node* parent, std::initializer_list<ChildSpec> spec, const Frame* frame,
                 std::string_view rule = "element-order",
                 const std::function<bool(const Node*)>& on_unexpected = {});

// The walk over a parsed message (validate.cpp); `wrapped` marks bare commands parsed inside a
// synthetic wrapper element.
void run(Context& ctx, const Node* root, bool wrapped);

// Rule areas, called by the walk (validate.cpp). Each looks at one element and its children.
namespace structure {
void check_root(Context& ctx, const Node* root);
void check_header(Context& ctx, const Node* header);
void check_command_shape(Context& ctx, const Frame& f);
}  // namespace structure
namespace cmdid {
void check(Context& ctx, Frame& f);
}
namespace atomic {
void check_container(Context& ctx, const Frame& f);
void check_child(Context& ctx, const Frame& child);
}  // namespace atomic
namespace items {
void check(Context& ctx, const Frame& f);
void check_alert(Context& ctx, const Frame& f);
}  // namespace items
namespace locuri {
void check(Context& ctx, const Frame& f, const Node* locuri, bool is_target);
// True when the URI is a plain "./a/b" path that the URI checker cannot fault (a fast path).
bool obviously_clean(std::string_view uri);
}
namespace meta {
void check_meta(Context& ctx, const Node* meta, const Frame* f);
// `ddf_judged`: the DDF judgement already checked the Data against its node's format (--ddf), so
// the scalar formats (int, bool, float, date, time, b64) are not checked a second time here.
void check_item_data(Context& ctx, const Frame& f, const Node* item, const MetaView& effective, bool ddf_judged = false);
void check_header_meta(Context& ctx, const Node* meta);
}  // namespace meta
namespace responses {
void check_status(Context& ctx, const Frame& f, std::size_t body_index);
void check_results(Context& ctx, const Frame& f);
void finish(Context& ctx, const Node* body);
}  // namespace responses
namespace ddf_rules {
// True when the DDF describes the target, so that the judgement checked the Item's Data.
bool check(Context& ctx, const Frame& f, const Node* item, std::string_view uri, const MetaView& effective);
}

}  // namespace syncmldm::validate::detail
