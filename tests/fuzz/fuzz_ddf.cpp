// Fuzz target: the DDF loaders (OMA DDF 1.2 and Microsoft's extensions), lookups and suggestions.
// Where the streaming loader takes a document, the DOM loader must read the same schema from it.
#include <cstdint>
#include <string_view>

#include "tree/ddf_stream.hpp"
#include "../support/ddf_flat.hpp"
#include "syncmldm/tree/ddf.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace ddf = syncmldm::ddf;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ddf::Schema schema;
  bool streamed = ddf::detail::load_streaming(schema, text, "fuzz.ddf");
  ddf::Schema dom;
  try {
    ddf::detail::load_dom(dom, text, "fuzz.ddf");
  } catch (const syncmldm::Error&) {
    if (streamed) __builtin_trap();  // the streaming loader took what the reference refuses
    return 0;
  }
  if (streamed && ddf_flat::flat(schema) != ddf_flat::flat(dom)) __builtin_trap();
  for (std::string_view uri : {"./Vendor/MSFT/Policy/Config/A/B", "./DevDetail/Ext", "./x", "."}) {
    if (const ddf::SchemaNode* node = dom.lookup(uri)) {
      (void)ddf::path_of(*node);
      (void)ddf::check_value(*node, "1");
    }
    (void)ddf::suggest(dom, uri);
  }
  return 0;
}
