#pragma once
// A small command-line parser for the codec tools. syncml-encode and syncml-decode are started
// once per message, often on messages of a few hundred bytes, where process start-up is most
// of the run: CLI11 builds its option objects and brings in the iostreams (whose start-up
// creates the whole C++ locale), which together cost about as much as a small decode. This
// parser does what the codec tools need and writes help and errors in the same form as the
// CLI11 tools: long options (--name VALUE or --name=VALUE), short ones (-o VALUE, -oVALUE,
// flags bundled as -vq), `--` to end options, and one optional positional argument.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "completion.hpp"
#include "option_defs.hpp"

namespace tools {

class ArgParser {
 public:
  ArgParser(std::string name, std::string description);

  // Options. A flag's action runs each time it is given; an option's setter gets its value and
  // may throw UsageError. Values outside `choices` are refused before the setter runs.
  void flag(const OptionDef& def, std::function<void()> action);
  void flag(const OptionDef& def, bool& target);
  void option(const OptionDef& def, std::function<void(const std::string&)> set);
  void option(const OptionDef& def, std::string& target);
  // An integer from `low` to `high`.
  void option(const OptionDef& def, int& target, int low, int high);
  // The one positional argument (optional).
  void positional(std::string name, std::string help, std::string& target);
  // Or any number of them (FILE...).
  void positionals(std::string name, std::string help, std::vector<std::string>& target);
  // Two options that cannot be given together (by their long names): a usage error naming both.
  void conflicts(std::string a, std::string b);
  // Lines shown under "Examples:" at the end of the help.
  void examples(std::vector<std::string> lines);

  enum class Outcome { run, help, version };
  // Throws UsageError on anything it cannot take; --help and --version win over other errors
  // that come after them, as with the CLI11 tools.
  Outcome parse(int argc, const char* const* argv);

  std::string help() const;
  // The options and the positional argument, for the completion scripts.
  completion::Command completion_command() const;
  std::string version() const;
  const std::string& name() const { return name_; }

  struct UsageError {
    std::string message;
  };

 private:
  struct Option {
    std::vector<std::string> names;  // "-o", "--output"
    OptionDef def;
    std::function<void(const std::string&)> set;  // options taking a value
    std::function<void()> action;                 // flags
    bool seen = false;
  };
  Option* find(std::string_view name);
  void take_value(Option& o, const std::string& value);
  std::string unknown(std::string_view name) const;
  void check_conflicts() const;

  std::string name_, description_;
  std::vector<Option> options_;
  std::string positional_name_, positional_help_;
  std::string* positional_ = nullptr;
  std::vector<std::string>* positionals_ = nullptr;
  std::vector<std::pair<std::string, std::string>> conflicts_;
  std::vector<std::string> examples_;
};

}  // namespace tools

namespace tools {

// Parses argv into `parser`, then runs `body` (run.hpp) and returns its exit code. --help and
// --version print to stdout and return 0; usage errors return 2 with a hint to --help.
// `TOOL --completion SHELL` prints the completion script instead (completion.hpp).
int run_main(ArgParser& parser, int argc, char** argv, const std::function<int()>& body);

}  // namespace tools
