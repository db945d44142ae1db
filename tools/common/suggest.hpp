#pragma once
// "Did you mean": the nearest of the known words to one that was not understood (an option, a
// subcommand, a rule id), by edit distance, for error messages.
#include <string>
#include <string_view>
#include <vector>

namespace tools {

// The closest candidate within a few edits (about a third of the word), or "" when none is close.
std::string nearest(std::string_view given, const std::vector<std::string>& candidates);

// " (did you mean 'WORD'?)" for the nearest candidate, or "".
std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates);

}  // namespace tools
