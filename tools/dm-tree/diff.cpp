// dm-tree diff: what changed from one state to another, values of nodes without Get masked.

#include "common/exit_codes.hpp"
#include "dm_tree.hpp"

namespace dm_tree {

using namespace syncmldm;

namespace {

// A secret's old and new values are masked alike (the same read check as show).
void mask_values(const tree::Tree& a, const tree::Tree& b, tree::Difference& d, bool show_secrets, std::size_t& hidden) {
  const tree::Node* n = b.find(d.uri);
  const tree::Tree& owner = n ? b : a;
  if (!n) n = a.find(d.uri);
  bool value = d.kind == tree::Difference::Kind::added || d.what == tree::Difference::Property::value;
  if (n && value && !(d.before.empty() && d.after.empty()) && masks(owner, *n, show_secrets, hidden)) {
    if (!d.before.empty()) d.before = tree::kHiddenValue;
    if (!d.after.empty()) d.after = tree::kHiddenValue;
  }
}

std::string line(const tree::Difference& d) {
  switch (d.kind) {
    case tree::Difference::Kind::added: return "+ " + d.uri + (d.after.empty() ? "" : " = " + printable(d.after)) + "\n";
    case tree::Difference::Kind::removed: return "- " + d.uri + "\n";
    case tree::Difference::Kind::changed: break;
  }
  return "~ " + d.uri + " " + std::string(tree::property_name(d.what)) + ": " + printable(d.before) + " -> " + printable(d.after) + "\n";
}

}  // namespace

int diff(const DiffOptions& o) {
  tree::Tree a = load_state(o.a), b = load_state(o.b);
  std::string out;
  std::size_t hidden = 0;
  for (auto d : tree::diff(a.root(), b.root())) {
    mask_values(a, b, d, o.show_secrets, hidden);
    out += line(d);
  }
  print(out);
  note_masked(hidden);
  return out.empty() ? tools::kExitOk : tools::kExitFindings;
}

}  // namespace dm_tree
