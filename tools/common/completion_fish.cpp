// The fish script: one `complete` line per option, subcommand and kind of argument, with
// conditions on the subcommand; DM URIs from `dm-tree complete`.
#include <string>

#include "completion_scripts.hpp"

namespace tools::completion {

namespace {

// @F@ is the prefix of helper functions.
constexpr std::string_view kFishHelpers = R"script(# DM URIs from `dm-tree complete` (the one beside this tool when it was typed with a path), with
# the --state, the --ddf files and the first existing file (the state) given on the line;
# SYNCMLDM_DDF_DIR when there are no DDF files.
function @F@_uris
    set -l tokens (commandline -opc)
    set -l tool dm-tree
    string match -q -- '*/*' $tokens[1]; and set tool (string replace -r -- '/[^/]*$' /dm-tree $tokens[1])
    set -l args
    set -l state
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case --ddf
                set i (math $i + 1)
                set -a args --ddf $tokens[$i]
            case --state
                set i (math $i + 1)
                set state $tokens[$i]
            case '-*'
            case '*'
                if test -z "$state"; and test -f "$tokens[$i]"
                    set state $tokens[$i]
                end
        end
        set i (math $i + 1)
    end
    test -n "$state"; and set -a args --state $state
    $tool complete $args -- (commandline -ct) 2>/dev/null
end
)script";

std::string fish_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string value_flags(const Word& w, const std::string& f) {
  switch (w.values) {
    case Values::none: return "";
    case Values::text: return " -x";
    case Values::choice: {
      std::string words;
      for (const auto& c : w.choices) words += (words.empty() ? "" : " ") + c;
      return " -x -a " + fish_quoted(words);
    }
    case Values::file:
    case Values::state: return " -r -F";
    case Values::directory: return " -x -a '(__fish_complete_directories)'";
    case Values::uri: return " -x -a '(" + f + "_uris)'";
    case Values::state_or_uri: return " -r -F -a '(" + f + "_uris)'";
  }
  return "";
}

}  // namespace

std::string fish_script(const Command& command) {
  const std::string& tool = command.name;
  const std::string f = "_" + function_name(tool);
  std::string out = "# fish completion for " + tool + " (written by `" + tool + " --completion fish`)\n\n";
  std::string helpers(kFishHelpers);
  for (std::size_t at = helpers.find("@F@"); at != std::string::npos; at = helpers.find("@F@", at))
    helpers.replace(at, 3, f);
  out += helpers + "\ncomplete -c " + tool + " -f\n";
  for_each_command(command, "", [&](const Command& c, const std::string& path) {
    // The words of a command count once its name is on the line; the tool's own, before any.
    std::string head = "complete -c " + tool;
    if (!path.empty()) head += " -n " + fish_quoted("__fish_seen_subcommand_from " + path.substr(path.rfind(' ') + 1));
    else if (!c.subcommands.empty()) head += " -n __fish_use_subcommand";
    for (const auto& s : c.subcommands) out += head + " -a " + fish_quoted(s.name) + " -d " + fish_quoted(s.help) + "\n";
    for (const auto& o : c.options) {
      std::string line = head;
      for (const auto& n : o.names) line += (n.starts_with("--") ? " -l " : " -s ") + n.substr(n.find_first_not_of('-'));
      out += line + value_flags(o, f) + " -d " + fish_quoted(o.help) + "\n";
    }
    if (!c.subcommands.empty()) return;
    bool files = false, uris = false;
    for (const auto& p : c.positionals) {
      files = files || p.values == Values::file || p.values == Values::state || p.values == Values::state_or_uri;
      uris = uris || p.values == Values::uri || p.values == Values::state_or_uri;
    }
    if (files) out += head + " -F\n";
    if (uris) out += head + " -a '(" + f + "_uris)'\n";
  });
  return out;
}

}  // namespace tools::completion
