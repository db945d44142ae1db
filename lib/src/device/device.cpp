#include "syncmldm/device/device.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "util/huge_pages.hpp"
#include "syncmldm/util/base64.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/device/judgement.hpp"
#include "syncmldm/tree/tnds.hpp"
#include "syncmldm/tree/uri.hpp"

namespace syncmldm::device {

namespace {

using message::Command;
using message::Item;
using message::Kind;
using message::Meta;
using tree::Node;

constexpr std::string_view kTndsXml = "application/vnd.syncml.dmtnds+xml";
// Deeper URIs get 414 whatever DevDetail says: the tree code recurses over depth.
constexpr std::size_t kHardMaxDepth = 100;
// Elements of the DTD that DM leaves unused: tolerated, not "unknown".
constexpr std::string_view kIgnoredElements[] = {"Lang", "Archive", "SftDel", "NoResults"};
constexpr const char* kNoTarget = "the Item has no Target LocURI";

enum class Context { body, atomic, sequence };

bool ok_code(int code) { return code >= 200 && code < 300; }

// Meta scoping (MS-MDM): item Meta over command Meta over container Meta.
struct MetaScope {
  const Meta* item = nullptr;
  const Meta* command = nullptr;
  const Meta* container = nullptr;
  std::optional<std::string> get(std::optional<std::string> Meta::*field) const {
    for (const Meta* m : {item, command, container})
      if (m && m->*field) return m->*field;
    return std::nullopt;
  }
};

struct Target {
  std::string text;                // as written
  uri::Uri parsed;                 // canonical
  int error = 0;                   // status when the URI is unusable
  std::string why;                 // ... and what is wrong with it
  const std::vector<std::string>& segs() const { return parsed.segments; }
};

struct ItemOutcome {
  int code = 200;
  std::optional<Item> result;        // Results item (Get)
  std::vector<Item> results_list;    // ?list=Struct results
  std::optional<Item> status_item;   // e.g. the interior node an implicit Add failed on
  std::string why;                   // a failing code: the reason in a few words
};

ItemOutcome refused(int code, std::string why) {
  ItemOutcome o;
  o.code = code;
  o.why = std::move(why);
  return o;
}

// Why a failing Status is what it is: the Item it answers (when one) and the reason.
struct Why {
  std::string target;
  std::string reason;
};

// The device's state for the judgement: its tree.
class TreeState final : public judgement::State {
 public:
  explicit TreeState(const tree::Tree& t) : tree_(t) {}
  // One walk per path: the judgement asks for every depth in turn.
  judgement::Presence at(const std::vector<std::string>& segs, std::size_t depth) const override {
    if (&segs != path_) {
      path_ = &segs;
      reached_ = 0;
      const Node* n = &tree_.root();
      while (reached_ < segs.size() && (n = n->child(segs[reached_]))) ++reached_;
    }
    return depth <= reached_ ? judgement::Presence::present : judgement::Presence::absent;
  }

 private:
  const tree::Tree& tree_;
  mutable const std::vector<std::string>* path_ = nullptr;
  mutable std::size_t reached_ = 0;
};

Item status_item_for(const std::vector<std::string>& segs, std::size_t depth) {
  Item fail;
  fail.target = message::Address{};
  std::vector<std::string> prefix(segs.begin(), segs.begin() + static_cast<std::ptrdiff_t>(std::min(depth, segs.size())));
  fail.target->loc_uri = uri::node_string(uri::Uri{true, prefix, {}, {}, uri::QueryKind::none, {}});
  return fail;
}

class Engine {
 public:
  Engine(tree::Tree& t, const message::Message& req, const Options& o)
      : tree_(t), req_(req), opt_(o), limits_(t.limits()) {
    msg_ref_ = req.header.msg_id.value_or("1");
  }

  // One Get item, as items() judges it inside a Get command.
  ItemOutcome get_one(const std::string& uri) {
    Item it;
    it.target = message::Address{};
    it.target->loc_uri = uri;
    return get(it);
  }

  Response run() {
    Response r;
    message::Message& m = r.message;
    m.has_header = true;
    m.has_body = true;
    m.header.ver_dtd = "1.2";
    m.header.ver_proto = "DM/1.2";
    m.header.session_id = req_.header.session_id;
    m.header.msg_id = opt_.msg_id;
    if (req_.header.source && req_.header.source->loc_uri) {
      message::Address a;
      a.loc_uri = req_.header.source->loc_uri;
      m.header.target = a;
    }
    message::Address src;
    if (req_.header.target && req_.header.target->loc_uri) src.loc_uri = req_.header.target->loc_uri;
    else if (!opt_.device_id.empty()) src.loc_uri = opt_.device_id;
    else if (const Node* id = tree_.find_segments({"DevInfo", "DevId"})) src.loc_uri = id->value;
    m.header.source = src;

    // Header status first.
    int hdr = 200;
    if (req_.header.ver_dtd && *req_.header.ver_dtd != "1.2") {
      hdr = 505;
      why_[0].push_back({"", "VerDTD " + *req_.header.ver_dtd + ": a device speaks 1.2"});
    } else if (req_.header.ver_proto && *req_.header.ver_proto != "DM/1.2") {
      hdr = 513;
      why_[0].push_back({"", "VerProto " + *req_.header.ver_proto + ": a device speaks DM/1.2"});
    }
    // No TargetRef/SourceRef: Windows 11 leaves them out of the header Status.
    Command hs = make_status_base("0", "SyncHdr");
    hs.data = std::to_string(hdr);
    out_.push_back(std::move(hs));
    refused_ = hdr != 200;
    // Roughly a Status per command plus Results: reserve so that large responses are not moved.
    out_.reserve(1 + 2 * req_.commands.size());
    detail::advise_huge_pages(out_.data(), out_.capacity() * sizeof(Command));

    for (const Command& c : req_.commands) command(c, Context::body, nullptr);
    // Only Statuses (and Results) to read: the device has nothing to say and sends nothing.
    r.reply = hdr != 200 || std::any_of(req_.commands.begin(), req_.commands.end(), [](const Command& c) {
      return c.kind != Kind::status && c.kind != Kind::results;
    });

    // CmdIDs in output order.
    for (std::size_t i = 0; i < out_.size(); ++i) out_[i].cmd_id = std::to_string(i + 1);
    r.failures = failures();
    m.commands = std::move(out_);
    m.final = opt_.final;
    r.execs = std::move(execs_);
    r.changed = changed_;
    r.failed = failed_;
    return r;
  }

 private:
  tree::Tree& tree_;
  const message::Message& req_;
  const Options& opt_;
  uri::Limits limits_;
  std::string msg_ref_;
  std::vector<Command> out_;
  std::vector<ExecRecord> execs_;
  bool changed_ = false;
  bool failed_ = false;
  bool refused_ = false;
  std::map<std::size_t, std::vector<Why>> why_;  // by index in out_: failing Statuses

  std::vector<Failure> failures() const {
    std::vector<Failure> out;
    for (std::size_t i = 0; i < out_.size(); ++i) {
      const Command& s = out_[i];
      if (s.kind != Kind::status) continue;
      int code = std::atoi(s.data.value_or("500").c_str());
      if (ok_code(code)) continue;
      auto it = why_.find(i);
      std::vector<Why> whys = it == why_.end() ? std::vector<Why>{} : it->second;
      if (whys.empty()) whys.push_back({});
      for (const auto& w : whys) out.push_back(Failure{s.cmd_ref.value_or(""), s.cmd.value_or(""), w.target, code, w.reason});
    }
    return out;
  }

  // ---- response building ----
  Command make_status_base(const std::string& cmd_ref, const std::string& cmd) {
    Command s;
    s.kind = Kind::status;
    s.msg_ref = msg_ref_;
    s.cmd_ref = cmd_ref;
    s.cmd = cmd;
    return s;
  }
  static std::string cmd_name(const Command& c) {
    return c.kind == Kind::unknown ? c.name : std::string(message::kind_name(c.kind));
  }
  std::size_t push_status(const Command& c, int code, std::string why = {}) {
    Command s = make_status_base(c.cmd_id.value_or(""), cmd_name(c));
    s.data = std::to_string(code);
    if (!ok_code(code)) failed_ = true;
    out_.push_back(std::move(s));
    if (!ok_code(code) && !why.empty()) why_[out_.size() - 1].push_back({"", std::move(why)});
    return out_.size() - 1;
  }
  void set_code(std::size_t index, int code, std::string why) {
    out_[index].data = std::to_string(code);
    if (!ok_code(code)) failed_ = true;
    why_[index] = {Why{"", std::move(why)}};
  }

  // ---- helpers ----
  bool enforce_acl() const { return !opt_.server_id.empty(); }
  bool acl_allows(const Node& n, const char* cmd) const {
    if (!enforce_acl()) return true;
    auto acl = tree::Acl::parse(tree_.effective_acl(n));
    return acl && acl->allows(cmd, opt_.server_id);
  }
  ItemOutcome acl_refused(const Node& n, const char* cmd) const {
    return refused(425, fmt::format("the ACL of {} does not grant {} to server {}", n.uri(), cmd, opt_.server_id));
  }

  Target resolve(const std::string& text) const {
    Target t;
    t.text = text;
    uri::CheckOptions co;
    co.limits = limits_;
    for (const auto& p : uri::check(text, co)) {
      if (p.severity != uri::Severity::error) continue;
      t.error = p.status.value_or(400);
      t.why = "the URI: " + std::string(uri::describe(p.kind));
      if (t.error == 414) break;  // limits win: the node cannot even be addressed
    }
    t.parsed = uri::canonical(uri::parse(text));
    if (!t.error && t.parsed.segments.size() > kHardMaxDepth) {
      t.error = 414;
      t.why = fmt::format("the URI is deeper than {} segments", kHardMaxDepth);
    }
    return t;
  }

  // The verdict, and for a failing one its reason in `why`.
  judgement::Verdict judge(std::string_view command, const Target& t, const MetaScope* meta,
                           const std::optional<message::Data>& data, std::string& why) const {
    std::optional<std::string> format = meta ? meta->get(&Meta::format) : std::nullopt;
    std::optional<std::string> type = meta ? meta->get(&Meta::type) : std::nullopt;
    judgement::Request r{command, t.segs()};
    r.property = t.parsed.query == uri::QueryKind::prop;
    r.other_query = t.parsed.query != uri::QueryKind::none && !r.property;
    r.format = format ? &*format : nullptr;
    r.data = data ? &data->text : nullptr;
    r.tnds = type && *type == kTndsXml;
    judgement::Verdict v = judgement::judge(tree_.schema().get(), TreeState(tree_), r);
    if (v.status != 200) why = judgement::explain(v, r);
    return v;
  }

  // The value as stored: b64 goes in decoded, as bin. 0 or a status.
  static int store_value(const std::string& data, std::string& format, std::string& stored, std::string& why) {
    if (format == "b64") {
      auto decoded = base64::decode(data);
      if (!decoded) {
        why = "the Data is not valid Base64 (Format b64)";
        return 415;
      }
      stored = std::move(*decoded);
      format = "bin";
    } else {
      stored = data;
    }
    return 0;
  }

  // The nearest node of the state on the way to `segs` (the root at worst).
  Node* nearest(const std::vector<std::string>& segs) const {
    Node* n = &tree_.root();
    for (const auto& s : segs) {
      Node* c = n->child(s);
      if (!c) break;
      n = c;
    }
    return n;
  }

  static std::string encoded_children(const Node& n) {
    std::string out;
    for (const auto& [name, _] : n.children) {
      if (!out.empty()) out += '/';
      out += uri::encode_segment(name);
    }
    return out;
  }

  static void add_meta(Item& it, const std::string& format, const std::string& type) {
    Meta m;
    if (format != "chr") m.format = format;
    if (!type.empty() && type != "text/plain") m.type = type;
    if (!m.empty()) it.meta = m;
  }

  // Value of a leaf as it travels in XML: bin goes as b64.
  static std::pair<std::string, std::string> wire_value(const Node& n) {
    if (n.format == "bin") return {base64::encode(n.value), "b64"};
    return {n.value, n.format};
  }

  // ---- commands ----
  void command(const Command& c, Context ctx, const Meta* container_meta) {
    if (c.kind == Kind::status || (c.kind == Kind::results && ctx == Context::body)) return;  // not answered
    if (refused_) {
      not_executed(c);
      return;
    }
    if (!c.cmd_id || c.cmd_id->empty()) {
      push_status(c, 400, "the command has no CmdID");
      if (c.is_container())
        for (const auto& ch : c.children) not_executed(ch);
      return;
    }
    if (c.kind == Kind::unknown || c.kind == Kind::results || has_unknown(c)) {
      push_status(c, 400,
                  c.kind == Kind::unknown   ? "not a SyncML command"
                  : c.kind == Kind::results ? "Results inside a container: a server sends none"
                                            : "an element SyncML does not define in the command");
      return;
    }
    switch (c.kind) {
      case Kind::atomic: atomic(c, ctx); return;
      case Kind::sequence: sequence(c, ctx); return;
      case Kind::alert: {
        int code = alert_code(c);
        push_status(c, code, code == 412 ? "an Alert without Data" : "Alert " + c.data.value_or("") + ": not one a device takes from a server");
        return;
      }
      default: break;
    }
    if (ctx == Context::atomic && c.kind == Kind::get) {
      push_status(c, 500, "Get inside Atomic: Windows refuses it");
      return;
    }
    items(c, container_meta);
  }

  void not_executed(const Command& c) {
    if (c.kind == Kind::status || c.kind == Kind::results) return;
    push_status(c, 215);
    for (const auto& ch : c.children) not_executed(ch);
  }

  static bool has_unknown(const Command& c) {
    auto ignorable = [](const xml::Node* n) {
      std::string_view name = xml::local_name(n);
      return std::find(std::begin(kIgnoredElements), std::end(kIgnoredElements), name) != std::end(kIgnoredElements);
    };
    for (const auto* n : c.unknown)
      if (!ignorable(n)) return true;
    for (const auto& it : c.items)
      if (!it.unknown.empty()) return true;
    return false;
  }

  static int alert_code(const Command& c) {
    if (!c.data) return 412;
    const std::string& d = *c.data;
    if (d == "1100" || d == "1101" || d == "1222" || d == "1223") return 200;
    return 406;  // no user interface here, and client-side alerts make no sense from a server
  }

  void atomic(const Command& c, Context ctx) {
    std::size_t own = push_status(c, 200);
    if (ctx == Context::atomic) {  // nested Atomic: inner 500, outer 507 (through the failure)
      set_code(own, 500, "Atomic inside Atomic");
      for (const auto& ch : c.children) not_executed(ch);
      return;
    }
    tree::Tree snapshot = tree_.clone();
    bool was_changed = changed_;
    std::size_t execs_before = execs_.size();
    std::size_t first_child = out_.size();
    std::set<std::string> added;  // Windows refuses Add then Replace of one node in an Atomic
    for (const auto& ch : c.children) {
      if (ch.kind == Kind::sequence) {
        push_status(ch, 500, "Sequence inside Atomic");
        for (const auto& g : ch.children) not_executed(g);
        continue;
      }
      if (ch.kind == Kind::replace && ch.cmd_id && replaces_added(ch, added)) {
        push_status(ch, 500, "Replace of a node an Add of the same Atomic created: Windows refuses the pair");
        continue;
      }
      if (ch.kind == Kind::add)
        for (const auto& it : ch.items)
          if (const std::string* t = target_text(it)) added.insert(uri::canonical_key(*t));
      command(ch, Context::atomic, c.meta ? &*c.meta : nullptr);
    }
    bool failed = false;
    for (std::size_t i = first_child; i < out_.size(); ++i)
      if (out_[i].kind == Kind::status && !ok_code(std::stoi(out_[i].data.value_or("500")))) failed = true;
    if (!failed) return;
    tree_ = std::move(snapshot);
    limits_ = tree_.limits();
    changed_ = was_changed;
    execs_.resize(execs_before);
    for (std::size_t i = first_child; i < out_.size(); ++i)
      if (out_[i].kind == Kind::status && out_[i].data == "200") out_[i].data = "216";
    set_code(own, 507, "a command inside the Atomic failed: all of them were rolled back");
  }

  static bool replaces_added(const Command& c, const std::set<std::string>& added) {
    for (const auto& it : c.items)
      if (const std::string* t = target_text(it); t && added.count(uri::canonical_key(*t))) return true;
    return false;
  }

  void sequence(const Command& c, Context ctx) {
    std::size_t own = push_status(c, 200);
    if (ctx == Context::sequence) {
      set_code(own, 400, "Sequence inside Sequence");
      for (const auto& ch : c.children) not_executed(ch);
      return;
    }
    if (ctx == Context::atomic) {
      set_code(own, 500, "Sequence inside Atomic");
      for (const auto& ch : c.children) not_executed(ch);
      return;
    }
    for (const auto& ch : c.children) command(ch, Context::sequence, c.meta ? &*c.meta : nullptr);
  }

  void items(const Command& c, const Meta* container_meta) {
    if (c.items.empty() || (c.kind == Kind::exec && c.items.size() != 1)) {
      push_status(c, c.items.empty() ? 412 : 400, c.items.empty() ? "a command without Item" : "Exec takes one Item");
      return;
    }
    std::vector<ItemOutcome> outcomes;
    outcomes.reserve(c.items.size());
    for (const Item& it : c.items) {
      MetaScope ms{it.meta ? &*it.meta : nullptr, c.meta ? &*c.meta : nullptr, container_meta};
      ItemOutcome o;
      switch (c.kind) {
        case Kind::add: o = add(it, ms); break;
        case Kind::replace: o = replace(it, ms); break;
        case Kind::delete_: o = del(it); break;
        case Kind::get: o = get(it); break;
        case Kind::exec: o = exec(c, it); break;
        case Kind::copy: o = copy(it, ms); break;
        default: o = refused(400, "not a command a device executes"); break;
      }
      outcomes.push_back(std::move(o));
    }
    bool same = std::all_of(outcomes.begin(), outcomes.end(), [&](const ItemOutcome& o) { return o.code == outcomes[0].code; });
    bool per_item = c.items.size() > 1 && (c.kind == Kind::get || !same);
    auto note_why = [&](std::size_t i, std::size_t k) {
      if (ok_code(outcomes[k].code)) return;
      const Item& it = c.items[k];
      why_[i].push_back({it.target && it.target->loc_uri ? *it.target->loc_uri : std::string(), outcomes[k].why});
    };
    if (!per_item) {
      std::size_t i = push_status(c, outcomes[0].code);
      for (std::size_t k = 0; k < c.items.size(); ++k) note_why(i, k);
      if (outcomes[0].status_item) out_[i].items.push_back(*outcomes[0].status_item);
    } else {
      for (std::size_t k = 0; k < c.items.size(); ++k) {
        std::size_t i = push_status(c, outcomes[k].code);
        note_why(i, k);
        const Item& it = c.items[k];
        if (it.target && it.target->loc_uri) out_[i].target_refs.push_back(*it.target->loc_uri);
        if (it.source && it.source->loc_uri) out_[i].source_refs.push_back(*it.source->loc_uri);
        if (outcomes[k].status_item) out_[i].items.push_back(*outcomes[k].status_item);
      }
    }
    if (c.kind == Kind::get) {
      Command res;
      res.kind = Kind::results;
      res.msg_ref = msg_ref_;
      res.cmd_ref = c.cmd_id;
      for (auto& o : outcomes) {
        if (!ok_code(o.code)) continue;
        if (o.result) res.items.push_back(std::move(*o.result));
        for (auto& r : o.results_list) res.items.push_back(std::move(r));
      }
      if (!res.items.empty()) out_.push_back(std::move(res));
    }
  }

  static const std::string* target_text(const Item& it) {
    return it.target && it.target->loc_uri ? &*it.target->loc_uri : nullptr;
  }

  // Creates a node (and missing interior parents). Returns a status.
  int create(const Target& t, const MetaScope& meta, const std::optional<message::Data>& data, ItemOutcome& o) {
    const auto& segs = t.segs();
    if (segs.empty()) {
      o.why = "the root exists";
      return 418;
    }
    judgement::Verdict v = judge("Add", t, &meta, data, o.why);
    if (v.status != 200) {
      if (v.reason == judgement::Reason::interior || v.reason == judgement::Reason::bad_name)
        if (v.depth < segs.size()) o.status_item = status_item_for(segs, v.depth);
      return v.status;
    }
    // Nearest existing ancestor: it must be interior.
    Node* anchor = nearest(segs);
    if (!anchor->is_interior()) {
      Item fail;
      fail.target = message::Address{};
      fail.target->loc_uri = anchor->uri();
      o.status_item = fail;
      o.why = anchor->uri() + " is a leaf: it has no child nodes";
      return 405;
    }
    if (!acl_allows(*anchor, "Add")) {
      o.why = acl_refused(*anchor, "Add").why;
      return 425;
    }
    std::optional<std::string> type = meta.get(&Meta::type);
    if (type && *type == kTndsXml) return add_tnds(segs, data, o.why);
    std::string format = v.format, stored;
    if (format == "null") format = "chr";
    if (int code = store_value(data ? data->text : std::string(), format, stored, o.why)) return code;
    bool server_may_replace_parent = acl_allows(*anchor, "Replace");
    Node* n = tree_.ensure(segs, format);
    if (!n) {
      o.why = "a node on the way is a leaf";
      return 405;
    }
    n->format = format;
    if (!n->is_interior()) n->value = stored;
    const ddf::SchemaNode* sch = v.node;
    n->type = type ? *type : (sch ? sch->type() : (n->is_interior() ? "" : "text/plain"));
    n->touch(opt_.now);
    for (Node* p = n->parent; p && p != anchor; p = p->parent) p->touch(opt_.now);
    if (enforce_acl() && n->is_interior() && !server_may_replace_parent) {
      const std::string& s = opt_.server_id;
      n->acl = "Add=" + s + "&Delete=" + s + "&Replace=" + s;
    }
    changed_ = true;
    return 200;
  }

  int add_tnds(const std::vector<std::string>& segs, const std::optional<message::Data>& data, std::string& why) {
    std::unique_ptr<Node> holder;
    try {
      holder = tnds::read_payload(data ? data->text : std::string(), "payload");
    } catch (const Error& e) {
      why = "the TNDS document: " + e.message();
      return 415;
    }
    // The payload's top-level nodes go under the target, which is created as an interior node.
    Node* target = tree_.ensure(segs, "node");
    if (!target || !target->is_interior()) {
      why = "the target of a TNDS document must be an interior node";
      return 405;
    }
    for (const auto& [name, _] : holder->children)
      if (target->child(name)) {
        why = fmt::format("{}/{} exists already", target->uri(), uri::encode_segment(name));
        return 418;
      }
    for (auto& [name, child] : holder->children) {
      child->parent = target;
      target->children.emplace(name, std::move(child));
    }
    changed_ = true;
    return 200;
  }

  ItemOutcome add(const Item& it, const MetaScope& meta) {
    ItemOutcome o;
    const std::string* text = target_text(it);
    if (!text) return refused(400, kNoTarget);
    Target t = resolve(*text);
    if (t.parsed.query == uri::QueryKind::prop) return refused(405, "Add of a property: properties come with their node");
    if (t.error) return refused(t.error, t.why);
    if (t.parsed.query != uri::QueryKind::none) return refused(400, "Add takes no query (?list=)");
    o.code = create(t, meta, it.data, o);
    return o;
  }

  ItemOutcome replace(const Item& it, const MetaScope& meta) {
    const std::string* text = target_text(it);
    if (!text) return refused(400, kNoTarget);
    Target t = resolve(*text);
    if (t.error) return refused(t.error, t.why);
    ItemOutcome o;
    judgement::Verdict v = judge("Replace", t, &meta, it.data, o.why);
    if (v.status != 200) return refused(v.status, o.why);
    Node* n = tree_.find_segments(t.segs());
    std::string data = it.data ? it.data->text : std::string();
    if (t.parsed.query == uri::QueryKind::prop) {
      o.code = n ? replace_property(*n, v.node, t.parsed.query_value, data, o.why) : 404;
      if (!n) o.why = "no such node";
      return o;
    }
    if (t.parsed.query != uri::QueryKind::none) return refused(405, "Replace takes no ?list= query");
    if (!acl_allows(n ? *n : *nearest(t.segs()), "Replace")) return acl_refused(n ? *n : *nearest(t.segs()), "Replace");
    std::optional<std::string> type = meta.get(&Meta::type);
    if (type && *type == kTndsXml) {
      if (!n) n = tree_.ensure(t.segs(), "node");
      o.code = n ? replace_tnds(*n, it.data, o.why) : 405;
      if (!n) o.why = "a node on the way is a leaf";
      return o;
    }
    if (n && n->is_interior()) return refused(405, "Replace of a value on the interior node " + n->uri());
    std::optional<std::string> given = meta.get(&Meta::format);
    std::string format = v.format, stored;
    if (format == "null") format = "chr";
    if (!given && !v.node && n) format = n->format;  // keep the node's format when none is given
    if (int code = store_value(data, format, stored, o.why)) return refused(code, o.why);
    if (format == "node") return refused(405, "Replace with Format node: only a leaf's value can be replaced");
    if (!n) {
      // The DDF says the node exists (a policy, a field of an added rule): the state learns it.
      n = tree_.ensure(t.segs(), format);
      if (!n || n->is_interior()) return refused(405, "a node on the way is a leaf, or the node is interior");
      if (v.node) n->type = v.node->type();
    }
    n->value = stored;
    n->format = format;
    if (type) n->type = *type;
    n->touch(opt_.now);
    changed_ = true;
    return {200};
  }

  int replace_tnds(Node& n, const std::optional<message::Data>& data, std::string& why) {
    if (!n.is_interior()) {
      why = n.uri() + " is a leaf: a TNDS document replaces an interior node";
      return 405;
    }
    std::unique_ptr<Node> holder;
    try {
      holder = tnds::read_payload(data ? data->text : std::string(), "payload");
    } catch (const Error& e) {
      why = "the TNDS document: " + e.message();
      return 415;
    }
    // Result equals deleting the sub-nodes, then adding every node of the document.
    n.children.clear();
    for (auto& [name, child] : holder->children) {
      child->parent = &n;
      n.children.emplace(name, std::move(child));
    }
    n.touch(opt_.now);
    changed_ = true;
    return 200;
  }

  int replace_property(Node& n, const ddf::SchemaNode* sch, const std::string& prop, const std::string& value,
                       std::string& why) {
    auto fail = [&](int code, std::string reason) {
      why = std::move(reason);
      return code;
    };
    if (!uri::is_property_name(prop)) return fail(406, "no property " + prop);
    if (prop == "ACL") {
      // Interior: Replace on the node or its parent; leaf: Replace on the parent only.
      bool may = !enforce_acl() || (n.parent && acl_allows(*n.parent, "Replace")) ||
                 (n.is_interior() && acl_allows(n, "Replace"));
      if (!may) return fail(425, "the ACL does not grant Replace of this ACL to server " + opt_.server_id);
      if (!tree::Acl::parse(value)) return fail(400, "not an ACL ('Get=*&Replace=server')");
      if (!n.parent && value.find("Add=*") == std::string::npos) return fail(405, "the root's ACL keeps Add=*");
      n.acl = value;
      n.touch(opt_.now);
      changed_ = true;
      return 200;
    }
    if (prop == "Name") {
      if (!n.parent || (sch && sch->is_permanent())) return fail(405, "a permanent node keeps its name");
      if (!acl_allows(n, "Replace")) return fail(425, acl_refused(n, "Replace").why);
      if (value.empty() || value == "." || value == ".." || value.find('/') != std::string::npos)
        return fail(400, "not a node name");
      if (n.parent->child(value)) return value == n.name ? 200 : fail(418, "a sibling has that name already");
      Node* parent = n.parent;
      auto holder = std::move(parent->children[n.name]);
      parent->children.erase(n.name);
      holder->name = value;
      holder->touch(opt_.now);
      parent->children.emplace(value, std::move(holder));
      changed_ = true;
      return 200;
    }
    if (prop == "Title") {
      if (!acl_allows(n, "Replace")) return fail(425, acl_refused(n, "Replace").why);
      if (value.size() > 255) return fail(413, "a Title holds at most 255 bytes");
      n.title = value;
      n.touch(opt_.now);
      changed_ = true;
      return 200;
    }
    return fail(405, prop + " is read-only");  // Format, Size, TStamp, Type, VerNo
  }

  ItemOutcome del(const Item& it) {
    const std::string* text = target_text(it);
    if (!text) return refused(400, kNoTarget);
    Target t = resolve(*text);
    if (t.error) return refused(t.error, t.why);
    if (t.parsed.query != uri::QueryKind::none) return refused(405, "Delete takes no query");
    if (t.segs().empty()) return refused(405, "the root cannot be deleted");
    std::string why;
    judgement::Verdict v = judge("Delete", t, nullptr, std::nullopt, why);
    if (v.status != 200) return refused(v.status, why);
    Node* n = tree_.find_segments(t.segs());
    if (!acl_allows(n ? *n : *nearest(t.segs()), "Delete")) return acl_refused(n ? *n : *nearest(t.segs()), "Delete");
    if (!n) return {200};  // exists by the DDF only: already at its default
    if (v.node && v.node->is_permanent()) {
      // A permanent node stays; Delete resets it (its value, its children).
      if (n->is_interior()) n->children.clear();
      else n->value = v.node->default_value.value_or(std::string());
      n->touch(opt_.now);
    } else {
      n->parent->children.erase(n->name);
    }
    changed_ = true;
    return {200};
  }

  ItemOutcome get(const Item& it) {
    ItemOutcome o;
    const std::string* text = target_text(it);
    if (!text) return refused(400, kNoTarget);
    Target t = resolve(*text);
    if (t.error) return refused(t.error, t.why);
    if (!t.segs().empty() && t.segs()[0] == "Inbox") return refused(405, "./Inbox takes Add only");
    judgement::Verdict v = judge("Get", t, nullptr, std::nullopt, o.why);
    // A local reader still sees that a Get-less leaf is there (masked, or revealed on request).
    bool local_read = v.status == 405 && v.reason == judgement::Reason::access && opt_.secrets != Secrets::withhold &&
                      t.parsed.query == uri::QueryKind::none;
    if (v.status != 200 && !local_read) return refused(v.status, o.why);
    o.why.clear();
    Node* n = tree_.find_segments(t.segs());
    if (!acl_allows(n ? *n : *nearest(t.segs()), "Get")) return acl_refused(n ? *n : *nearest(t.segs()), "Get");
    Item r;
    r.source = message::Address{};
    r.source->loc_uri = *text;
    if (!n) {
      // Exists by the DDF only: an interior node with no children yet, or a leaf's unset value.
      const ddf::SchemaNode* sch = v.node;
      if (!sch || sch->is_interior()) {
        r.data = message::Data{std::string()};
        add_meta(r, "node", sch ? sch->type() : std::string());
      } else {
        std::string unset = judgement::unset_value(*sch).value_or(std::string());
        r.data = message::Data{local_read && opt_.secrets == Secrets::mask ? std::string(tree::kHiddenValue) : unset};
        add_meta(r, sch->format == "null" ? "chr" : sch->format, sch->type());
      }
      o.result = std::move(r);
      return o;
    }
    if (t.parsed.query == uri::QueryKind::prop) {
      std::optional<std::string> v = property(*n, t.parsed.query_value);
      if (!v) return refused(406, "no property " + t.parsed.query_value + (n->is_interior() ? " on an interior node" : ""));
      r.data = message::Data{*v};
      o.result = std::move(r);
      return o;
    }
    if (t.parsed.query == uri::QueryKind::list) {
      auto req = uri::parse_list(t.parsed.query_value);
      if (!req) return refused(406, "?list=" + t.parsed.query_value + ": not a list a device answers");
      std::string base(std::string_view(*text).substr(0, text->find('?')));
      if (req->kind == uri::ListRequest::Kind::tnds) {
        tnds::Selection sel;
        if (!req->properties.empty()) {
          std::set<std::string> chosen(req->properties.begin(), req->properties.end());
          if (req->exclude)
            for (const auto& p : chosen) sel.properties.erase(p);
          else
            sel.properties = chosen;
        }
        sel.visible = [this](const Node& x) { return acl_allows(x, "Get"); };
        sel.value_visible = [this](const Node& x) { return readable(x); };
        if (opt_.secrets == Secrets::mask) sel.hidden_value = tree::kHiddenValue;
        Item ti;
        ti.source = message::Address{};
        ti.source->loc_uri = base;
        Meta m;
        m.format = "xml";
        m.type = std::string(kTndsXml);
        ti.meta = m;
        ti.data = message::Data{tnds::write_subtree(*n, sel)};
        o.result = std::move(ti);
        return o;
      }
      bool with_data = req->kind == uri::ListRequest::Kind::structure_data;
      list(*n, base, with_data, o.results_list, 0);
      return o;
    }
    if (n->is_interior()) {
      r.data = message::Data{encoded_children(*n)};
      add_meta(r, "node", n->type);
    } else {
      auto [v, f] = wire_value(*n);
      if (!readable(*n)) {
        if (opt_.secrets != Secrets::mask)
          return refused(tree_.read_status(*n, opt_.server_id), "the value of a node without Get (or whose ACL refuses Get) is not handed out");
        v = tree::kHiddenValue;
      }
      r.data = message::Data{v};
      add_meta(r, f, n->type);
    }
    o.result = std::move(r);
    return o;
  }

  // The one access check for values handed out (Tree::read_status), unless the local reader
  // asked to see everything.
  bool readable(const Node& n) const {
    return opt_.secrets == Secrets::reveal || tree_.read_status(n, opt_.server_id) == 200;
  }

  void list(const Node& n, const std::string& uri_text, bool with_data, std::vector<Item>& out, std::size_t depth) {
    if (!acl_allows(n, "Get")) return;
    Item it;
    it.source = message::Address{};
    it.source->loc_uri = uri_text;
    if (n.is_interior()) {
      add_meta(it, "node", n.type);
    } else {
      auto [v, f] = wire_value(n);
      add_meta(it, f, n.type);
      if (with_data && readable(n)) it.data = message::Data{v};
      else if (with_data && opt_.secrets == Secrets::mask) it.data = message::Data{std::string(tree::kHiddenValue)};
    }
    out.push_back(std::move(it));
    if (depth > kHardMaxDepth) return;
    for (const auto& [name, c] : n.children) list(*c, uri_text + "/" + uri::encode_segment(name), with_data, out, depth + 1);
  }

  static std::optional<std::string> property(const Node& n, const std::string& p) {
    if (p == "ACL") return n.acl;  // the node's own value: empty when it inherits
    if (p == "Format") return n.format;
    if (p == "Name") return n.name;
    if (p == "Size") {
      if (n.is_interior()) return std::nullopt;
      return std::to_string(n.value.size());
    }
    if (p == "Title") return n.title;
    if (p == "TStamp") return n.tstamp;
    if (p == "Type") return n.type;
    if (p == "VerNo") return std::to_string(n.verno);
    return std::nullopt;
  }

  ItemOutcome exec(const Command& c, const Item& it) {
    const std::string* text = target_text(it);
    if (!text) return refused(400, kNoTarget);
    Target t = resolve(*text);
    if (t.error) return refused(t.error, t.why);
    if (t.parsed.query != uri::QueryKind::none) return refused(405, "Exec takes no query");
    std::string why;
    judgement::Verdict v = judge("Exec", t, nullptr, std::nullopt, why);
    if (v.status != 200) return refused(v.status, why);
    Node* n = tree_.find_segments(t.segs());
    if (!acl_allows(n ? *n : *nearest(t.segs()), "Exec")) return acl_refused(n ? *n : *nearest(t.segs()), "Exec");
    std::string where = n ? n->uri() : uri::node_string(uri::Uri{true, t.segs(), {}, {}, uri::QueryKind::none, {}});
    execs_.push_back(ExecRecord{where, it.data ? it.data->text : std::string(), c.correlator, *c.cmd_id});
    return {200};
  }

  ItemOutcome copy(const Item& it, const MetaScope& meta) {
    const std::string* text = target_text(it);
    if (!text || !it.source || !it.source->loc_uri) return refused(400, "Copy needs a Target and a Source LocURI");
    Target src = resolve(*it.source->loc_uri);
    if (src.error) return refused(src.error, "the Source: " + src.why);
    Node* from = tree_.find_segments(src.segs());
    if (!from) return refused(404, "the Source " + *it.source->loc_uri + " does not exist");
    if (from->is_interior()) return refused(405, "the Source is an interior node: Copy takes a leaf");
    if (int read = tree_.read_status(*from, opt_.server_id); read != 200) return refused(read, "the Source's value may not be read");
    Target t = resolve(*text);
    if (t.error) return refused(t.error, t.why);
    if (t.parsed.query != uri::QueryKind::none) return refused(405, "Copy takes no query");
    Node* to = tree_.find_segments(t.segs());
    auto [v, f] = wire_value(*from);
    message::Data d{v};
    Meta m;
    m.format = f;
    m.type = from->type;
    MetaScope ms{&m, nullptr, nullptr};
    if (!to) {
      ItemOutcome o;
      o.code = create(t, ms, d, o);
      return o;
    }
    if (to->is_interior()) return refused(405, "Copy onto the interior node " + to->uri());
    std::string why;
    judgement::Verdict verdict = judge("Replace", t, &ms, d, why);
    if (verdict.status != 200) return refused(verdict.status, why);
    if (!acl_allows(*to, "Replace")) return acl_refused(*to, "Replace");
    std::string format = verdict.format, stored;
    if (int code = store_value(v, format, stored, why)) return refused(code, why);
    to->value = stored;
    to->format = format;
    to->type = from->type;
    to->touch(opt_.now);
    changed_ = true;
    (void)meta;
    return {200};
  }
};

}  // namespace

Response apply(tree::Tree& tree, const message::Message& request, const Options& options) {
  Engine e(tree, request, options);
  return e.run();
}

GetResult get(const tree::Tree& tree, const std::string& uri, const Options& options) {
  static const message::Message kNoRequest;
  // The engine changes its tree only for commands that write; a Get reads it alone.
  Engine e(const_cast<tree::Tree&>(tree), kNoRequest, options);
  ItemOutcome o = e.get_one(uri);
  GetResult r;
  r.status = o.code;
  if (!ok_code(o.code)) return r;  // apply leaves failed items out of Results too
  if (o.result) r.items.push_back(std::move(*o.result));
  for (auto& item : o.results_list) r.items.push_back(std::move(item));
  return r;
}

}  // namespace syncmldm::device
