#pragma once
// The two DDF loaders behind ddf::load_text. The streaming one reads the document with
// xml_pull and keeps only one <Node>'s small elements at a time: a 64 MB DDF then costs its own
// bytes plus the schema, not a DOM of millions of nodes. It gives up (returns false) on anything
// it does not read exactly as the DOM loader would, including every error: the DOM loader then
// runs over the same text, and its result or error is the reference. Running it after a
// partial streaming load is safe: loading assigns properties, so repeating them changes nothing.

#include <string>
#include <string_view>

#include "syncmldm/tree/ddf.hpp"

namespace syncmldm::ddf::detail {

bool load_streaming(Schema& schema, std::string_view text, const std::string& source_name);
void load_dom(Schema& schema, std::string_view text, const std::string& source_name);

// Shared by both loaders (ddf.cpp).
SchemaNode& child_of(SchemaNode& parent, const std::string& name);
std::vector<std::string> canonical_segments(std::string_view path);
inline constexpr std::size_t kMaxNodeDepth = 128;

}  // namespace syncmldm::ddf::detail
