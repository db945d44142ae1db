#include "syncmldm/tree/tree_secrets.hpp"

#include <vector>

namespace syncmldm::tree {

bool holds_credentials(const Node& root) {
  // Iterative: a state may be deep, and this runs on every save.
  std::vector<const Node*> todo{&root};
  while (!todo.empty()) {
    const Node* n = todo.back();
    todo.pop_back();
    if (n->is_interior()) {
      if (n->name == "DMAcc" && !n->children.empty()) return true;
      for (const auto& [_, c] : n->children) todo.push_back(c.get());
    } else if ((n->name == "AAuthSecret" || n->name == "AAuthData") && !n->value.empty()) {
      return true;
    }
  }
  return false;
}

}  // namespace syncmldm::tree
