#pragma once
// A device's schema as the tools load it: the standard objects (DevInfo, DevDetail, DMAcc),
// then DDF files or folders in the order given, merged into one schema (ddf.hpp).

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm::ddf {

class Schema;

// The source name of the standard objects (Location::file of their nodes).
inline constexpr std::string_view kStandardObjectsSource = "<standard objects>";

struct LoadOptions {
  // Start from standard_objects_ddf(); off to read the given DDFs alone (a schema to show).
  bool standard_objects = true;
  // Called after each path is loaded (progress and timing notes); may be empty.
  std::function<void(const std::string& path)> loaded;
};

// Loads `paths` (files, or folders of *.xml / *.ddf) as load_path does; errors as load_text.
std::shared_ptr<Schema> load_schema(const std::vector<std::string>& paths, const LoadOptions& options = {});

}  // namespace syncmldm::ddf
SYNCMLDM_API_END
