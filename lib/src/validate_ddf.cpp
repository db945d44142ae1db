// Schema rules (--ddf): each LocURI under a loaded tree resolves to a DDF node, the command is in
// its AccessType, the Format matches its DFFormat, and the value is one the node allows. URIs
// under trees no loaded DDF describes are left alone.

#include <fmt/format.h>

#include "syncmldm/ddf.hpp"
#include "syncmldm/uri.hpp"
#include "validate_context.hpp"

namespace syncmldm::validate::detail::ddf_rules {
namespace {

enum class Resolution { found, unknown, outside };

// Walks the canonical segments; a segment that matches nothing under a described node is
// unknown, under a node only implied by a Path (./Vendor/MSFT) it is outside the loaded trees.
Resolution resolve(const ddf::Schema& schema, const std::vector<std::string>& segments, const ddf::SchemaNode*& out) {
  const ddf::SchemaNode* node = &schema.root();
  for (const auto& seg : segments) {
    auto it = node->children.find(seg);
    const ddf::SchemaNode* next = it != node->children.end() ? it->second.get() : node->dynamic.get();
    if (!next) {
      out = node;
      return node->described ? Resolution::unknown : Resolution::outside;
    }
    node = next;
  }
  out = node;
  return Resolution::found;
}

std::string_view command_name(Kind k) {
  switch (k) {
    case Kind::Add: return "Add";
    case Kind::Copy: return "Copy";
    case Kind::Delete: return "Delete";
    case Kind::Exec: return "Exec";
    case Kind::Get: return "Get";
    case Kind::Replace: return "Replace";
    default: return {};
  }
}

}  // namespace

void check(Context& ctx, const Frame& f, const Node* item, std::string_view text, const MetaView& effective) {
  const ddf::Schema& schema = *ctx.options.schema;
  std::string_view cmd = command_name(f.kind);
  if (cmd.empty() || text.empty()) return;
  const Node* target = xml::child(item, "Target");
  const Node* at = target ? xml::child(target, "LocURI") : item;
  uri::Uri parsed = uri::canonical(uri::parse(text));
  const ddf::SchemaNode* node = nullptr;
  Resolution r = resolve(schema, parsed.segments, node);
  if (r == Resolution::outside) return;
  if (r == Resolution::unknown) {
    // The same path in the other scope is the likeliest mistake; then the nearest names.
    std::vector<std::string> other = parsed.segments;
    bool user = !other.empty() && other.front() == "User";
    if (user) other.erase(other.begin());
    else other.insert(other.begin(), "User");
    const ddf::SchemaNode* alt = nullptr;
    std::string hint;
    if (resolve(schema, other, alt) == Resolution::found) {
      hint = user ? " (the DDF defines it in device scope: ./Device/...)" : " (the DDF defines it in user scope: ./User/...)";
    } else if (auto s = ddf::suggest(schema, text); s && !s->uris.empty()) {
      // Suggest in the spelling the author used: keep an explicit ./Device prefix.
      std::string best = s->uris.front();
      if (text.starts_with("./Device/") && best.starts_with("./") && !best.starts_with("./User/")) {
        best = "./Device/" + best.substr(2);
      }
      hint = fmt::format(" (did you mean '{}'?)", best);
    }
    ctx.report(at, "ddf-unknown-node", fmt::format("'{}' is not a node of the loaded DDFs{}", text, hint), &f);
    return;
  }
  if (parsed.query == uri::QueryKind::prop) return;  // properties follow their own rules
  if (!node->described) return;
  if (!node->access.allows(cmd)) {
    ctx.report(at, "ddf-access",
               fmt::format("{} is not in the AccessType of {} ({})", cmd, ddf::path_of(*node), node->access.to_string()),
               &f);
  }
  if (f.kind != Kind::Add && f.kind != Kind::Replace) return;
  std::string_view format = "chr";
  Text ft;
  if (effective.format) {
    read_text(effective.format, ft);
    format = trim(ft.value);
  }
  const Node* data = xml::child(item, "Data");
  const std::string& want = node->format;
  bool interior = want == "node";
  bool matches = format == want || (want == "bin" && format == "b64") || (interior && !effective.format && !data);
  if (!want.empty() && !matches) {
    ctx.report(effective.format ? effective.format : at, "ddf-format",
               fmt::format("Format {} does not match the DFFormat {} of {}", format, want, ddf::path_of(*node)), &f);
    return;
  }
  if (data && !interior) {
    Text dt;
    read_text(data, dt);
    if (ddf::check_value(*node, trim(dt.value)) == ddf::ValueCheck::not_allowed) {
      ctx.report(data, "ddf-value", fmt::format("'{}' is not an allowed value of {}", trim(dt.value).substr(0, 60), ddf::path_of(*node)),
                 &f);
    }
  }
}

}  // namespace syncmldm::validate::detail::ddf_rules
