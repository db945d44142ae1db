#pragma once
// For harnesses that need a device: the schema of the standard objects, loaded once.
#include <memory>

#include "syncmldm/tree/ddf.hpp"

inline std::shared_ptr<syncmldm::ddf::Schema> standard_schema() {
  static std::shared_ptr<syncmldm::ddf::Schema> schema = [] {
    auto s = std::make_shared<syncmldm::ddf::Schema>();
    syncmldm::ddf::load_text(*s, syncmldm::ddf::standard_objects_ddf(), "standard");
    return s;
  }();
  return schema;
}
