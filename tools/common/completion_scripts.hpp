#pragma once
// The three script writers behind completion::script(), and what they share.
#include <string>
#include <string_view>

#include "completion.hpp"

namespace tools::completion {

std::string bash_script(const Command& command);
std::string zsh_script(const Command& command);
std::string fish_script(const Command& command);

// The tool's name as part of a shell function name: "dm-tree" -> "_dm_tree".
std::string function_name(std::string_view tool);
// `text` inside single quotes for bash and zsh ('it'\''s').
std::string single_quoted(std::string_view text);
// Every option of `c` and of its subcommands, with the path of subcommand names leading to it
// ("" for the tool itself, "get", "a b" for nested ones), in the order given.
template <typename F>
void for_each_command(const Command& c, const std::string& path, F&& f) {
  f(c, path);
  for (const auto& s : c.subcommands) for_each_command(s, path.empty() ? s.name : path + " " + s.name, f);
}

}  // namespace tools::completion
