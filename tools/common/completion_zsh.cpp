// The zsh script: one _arguments call per command, subcommands through its state machine, DM
// URIs from `dm-tree complete`. Autoloaded from fpath as _TOOL, or sourced after compinit.
#include <string>

#include "completion_scripts.hpp"

namespace tools::completion {

namespace {

// @F@ is the prefix of helper functions, @T@ the tool.
constexpr std::string_view kZshHelpers = R"script(# DM URIs from `dm-tree complete` (the one beside this tool when it was typed with a path), with
# the --state, the --ddf files and the first existing file (the state) given on the line;
# SYNCMLDM_DDF_DIR when there are no DDF files.
@F@__uris() {
  local tool=dm-tree state_file= i
  local -a args uris
  [[ $@F@__word == */* ]] && tool=${@F@__word%/*}/dm-tree
  for (( i = 2; i < CURRENT; i++ )); do
    case $words[i] in
      --ddf) (( i++ )); args+=(--ddf ${~words[i]}) ;;
      --state) (( i++ )); state_file=${~words[i]} ;;
      -*) ;;
      *) [[ -z $state_file && -f ${~words[i]} ]] && state_file=${~words[i]} ;;
    esac
  done
  [[ -n $state_file ]] && args+=(--state $state_file)
  uris=(${(f)"$(${~tool} complete $args -- ${(Q)PREFIX} 2>/dev/null)"})
  compadd -S '' -- ${(M)uris:#*/}
  compadd -- ${uris:#*/}
}
@F@__state_or_uri() {
  _files
  [[ $PREFIX == .* ]] && @F@__uris
}
)script";

// `text` for the brackets and messages of an _arguments spec.
std::string spec_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string action(const Word& w, const std::string& f) {
  switch (w.values) {
    case Values::none:
    case Values::text: return " ";
    case Values::choice: {
      std::string words;
      for (const auto& c : w.choices) words += (words.empty() ? "" : " ") + c;
      if (w.separator) return "_values -s " + std::string(1, w.separator) + " " + spec_text(w.value_name) + " " + words;
      return "(" + words + ")";
    }
    case Values::file:
    case Values::state: return "_files";
    case Values::directory: return "_files -/";
    case Values::uri: return f + "__uris";
    case Values::state_or_uri: return f + "__state_or_uri";
  }
  return " ";
}

std::string option_specs(const Word& o, const std::string& f) {
  std::string exclusion;
  if (!o.repeat && o.names.size() > 1) {
    for (const auto& n : o.names) exclusion += (exclusion.empty() ? "(" : " ") + n;
    exclusion += ")";
  }
  std::string out;
  for (const auto& n : o.names) {
    std::string spec = (o.repeat ? "*" : exclusion) + n;
    if (o.values != Values::none) spec += n.starts_with("--") ? "=" : "+";
    spec += "[" + spec_text(o.help) + "]";
    if (o.values != Values::none) spec += ":" + spec_text(o.value_name) + ":" + action(o, f);
    out += " \\\n    " + single_quoted(spec);
  }
  return out;
}

std::string function_of(const std::string& tool, const std::string& f, const std::string& path) {
  if (path.empty()) return "_" + tool;
  std::string name = f + "__";
  for (char c : path) name += c == ' ' || c == '-' ? '_' : c;
  return name;
}

}  // namespace

std::string zsh_script(const Command& command) {
  const std::string& tool = command.name;
  const std::string f = function_name(tool);
  std::string out = "#compdef " + tool + "\n# zsh completion for " + tool + " (written by `" + tool +
                    " --completion zsh`)\n\n";
  std::string helpers(kZshHelpers);
  for (std::size_t at = helpers.find("@F@"); at != std::string::npos; at = helpers.find("@F@", at))
    helpers.replace(at, 3, f);
  out += helpers;
  for_each_command(command, "", [&](const Command& c, const std::string& path) {
    out += "\n" + function_of(tool, f, path) + "() {\n";
    if (path.empty()) out += "  local " + f + "__word=$words[1]\n";
    out += "  local curcontext=$curcontext state line ret=1\n  _arguments -s -S -C";
    for (const auto& o : c.options) out += option_specs(o, f);
    if (!c.subcommands.empty()) {
      out += " \\\n    '1: :->command' \\\n    '*:: :->argument' && ret=0\n";
      out += "  case $state in\n    command)\n      local -a commands=(";
      for (const auto& s : c.subcommands)
        out += "\n        " + single_quoted(s.name + ":" + s.help);
      out += "\n      )\n      _describe -t commands " + single_quoted(tool + " subcommand") + " commands && ret=0 ;;\n";
      out += "    argument)\n      case $words[1] in\n";
      for (const auto& s : c.subcommands) {
        std::string sub = path.empty() ? s.name : path + " " + s.name;
        out += "        " + s.name + ") " + function_of(tool, f, sub) + " && ret=0 ;;\n";
      }
      out += "      esac ;;\n  esac\n  return ret\n}\n";
      return;
    }
    for (std::size_t i = 0; i < c.positionals.size(); ++i) {
      const Word& p = c.positionals[i];
      std::string spec = (p.repeat ? "*" : std::to_string(i + 1)) + ":" + spec_text(p.value_name) + ":" + action(p, f);
      out += " \\\n    " + single_quoted(spec);
    }
    out += " && ret=0\n  return ret\n}\n";
  });
  out += "\nif [[ $funcstack[1] == _" + tool + " ]]; then\n  _" + tool + " \"$@\"\nelse\n  compdef _" + tool + " " +
         tool + "\nfi\n";
  return out;
}

}  // namespace tools::completion
