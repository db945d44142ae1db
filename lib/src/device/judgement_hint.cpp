// Naming the node a reader meant: the judgement's unknown-node verdict put in words for people.

#include "syncmldm/device/judgement.hpp"
#include "syncmldm/tree/ddf.hpp"
#include "syncmldm/tree/uri.hpp"

namespace syncmldm::judgement {

namespace {
std::vector<std::string> canonical_segments(std::string_view uri) { return uri::canonical(uri::parse(uri)).segments; }
}  // namespace

NotFoundHint not_found_hint(const ddf::Schema& schema, std::string_view uri) {
  NotFoundHint h;
  auto u = unknown_node(schema, canonical_segments(uri));
  if (u && u->scope_hint) h.scope_hint = u->scope_hint;
  else if (u && !u->suggestion.empty()) h.suggestions.push_back(u->suggestion);
  else if (auto s = ddf::suggest(schema, uri)) h.suggestions = std::move(s->uris);
  return h;
}

const ddf::SchemaNode* known_node(const ddf::Schema& schema, std::string_view uri) {
  const ddf::SchemaNode* n = schema.lookup(uri);
  if (!n || unknown_node(schema, canonical_segments(uri))) return nullptr;
  return n;
}

}  // namespace syncmldm::judgement
