#include "suggest.hpp"

#include <algorithm>

namespace tools {

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbours ("--idnent") each cost one.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string nearest(std::string_view given, const std::vector<std::string>& candidates) {
  // One or two letters (-x) are too short to guess from.
  if (given.size() - std::min(given.find_first_not_of('-'), given.size()) < 3 || given.size() > 64) return {};
  std::string best;
  std::size_t best_distance = 0;
  for (const auto& c : candidates) {
    if (c == given || c.size() > 64) continue;
    std::size_t dist = distance(given, c);
    // A prefix of a longer word ("--ind" for "--indent") is as good as one edit.
    if (c.starts_with(given) && given.size() >= 3) dist = std::min<std::size_t>(dist, 1);
    std::size_t core = given.size() - std::min<std::size_t>(given.find_first_not_of('-'), given.size());
    std::size_t allowed = std::max<std::size_t>(1, core / 3);
    if (dist <= allowed && (best.empty() || dist < best_distance)) {
      best = c;
      best_distance = dist;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates) {
  std::string n = nearest(given, candidates);
  return n.empty() ? std::string{} : " (did you mean '" + n + "'?)";
}

}  // namespace tools
