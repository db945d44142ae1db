// Fuzz target: the DDF loader (OMA DDF 1.2 and Microsoft's extensions), lookups and suggestions.
#include <cstdint>
#include <string_view>

#include "syncmldm/ddf.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace ddf = syncmldm::ddf;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ddf::Schema schema;
  try {
    ddf::load_text(schema, text, "fuzz.ddf");
  } catch (const syncmldm::Error&) {
    return 0;
  }
  for (std::string_view uri : {"./Vendor/MSFT/Policy/Config/A/B", "./DevDetail/Ext", "./x", "."}) {
    if (const ddf::SchemaNode* node = schema.lookup(uri)) {
      (void)ddf::path_of(*node);
      (void)ddf::check_value(*node, "1");
    }
    (void)ddf::suggest(schema, uri);
  }
  return 0;
}
