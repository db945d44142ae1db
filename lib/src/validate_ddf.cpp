// Schema rules (--ddf): each LocURI resolves to a DDF node, the command is in its AccessType, and
// the Format matches its DFFormat.

#include "validate_context.hpp"

namespace syncmldm::validate::detail::ddf_rules {

void check(Context&, const Frame&, const Node*, std::string_view, const MetaView&) {}

}  // namespace syncmldm::validate::detail::ddf_rules
