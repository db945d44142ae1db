#include "syncmldm/tree/ddf_load.hpp"

#include "syncmldm/tree/ddf.hpp"

namespace syncmldm::ddf {

std::shared_ptr<Schema> load_schema(const std::vector<std::string>& paths, const LoadOptions& options) {
  auto schema = std::make_shared<Schema>();
  if (options.standard_objects) load_text(*schema, standard_objects_ddf(), std::string(kStandardObjectsSource));
  for (const auto& path : paths) {
    load_path(*schema, path);
    if (options.loaded) options.loaded(path);
  }
  return schema;
}

}  // namespace syncmldm::ddf
