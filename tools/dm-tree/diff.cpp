// dm-tree diff: what changed from one state to another, values of nodes without Get masked; one
// line per change (coloured as git colours a diff when asked), or JSON.

#include <nlohmann/json.hpp>

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

// Added green, removed red, changed yellow (git's colours for + and -).
std::string line(const tree::Difference& d, bool color) {
  auto paint = [&](const char* sgr, const std::string& text) {
    return color ? std::string("\x1b[") + sgr + "m" + text + "\x1b[0m\n" : text + "\n";
  };
  switch (d.kind) {
    case tree::Difference::Kind::added: return paint("32", "+ " + d.uri + (d.after.empty() ? "" : " = " + printable(d.after)));
    case tree::Difference::Kind::removed: return paint("31", "- " + d.uri);
    case tree::Difference::Kind::changed: break;
  }
  return paint("33", "~ " + d.uri + " " + std::string(tree::property_name(d.what)) + ": " + printable(d.before) + " -> " +
                         printable(d.after));
}

const char* kind_name(tree::Difference::Kind k) {
  switch (k) {
    case tree::Difference::Kind::added: return "added";
    case tree::Difference::Kind::removed: return "removed";
    case tree::Difference::Kind::changed: break;
  }
  return "changed";
}

// One change as JSON: before/after only where the text form shows them.
nlohmann::json entry(const tree::Difference& d) {
  nlohmann::json j{{"change", kind_name(d.kind)}, {"uri", d.uri}};
  if (d.kind == tree::Difference::Kind::changed) {
    j["property"] = tree::property_name(d.what);
    j["before"] = d.before;
  }
  if (d.kind != tree::Difference::Kind::removed) j["after"] = d.after;
  return j;
}

}  // namespace

int diff(const DiffOptions& o) {
  tree::Tree a = load_state(o.a), b = load_state(o.b);
  std::string out;
  nlohmann::json changes = nlohmann::json::array();
  std::size_t hidden = 0;
  for (auto d : tree::diff(a.root(), b.root())) {
    mask_values(a, b, d, o.show_secrets, hidden);
    if (o.format == "json") changes.push_back(entry(d));
    else out += line(d, o.color);
  }
  print(o.format == "json" ? changes.dump(2) + "\n" : out);
  note_masked(hidden);
  return out.empty() && changes.empty() ? tools::kExitOk : tools::kExitFindings;
}

}  // namespace dm_tree
