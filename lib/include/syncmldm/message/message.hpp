#pragma once
// The SyncML DM message model: what a SyncML document says, read tolerantly from an
// xml::Document, and written back as XML (for responses).
//
// Reading never stops at the first oddity: missing elements are empty optionals, unknown
// elements are kept (as Command::Kind::unknown or in `unknown` lists), order is preserved, and
// each part keeps its xml node (a handle: Document::location_of places it, xml::local_name
// names it) so that callers can report positions. Only input that is not a SyncML document at
// all (another root element) is an error. Parts built in code have null nodes.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "syncmldm/xml/xml.hpp"

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::message {

// An optional part kept on the heap, used as std::optional is (if (x), *x, x->f, x = v,
// x = std::nullopt, x.emplace()): absent, it costs one pointer instead of the part's full size.
// A Meta is some 380 bytes and a Cred more, while most Items and Commands carry none, and an
// Item has a Target or a Source, rarely both: boxed, an Item takes 120 bytes instead of 690
// and a Command 450 instead of 1,600 (README, Limits).
template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}
  Boxed(const T& v) : p_(std::make_unique<T>(v)) {}
  Boxed(T&& v) : p_(std::make_unique<T>(std::move(v))) {}
  Boxed(const std::optional<T>& v) : p_(v ? std::make_unique<T>(*v) : nullptr) {}
  Boxed(const Boxed& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(std::nullopt_t) {
    p_.reset();
    return *this;
  }
  Boxed& operator=(const T& v) {
    if (p_) *p_ = v;
    else p_ = std::make_unique<T>(v);
    return *this;
  }
  Boxed& operator=(T&& v) {
    if (p_) *p_ = std::move(v);
    else p_ = std::make_unique<T>(std::move(v));
    return *this;
  }
  template <typename... Args>
  T& emplace(Args&&... args) {
    p_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *p_;
  }
  void reset() { p_.reset(); }

  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return p_ != nullptr; }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }
  T& value() {
    if (!p_) throw std::bad_optional_access();
    return *p_;
  }
  const T& value() const {
    if (!p_) throw std::bad_optional_access();
    return *p_;
  }
  template <typename U>
  T value_or(U&& fallback) const {
    return p_ ? *p_ : static_cast<T>(std::forward<U>(fallback));
  }
  operator std::optional<T>() const { return p_ ? std::optional<T>(*p_) : std::nullopt; }
  friend bool operator==(const Boxed& b, std::nullopt_t) { return !b.p_; }

 private:
  std::unique_ptr<T> p_;
};

// MetInf: the elements DM uses, each as written (text). Absent elements are nullopt.
struct Meta {
  std::optional<std::string> format;
  std::optional<std::string> type;
  std::optional<std::string> mark;
  std::optional<std::string> size;
  std::optional<std::string> version;
  std::optional<std::string> next_nonce;
  std::optional<std::string> max_msg_size;
  std::optional<std::string> max_obj_size;
  std::vector<std::string> emi;
  std::vector<const xml::Node*> unknown;  // other MetInf or foreign elements
  const xml::Node* node = nullptr;

  bool empty() const;
  // What a <MetInf> inside this Meta gives (some samples wrap the elements in one): each of
  // its scalar elements that is present replaces this one's.
  void take_from_metinf(const Meta& inner);
};

// Target or Source: LocURI and LocName.
struct Address {
  std::optional<std::string> loc_uri;
  std::optional<std::string> loc_name;
  const xml::Node* node = nullptr;
  const xml::Node* loc_uri_node = nullptr;

  // The LocURI or "" when absent.
  const std::string& uri() const;
};

// Item/Data, Cred/Data and the like: plain text, or markup when the element held child
// elements (then `text` is that markup serialised, and `is_xml` is true).
struct Data {
  std::string text;
  bool is_xml = false;
  bool had_cdata = false;
  const xml::Node* node = nullptr;
};

struct Cred {
  Boxed<Meta> meta;
  std::optional<Data> data;
  const xml::Node* node = nullptr;
};

struct Item {
  Boxed<Address> target;
  Boxed<Address> source;
  Boxed<Meta> meta;
  std::optional<Data> data;
  bool more_data = false;
  std::vector<const xml::Node*> unknown;  // e.g. SourceParent, stray elements
  const xml::Node* node = nullptr;
};

enum class Kind { add, alert, atomic, copy, delete_, exec, get, replace, results, sequence, status, unknown };

// Element name of a command kind ("Add", ...); "" for unknown.
std::string_view kind_name(Kind kind);
// Kind for an element name; Kind::unknown for anything else (Map, Sync, typos).
Kind kind_from_name(std::string_view name);

struct Command {
  Kind kind = Kind::unknown;
  std::string name;                      // element name as written (local name)
  std::optional<std::string> cmd_id;
  bool no_resp = false;
  Boxed<Cred> cred;                      // not allowed in DM commands, kept to report it
  Boxed<Meta> meta;
  std::vector<Item> items;
  std::vector<Command> children;         // Atomic and Sequence
  std::optional<std::string> data;       // Alert code, Status code
  std::optional<std::string> correlator; // Alert, Exec
  // Status and Results
  std::optional<std::string> msg_ref;
  std::optional<std::string> cmd_ref;
  std::optional<std::string> cmd;
  std::vector<std::string> target_refs;
  std::vector<std::string> source_refs;
  Boxed<Meta> chal;                      // Status/Chal/Meta
  std::vector<const xml::Node*> unknown; // children the model does not know
  const xml::Node* node = nullptr;
  const xml::Node* cmd_id_node = nullptr;

  bool is_container() const { return kind == Kind::atomic || kind == Kind::sequence; }
};

struct Header {
  std::optional<std::string> ver_dtd;
  std::optional<std::string> ver_proto;
  std::optional<std::string> session_id;
  std::optional<std::string> msg_id;
  std::optional<Address> target;
  std::optional<Address> source;
  std::optional<std::string> resp_uri;
  bool no_resp = false;
  std::optional<Cred> cred;
  std::optional<Meta> meta;
  std::vector<const xml::Node*> unknown;
  const xml::Node* node = nullptr;
};

struct Message {
  std::string namespace_uri;       // of the SyncML root, as written
  bool has_header = false;
  Header header;
  bool has_body = false;
  std::vector<Command> commands;   // SyncBody children in order (Final excluded)
  bool final = false;
  std::vector<const xml::Node*> unknown;  // other children of SyncML
  const xml::Node* root = nullptr;
  const xml::Node* body = nullptr;
};

struct ReadOptions {
  // Atomic/Sequence deeper than this are kept as Kind::unknown without children (the XML layer
  // bounds depth too; this keeps the model small on hostile nesting).
  std::size_t max_nesting = 64;
  // Commands in one message, nested ones included; more is an Error{input} at the first one
  // past the limit (a device answers each with a Status: the response would grow without end).
  std::size_t max_commands = 1'000'000;
  // Items in one message, over all commands: each costs the model and a device's response
  // some hundreds of bytes (README, Limits). More is an Error{input} at the first one past it.
  std::size_t max_items = 1'000'000;
};

// Reads a message. Throws Error{ErrorKind::input} (with the root's place) only when the root
// element is not SyncML. The Document must outlive the Message (nodes point into it).
Message read(const xml::Document& document, const ReadOptions& options = {});

struct WriteOptions {
  bool xml_declaration = true;
  bool indent = true;   // two spaces per level; false writes one line
  std::string namespace_uri = "SYNCML:SYNCML1.2";
};

// Serialises in DTD order. Meta children carry xmlns="syncml:metinf". Data text is escaped;
// Data with is_xml is written as markup.
std::string write(const Message& message, const WriteOptions& options = {});

// Text escaped for XML content or attribute values.
std::string escape(std::string_view text);

}  // namespace syncmldm::message
SYNCMLDM_API_END
