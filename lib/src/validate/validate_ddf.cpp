// Schema rules (--ddf): the status a Windows device answers for each Item, from the judgement the
// device model uses too (judgement.hpp); an error status is an error finding. The state the
// message meets is unknown, except for what its own earlier commands did (an Add, a Delete):
// the rest is assumed to be what makes each command work. URIs under trees no loaded DDF
// describes are left alone.

#include <fmt/format.h>

#include <set>
#include <unordered_map>

#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/device/judgement.hpp"
#include "syncmldm/tree/uri.hpp"
#include "validate/validate_context.hpp"

namespace syncmldm::validate::detail::ddf_rules {

// Nodes the message created, saw or deleted, by canonical path; areas already noted.
struct MessageState final : judgement::State {
  enum class Mark : unsigned char { created, present, absent };
  std::unordered_map<std::string, Mark> marks;
  std::set<std::string> noted_areas;
  mutable const std::vector<std::string>* path_ = nullptr;
  mutable std::vector<judgement::Presence> cache_;

  static std::string key(const std::vector<std::string>& segs, std::size_t depth) {
    std::string k;
    for (std::size_t i = 0; i < depth; ++i) {
      k += '/';
      k += segs[i];
    }
    return k;
  }
  // One pass per path (the judgement asks for every depth in turn; LocURIs may be deep).
  judgement::Presence at(const std::vector<std::string>& segs, std::size_t depth) const override {
    if (&segs != path_ || cache_.size() != segs.size() + 1) {
      path_ = &segs;
      cache_.assign(1, judgement::Presence::unknown);
      judgement::Presence p = judgement::Presence::unknown;
      bool fresh = false;
      std::string k;
      for (const auto& seg : segs) {
        k += '/';
        k += seg;
        if (auto it = marks.find(k); it != marks.end()) {
          p = it->second == Mark::absent ? judgement::Presence::absent : judgement::Presence::present;
          fresh = it->second == Mark::created;
        } else {
          // Below a deleted node, or a node this message created, only what was added since is there.
          p = p == judgement::Presence::absent || fresh ? judgement::Presence::absent : judgement::Presence::unknown;
        }
        cache_.push_back(p);
      }
    }
    return cache_[depth];
  }
  void forget() { path_ = nullptr; }
  void added(const std::vector<std::string>& segs, bool created) {
    forget();
    for (std::size_t d = 1; d < segs.size(); ++d) marks.try_emplace(key(segs, d), Mark::present);
    marks[key(segs, segs.size())] = created ? Mark::created : Mark::present;
  }
  void deleted(const std::vector<std::string>& segs) {
    forget();
    std::string k = key(segs, segs.size());
    // Later marks below it are void: erase them.
    for (auto it = marks.begin(); it != marks.end();)
      if (it->first.size() > k.size() && it->first.compare(0, k.size(), k) == 0 && it->first[k.size()] == '/')
        it = marks.erase(it);
      else
        ++it;
    marks[k] = Mark::absent;
  }
};

namespace {

std::string_view command_name(Kind k) {
  switch (k) {
    case Kind::add: return "Add";
    case Kind::delete_: return "Delete";
    case Kind::exec: return "Exec";
    case Kind::get: return "Get";
    case Kind::replace: return "Replace";
    default: return {};
  }
}

// A suggested URI in the spelling the author used: keep an explicit ./Device prefix.
std::string as_written(std::string_view text, const std::string& canonical) {
  if (text.starts_with("./Device/") && canonical.starts_with("./") && !canonical.starts_with("./User/"))
    return "./Device/" + canonical.substr(2);
  return canonical;
}

std::string prefix_uri(const std::vector<std::string>& segs, std::size_t depth) {
  uri::Uri u;
  u.dot_prefix = true;
  u.segments.assign(segs.begin(), segs.begin() + static_cast<std::ptrdiff_t>(std::min(depth, segs.size())));
  return uri::node_string(u);
}

}  // namespace

bool check(Context& ctx, const Frame& f, const Node* item, std::string_view text, const MetaView& effective) {
  const ddf::Schema& schema = *ctx.options.schema;
  std::string_view cmd = command_name(f.kind);
  if (cmd.empty() || text.empty()) return false;
  if (!ctx.ddf_state) ctx.ddf_state = std::make_shared<MessageState>();
  MessageState& state = *ctx.ddf_state;
  const Node* target = xml::child(item, "Target");
  const Node* at = target ? xml::child(target, "LocURI") : item;
  uri::Uri parsed = uri::canonical(uri::parse(trim(text)));

  std::optional<std::string> format, type, data;
  Text t;
  if (effective.format) {
    read_text(effective.format, t);
    format = std::string(trim(t.value));
  }
  if (effective.type) {
    read_text(effective.type, t);
    type = std::string(trim(t.value));
  }
  const Node* data_node = xml::child(item, "Data");
  if (data_node && (f.kind == Kind::add || f.kind == Kind::replace)) {
    read_text(data_node, t);
    data = std::string(t.value);
  }
  judgement::Request r{cmd, parsed.segments};
  r.property = parsed.query == uri::QueryKind::prop;
  r.other_query = parsed.query != uri::QueryKind::none && !r.property;
  r.format = format ? &*format : nullptr;
  r.data = data ? &*data : nullptr;
  r.tnds = type && *type == "application/vnd.syncml.dmtnds+xml";
  state.forget();  // `parsed` is new: a cache keyed on its address would be stale
  judgement::Verdict v = judgement::judge(&schema, state, r);

  using judgement::Reason;
  std::string where = v.node ? ddf::path_of(*v.node) : std::string();
  switch (v.reason) {
    case Reason::ok:
    case Reason::outside:
      break;
    case Reason::area_not_loaded:
      if (state.noted_areas.insert(v.area).second)
        ctx.report(at, "ddf-area-not-loaded",
                   fmt::format("no loaded DDF defines the Policy area '{}': its policies are not checked", v.area), &f);
      break;
    case Reason::unknown_node: {
      std::string hint;
      if (v.scope_hint == uri::Scope::device) hint = " (the DDF defines it in device scope: ./Device/...)";
      else if (v.scope_hint == uri::Scope::user) hint = " (the DDF defines it in user scope: ./User/...)";
      else if (!v.suggestion.empty()) hint = fmt::format(" (did you mean '{}'?)", as_written(trim(text), v.suggestion));
      ctx.report(at, "ddf-unknown-node", fmt::format("'{}' is not a node of the loaded DDFs{}", trim(text), hint), &f);
      break;
    }
    case Reason::missing:
      ctx.report(at, "ddf-missing",
                 fmt::format("{} of '{}': {} was deleted earlier in this message", cmd, trim(text),
                             prefix_uri(parsed.segments, v.depth)),
                 &f);
      break;
    case Reason::exists:
      ctx.report(at, "ddf-exists", fmt::format("Add of '{}', which an earlier command of this message created", trim(text)),
                 &f);
      break;
    case Reason::access:
      ctx.report(at, "ddf-access",
                 fmt::format("{} is not in the AccessType of {} ({})", cmd, where, v.node->access.to_string()), &f);
      break;
    case Reason::interior:
      ctx.report(at, "ddf-access",
                 v.depth < parsed.segments.size()
                     ? fmt::format("{} is a leaf: it has no child nodes", prefix_uri(parsed.segments, v.depth))
                     : fmt::format("{} of a value on the interior node {}", cmd, where),
                 &f, 405);
      break;
    case Reason::bad_name:
      ctx.report(at, "ddf-name",
                 fmt::format("'{}' breaks the naming rule (a RegEx AllowedValues) of the nodes under {}",
                             parsed.segments[v.depth - 1], prefix_uri(parsed.segments, v.depth - 1)),
                 &f);
      break;
    case Reason::format_name:
      break;  // meta-format reports it
    case Reason::format:
      ctx.report(effective.format ? effective.format : at, "ddf-format",
                 fmt::format("Format {} does not match the DFFormat {} of {}", v.format, v.detail, where), &f);
      break;
    case Reason::data:
      ctx.report(data_node ? data_node : at, "ddf-data",
                 fmt::format("'{}' is not a valid {} value ({})", trim(*data).substr(0, 60), v.detail, where), &f);
      break;
    case Reason::value:
      ctx.report(data_node ? data_node : at, "ddf-value",
                 fmt::format("'{}' is not an allowed value of {}", trim(*data).substr(0, 60), where), &f);
      break;
  }
  bool judged = v.node && !v.node->is_interior() && v.reason != Reason::outside;
  if (v.status < 200 || v.status >= 300) {
    // A refused Add created nothing: what follows meets the node absent.
    if (f.kind == Kind::add && v.reason != Reason::exists && v.reason != Reason::outside) state.deleted(parsed.segments);
    return judged;
  }
  if (f.kind == Kind::add) state.added(parsed.segments, !r.tnds);
  else if (f.kind == Kind::replace && !r.property) state.added(parsed.segments, false);
  else if (f.kind == Kind::delete_ && !(v.node && v.node->is_permanent())) state.deleted(parsed.segments);
  return judged;
}

}  // namespace syncmldm::validate::detail::ddf_rules
