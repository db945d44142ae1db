#include "completion.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "completion_scripts.hpp"
#include "exit_codes.hpp"
#include "messages.hpp"
#include "run.hpp"

namespace tools::completion {

namespace {

std::map<std::string, std::vector<std::string>, std::less<>>& named_values() {
  static std::map<std::string, std::vector<std::string>, std::less<>> values;
  return values;
}

// "[STATE]" -> "STATE", "INPUT..." -> "INPUT", "URI=VALUE" -> "URI".
std::string_view bare(std::string_view word) {
  while (!word.empty() && word.front() == '[') word.remove_prefix(1);
  word = word.substr(0, word.find_first_of("]=."));
  return word;
}

bool has_word(std::string_view text, std::string_view word) {
  while (!text.empty()) {
    std::size_t space = text.find(' ');
    if (bare(text.substr(0, space)) == word) return true;
    text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
  }
  return false;
}

}  // namespace

Values values_of(std::string_view value_name) {
  if (has_word(value_name, "STATE") && (has_word(value_name, "URI") || has_word(value_name, "PATTERN")))
    return Values::state_or_uri;
  std::string_view word = bare(value_name.substr(0, value_name.find(' ')));
  if (named_values().count(word)) return Values::choice;
  if (word == "FILE" || word == "PATH" || word == "PACKAGE" || word == "INPUT") return Values::file;
  if (word == "DIR") return Values::directory;
  if (word == "STATE") return Values::state;
  if (word == "URI" || word == "PREFIX" || word == "PATTERN") return Values::uri;
  return Values::text;
}

Word make_word(std::vector<std::string> names, std::string value_name, std::string help,
               std::vector<std::string> choices, bool repeat) {
  Word w{std::move(names), std::move(value_name), std::move(help), Values::none, std::move(choices), repeat};
  if (!w.choices.empty()) {
    w.values = Values::choice;
  } else if (!w.value_name.empty()) {
    w.values = values_of(w.value_name);
    if (w.values == Values::choice) w.choices = named_values().find(bare(w.value_name))->second;
    // An argument of unknown kind is most often a file here; a URL is not.
    if (w.names.empty() && w.values == Values::text && w.value_name != "URL") w.values = Values::file;
  } else if (w.names.empty()) {
    w.values = Values::file;
  }
  return w;
}

void set_values(std::string value_name, std::vector<std::string> values) {
  named_values()[std::move(value_name)] = std::move(values);
}

std::optional<Shell> requested(int argc, const char* const* argv) {
  if (argc < 2 || argv[1] != kOption) return std::nullopt;
  std::string_view shell = argc == 3 ? argv[2] : "";
  if (shell == "bash") return Shell::bash;
  if (shell == "zsh") return Shell::zsh;
  if (shell == "fish") return Shell::fish;
  throw std::invalid_argument(argc == 3 ? "--completion: " + std::string(shell) + " not in {bash,zsh,fish}"
                                        : "--completion takes one SHELL (bash, zsh or fish) and nothing else");
}

std::string script(const Command& command, Shell shell) {
  switch (shell) {
    case Shell::bash: return bash_script(command);
    case Shell::zsh: return zsh_script(command);
    case Shell::fish: return fish_script(command);
  }
  return {};
}

std::vector<std::string> ddf_paths_from_environment() {
  std::vector<std::string> out;
  const char* value = std::getenv(kDdfVariable);
  std::string_view rest = value ? value : "";
  while (!rest.empty()) {
    std::size_t colon = rest.find(':');
    if (colon != 0) out.emplace_back(rest.substr(0, colon));
    rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
  }
  return out;
}

int print_script(const Command& command, int argc, const char* const* argv) {
  std::optional<Shell> shell;
  try {
    shell = requested(argc, argv);
  } catch (const std::invalid_argument& e) {
    print_error(command.name, e.what());
    return kExitUsage;
  }
  return run_body(command.name, [&] {
    std::fputs(script(command, *shell).c_str(), stdout);
    return static_cast<int>(kExitOk);
  });
}

}  // namespace tools::completion

namespace tools::completion {

std::string function_name(std::string_view tool) {
  std::string out = "_";
  for (char c : tool) out += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_';
  return out;
}

std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace tools::completion
