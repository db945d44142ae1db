// The bash script: a table of each command's words (generated) and a walker over the command
// line that finds the subcommand, the option whose value is being typed, or the positional
// argument's place (the same for every tool). Self-contained: bash-completion is not needed.
#include <string>

#include "completion_scripts.hpp"

namespace tools::completion {

namespace {

// @F@ is the function name, @T@ the tool.
constexpr std::string_view kWalker = R"script(
@F@_words() { local IFS=$' \t\n'; COMPREPLY+=($(compgen -W "$1" -- "$cur")); }
# The last item of a list separated by $1, from the words $2.
@F@_list() {
  local head=${cur%"${cur##*"$1"}"} w
  local cur=${cur##*"$1"}
  for w in $(compgen -W "$2" -- "$cur"); do COMPREPLY+=("$head$w"); done
}
@F@_files() {
  compopt -o filenames 2>/dev/null
  mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
}
@F@_dirs() {
  compopt -o filenames 2>/dev/null
  mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -d -- "$cur")
}
# DM URIs from `dm-tree complete` (the one beside this tool when it was typed with a path), with
# the state and the --ddf files given on the line; SYNCMLDM_DDF_DIR when there are none.
@F@_uris() {
  local tool=dm-tree u
  [[ ${COMP_WORDS[0]} == */* ]] && tool=${COMP_WORDS[0]%/*}/dm-tree
  tool=${tool/#\~/$HOME}
  local -a args=("${ddf[@]}")
  [[ -n $state && -f $state ]] && args+=(--state "$state")
  while IFS= read -r u; do
    COMPREPLY+=("$u")
    [[ $u == */ ]] && compopt -o nospace 2>/dev/null
  done < <("$tool" complete "${args[@]}" -- "$cur" 2>/dev/null)
}
@F@() {
  local cur=${COMP_WORDS[COMP_CWORD]} cmd='' opt='' state='' o v s w i
  local -a ddf=() pos=()
  COMPREPLY=()
  @F@_spec ''
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if [[ $w == -* && " $v " == *" $w "* ]]; then
      [[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))
      if ((i + 1 >= COMP_CWORD)); then opt=$w; break; fi
      ((i++))
      case $w in
        --ddf) ddf+=(--ddf "${COMP_WORDS[i]}") ;;
        --state) state=${COMP_WORDS[i]} ;;
      esac
    elif [[ $w == -* ]]; then
      :
    elif [[ ${#pos[@]} -eq 0 && " $s " == *" $w "* ]]; then
      cmd=${cmd:+$cmd }$w
      @F@_spec "$cmd"
    else
      pos+=("$w")
    fi
  done
  if [[ -n $opt ]]; then
    [[ $cur == = ]] && cur=''
    @F@_value "$cmd" "$opt"
    return 0
  fi
  if [[ $cur == -* ]]; then
    @F@_words "$o"
    return 0
  fi
  [[ ${#pos[@]} -eq 0 && -n $s ]] && @F@_words "$s"
  if [[ -z $state ]]; then
    for w in "${pos[@]}"; do [[ -f $w ]] && { state=$w; break; }; done
  fi
  @F@_value "$cmd" "#${#pos[@]}" || @F@_value "$cmd" '#*'
  return 0
}
complete -F @F@ @T@
)script";

std::string action(const Word& w, const std::string& f) {
  switch (w.values) {
    case Values::none:
    case Values::text: return ":";
    case Values::choice: {
      std::string words;
      for (const auto& c : w.choices) words += (words.empty() ? "" : " ") + c;
      if (w.separator) return f + "_list " + single_quoted(std::string(1, w.separator)) + " " + single_quoted(words);
      return f + "_words " + single_quoted(words);
    }
    case Values::file:
    case Values::state: return f + "_files";
    case Values::directory: return f + "_dirs";
    case Values::uri: return f + "_uris";
    case Values::state_or_uri: return f + "_files; [[ $cur == .* ]] && " + f + "_uris";
  }
  return ":";
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

std::string bash_script(const Command& command) {
  const std::string f = function_name(command.name);
  std::string out = "# bash completion for " + command.name + " (written by `" + command.name +
                    " --completion bash`)\n";
  // The words of each command: options (o), options taking a value (v), subcommands (s).
  out += f + "_spec() {\n  case $1 in\n";
  for_each_command(command, "", [&](const Command& c, const std::string& path) {
    std::vector<std::string> all, valued, subs;
    for (const auto& o : c.options) {
      all.insert(all.end(), o.names.begin(), o.names.end());
      if (o.values != Values::none) valued.insert(valued.end(), o.names.begin(), o.names.end());
    }
    for (const auto& s : c.subcommands) subs.push_back(s.name);
    out += "    " + single_quoted(path) + ") o=" + single_quoted(joined(all)) + " v=" + single_quoted(joined(valued)) +
           " s=" + single_quoted(joined(subs)) + " ;;\n";
  });
  out += "  esac\n}\n";
  // What to offer for the value of each option and for each positional argument (#N: the
  // N-th, counted from 0; #*: the rest), by command.
  out += f + "_value() {\n  case \"$1 $2\" in\n";
  for_each_command(command, "", [&](const Command& c, const std::string& path) {
    for (const auto& o : c.options) {
      if (o.values == Values::none) continue;
      std::string pattern;
      for (const auto& n : o.names) pattern += (pattern.empty() ? "" : "|") + single_quoted(path + " " + n);
      out += "    " + pattern + ") " + action(o, f) + " ;;\n";
    }
    for (std::size_t i = 0; i < c.positionals.size(); ++i) {
      const Word& p = c.positionals[i];
      std::string key = p.repeat ? "#*" : "#" + std::to_string(i);
      out += "    " + single_quoted(path + " " + key) + ") " + action(p, f) + " ;;\n";
    }
  });
  out += "    *) return 1 ;;\n  esac\n}";
  std::string walker(kWalker);
  replace_all(walker, "@F@", f);
  replace_all(walker, "@T@", command.name);
  return out + walker;
}

}  // namespace tools::completion
