#include <algorithm>

#include "syncmldm/tree/tree.hpp"
#include "syncmldm/util/text.hpp"

namespace syncmldm::tree {

namespace {

void walk_diff(const Node& a, const Node& b, std::vector<Difference>& out) {
  std::string u = b.uri();
  using P = Difference::Property;
  auto changed = [&](P what, const std::string& x, const std::string& y) {
    if (x != y) out.push_back({Difference::Kind::changed, u, what, x, y});
  };
  changed(P::format, a.format, b.format);
  if (!a.is_interior() && !b.is_interior()) changed(P::value, a.value, b.value);
  changed(P::type, a.type, b.type);
  changed(P::acl, a.acl, b.acl);
  changed(P::title, a.title, b.title);
  auto ia = a.children.begin(), ib = b.children.begin();
  while (ia != a.children.end() || ib != b.children.end()) {
    if (ib == b.children.end() || (ia != a.children.end() && ia->first < ib->first)) {
      out.push_back({Difference::Kind::removed, ia->second->uri(), Difference::Property::none, ia->second->value, ""});
      ++ia;
    } else if (ia == a.children.end() || ib->first < ia->first) {
      std::vector<const Node*> stack{ib->second.get()};
      while (!stack.empty()) {  // every added node, so that new values show
        const Node* n = stack.back();
        stack.pop_back();
        out.push_back({Difference::Kind::added, n->uri(), Difference::Property::none, "", n->is_interior() ? "" : n->value});
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(it->second.get());
      }
      ++ib;
    } else {
      walk_diff(*ia->second, *ib->second, out);
      ++ia;
      ++ib;
    }
  }
}

}  // namespace

std::string_view property_name(Difference::Property property) {
  switch (property) {
    case Difference::Property::none: return "";
    case Difference::Property::format: return "format";
    case Difference::Property::value: return "value";
    case Difference::Property::type: return "type";
    case Difference::Property::acl: return "acl";
    case Difference::Property::title: return "title";
  }
  return "";
}

std::vector<Difference> diff(const Node& a, const Node& b) {
  std::vector<Difference> out;
  walk_diff(a, b, out);
  return out;
}

bool uri_matches(std::string_view p, std::string_view s) {
  if (p.find_first_of("*?") == std::string_view::npos) {
    auto it = std::search(s.begin(), s.end(), p.begin(), p.end(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
    return it != s.end() || p.empty();
  }
  // A glob that does not start at the root may match anywhere.
  if (!p.empty() && p[0] != '.' && p[0] != '*') return uri_matches("*" + std::string(p), s);
  // Iterative glob with one backtrack point: linear in practice, no recursion.
  std::size_t i = 0, j = 0, star = std::string_view::npos, mark = 0;
  while (j < s.size()) {
    if (i < p.size() && (p[i] == '?' || p[i] == s[j])) {
      ++i;
      ++j;
    } else if (i < p.size() && p[i] == '*') {
      star = i++;
      mark = j;
    } else if (star != std::string_view::npos) {
      i = star + 1;
      j = ++mark;
    } else {
      return false;
    }
  }
  while (i < p.size() && p[i] == '*') ++i;
  return i == p.size();
}

std::vector<std::string> find(const Node& start, std::string_view pattern) {
  std::vector<std::string> out;
  std::vector<const Node*> stack{&start};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    std::string u = n->uri();
    if (uri_matches(pattern, u)) out.push_back(u);
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(it->second.get());
  }
  return out;
}

}  // namespace syncmldm::tree
