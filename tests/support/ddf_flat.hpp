#pragma once
// A schema as a list of lines, one per node with every field and its place: two loaders agree
// when their lists are equal (the streaming/DOM unit test and the DDF fuzz harness).
#include <string>
#include <vector>

#include "syncmldm/tree/ddf.hpp"

namespace ddf_flat {

inline std::string describe(const syncmldm::ddf::SchemaNode& n) {
  std::string s = syncmldm::ddf::path_of(n) + "|" + std::to_string(n.described) + "|" + n.access.to_string() + "|" +
                  n.default_value.value_or("<none>") + "|" + n.description + "|" + n.format + "|" + n.occurrence + "|" +
                  n.occurrence_n + "|" + n.scope + "|" + n.title + "|" + n.case_sense + "|" + n.dynamic_naming + "|" +
                  n.unique_name + "|" + n.value.value_or("<none>") + "|" + n.ddf_name.value_or("<none>") + "|" +
                  n.where.to_string() + "|" + std::to_string(n.where.offset.value_or(0));
  for (const auto& m : n.mime) s += "|mime " + m;
  if (n.allowed) {
    s += "|allowed " + n.allowed->value_type + " " + n.allowed->list_delimiter.value_or("<none>");
    for (std::size_t i = 0; i < n.allowed->values.size(); ++i)
      s += "|" + n.allowed->values[i] + "=" + n.allowed->descriptions[i];
  }
  return s;
}

inline void flatten(const syncmldm::ddf::SchemaNode& n, std::vector<std::string>& out) {
  out.push_back(describe(n));
  for (const auto& [_, c] : n.children) flatten(*c, out);
  if (n.dynamic) flatten(*n.dynamic, out);
}

inline std::vector<std::string> flat(const syncmldm::ddf::Schema& s) {
  std::vector<std::string> out;
  flatten(s.root(), out);
  return out;
}

}  // namespace ddf_flat
