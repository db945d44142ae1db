#pragma once
// Shell completion scripts (bash, zsh, fish) made from a tool's own option definitions: each
// parser (CLI11 in app.cpp, ArgParser) describes its options as a Command, and `TOOL
// --completion SHELL` prints the script (the build writes them into build/completions/). No
// CLI11 here: the codec tools include this.
//
// What a value completes to follows from its documented value name (--help's FILE, URI, ...),
// so a new tool gets completion without a line of its own; values from a fixed set come from
// the parser's allowed values, and lists only a tool knows (rule ids) from set_values().
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tools::completion {

enum class Shell { bash, zsh, fish };

// What an option's value or a positional argument completes to.
enum class Values {
  none,          // a flag: no value
  text,          // anything (nothing offered)
  choice,        // one of `choices`
  file,          // a file name
  directory,     // a folder name
  state,         // a state file: a file, and the state later DM URIs complete from
  uri,           // a DM URI, completed by `dm-tree complete`
  state_or_uri,  // "[STATE] URI": files, and DM URIs when the word starts with '.'
};

// An option (names given) or a positional argument (no names).
struct Word {
  std::vector<std::string> names;  // "-o", "--output"
  std::string value_name;          // "FILE"; empty for a flag
  std::string help;
  Values values = Values::none;
  std::vector<std::string> choices;
  bool repeat = false;  // may be given more than once (a positional: takes the rest)
  char separator = 0;   // the value may be a list of choices separated by this (--disable a,b)
};

struct Command {
  std::string name, help;
  std::vector<Word> options, positionals;
  std::vector<Command> subcommands;
};

// The kind of value a value name stands for: FILE, PATH, PACKAGE, INPUT... are files, DIR a
// folder, STATE a state file, URI, PREFIX and PATTERN DM URIs, a set_values() name its list;
// anything else text.
Values values_of(std::string_view value_name);
// A word from its parser's description: names (none: a positional argument), value name (none:
// a flag), allowed values (none: see values_of), and a repeat flag. A positional argument of
// unknown kind completes as a file name (most are files here), except a URL.
Word make_word(std::vector<std::string> names, std::string value_name, std::string help,
               std::vector<std::string> choices, bool repeat);

// A tool names the values of one value name (dm-validate: RULE, the ids of its rule registry)
// before its parser is turned into a Command.
void set_values(std::string value_name, std::vector<std::string> values);

// The option that asks for a script: `TOOL --completion SHELL`, as the only arguments (so that
// no other option or required argument gets in its way). Not in --help (a new tool's man page
// need not learn it), documented in each man page.
inline constexpr std::string_view kOption = "--completion";
inline bool asked(int argc, const char* const* argv) { return argc >= 2 && argv[1] == kOption; }
// The shell asked for, if argv asks; throws std::invalid_argument for an unknown shell.
std::optional<Shell> requested(int argc, const char* const* argv);

std::string script(const Command& command, Shell shell);

// The DDF files or folders that `dm-tree complete` reads when given no --ddf: those named in
// SYNCMLDM_DDF_DIR, separated by ':' (empty when it is unset or empty).
inline constexpr const char* kDdfVariable = "SYNCMLDM_DDF_DIR";
std::vector<std::string> ddf_paths_from_environment();

// Prints the script for `command` to stdout; returns the exit code (2: unknown shell).
int print_script(const Command& command, int argc, const char* const* argv);

}  // namespace tools::completion
