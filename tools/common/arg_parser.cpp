#include "arg_parser.hpp"

#include <charconv>
#include <cstdio>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "suggest.hpp"
#include "messages.hpp"
#include "run.hpp"
#include "syncmldm/version.hpp"

namespace tools {

namespace {

constexpr std::size_t kColumn = 34;  // where descriptions start, as in the CLI11 tools

std::vector<std::string> split_names(std::string_view names) {
  std::vector<std::string> out;
  while (!names.empty()) {
    std::size_t comma = names.find(',');
    out.emplace_back(names.substr(0, comma));
    names = comma == std::string_view::npos ? std::string_view{} : names.substr(comma + 1);
  }
  return out;
}

void help_line(std::string& out, std::string left, std::string_view description) {
  left.insert(0, "  ");
  out += left;
  if (left.size() >= kColumn) out += "\n" + std::string(kColumn, ' ');
  else out.append(kColumn - left.size(), ' ');
  out.append(description);
  out += '\n';
}

bool looks_like_option(std::string_view arg) { return arg.size() > 1 && arg[0] == '-'; }

}  // namespace

ArgParser::ArgParser(std::string name, std::string description)
    : name_(std::move(name)), description_(std::move(description)) {
  static const OptionDef help{"-h,--help", "", "Print this help message and exit"};
  static const OptionDef version{"--version", "", "Print the version and exit"};
  options_.reserve(16);  // the codec tools' options in one allocation, not five as it grows
  flag(help, [] {});
  flag(version, [] {});
}

void ArgParser::flag(const OptionDef& def, std::function<void()> action) {
  options_.push_back({split_names(def.names), def, {}, std::move(action)});
}

void ArgParser::flag(const OptionDef& def, bool& target) {
  flag(def, [&target] { target = true; });
}

void ArgParser::option(const OptionDef& def, std::function<void(const std::string&)> set) {
  options_.push_back({split_names(def.names), def, std::move(set), {}});
}

void ArgParser::option(const OptionDef& def, std::string& target) {
  option(def, [&target](const std::string& v) { target = v; });
}

void ArgParser::option(const OptionDef& def, int& target, int low, int high) {
  std::string name = split_names(def.names).back();
  option(def, [&target, low, high, name](const std::string& v) {
    int n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < low || n > high) {
      throw UsageError{fmt::format("{}: Value {} not in range {} to {}", name, v, low, high)};
    }
    target = n;
  });
}

void ArgParser::positional(std::string name, std::string help, std::string& target) {
  positional_name_ = std::move(name);
  positional_help_ = std::move(help);
  positional_ = &target;
}

void ArgParser::positionals(std::string name, std::string help, std::vector<std::string>& target) {
  positional_name_ = std::move(name);
  positional_help_ = std::move(help);
  positionals_ = &target;
}

void ArgParser::conflicts(std::string a, std::string b) { conflicts_.emplace_back(std::move(a), std::move(b)); }

void ArgParser::examples(std::vector<std::string> lines) { examples_ = std::move(lines); }

std::string ArgParser::unknown(std::string_view name) const {
  std::vector<std::string> names;
  for (const auto& o : options_) names.insert(names.end(), o.names.begin(), o.names.end());
  return fmt::format("unknown option {}{}", name, did_you_mean(name, names));
}

void ArgParser::check_conflicts() const {
  for (const auto& [a, b] : conflicts_) {
    bool seen_a = false, seen_b = false;
    for (const auto& o : options_) {
      bool named_a = false, named_b = false;
      for (const auto& n : o.names) named_a = named_a || n == a, named_b = named_b || n == b;
      if (named_a) seen_a = o.seen;
      if (named_b) seen_b = o.seen;
    }
    if (seen_a && seen_b) throw UsageError{fmt::format("{} excludes {}", a, b)};
  }
}

ArgParser::Option* ArgParser::find(std::string_view name) {
  for (auto& o : options_) {
    for (const auto& n : o.names) {
      if (n == name) return &o;
    }
  }
  return nullptr;
}

void ArgParser::take_value(Option& o, const std::string& value) {
  const std::string& name = o.names.back();
  if (o.seen) throw UsageError{fmt::format("{}: given more than once", name)};
  o.seen = true;
  if (!o.def.choices.empty()) {
    bool allowed = false;
    for (const auto& c : o.def.choices) allowed = allowed || c == value;
    if (!allowed) {
      std::string list;
      for (const auto& c : o.def.choices) list += (list.empty() ? "" : ",") + c;
      throw UsageError{fmt::format("{}: {} not in {{{}}}", name, value, list)};
    }
  }
  o.set(value);
}

ArgParser::Outcome ArgParser::parse(int argc, const char* const* argv) {
  bool positional_set = false;
  auto positional = [&](std::string_view arg) {
    if (positionals_) return positionals_->emplace_back(arg), void();
    if (!positional_ || positional_set) throw UsageError{fmt::format("The following argument was not expected: {}", arg)};
    *positional_ = std::string(arg);
    positional_set = true;
  };
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") {
      for (++i; i < argc; ++i) positional(argv[i]);
      break;
    }
    if (!looks_like_option(arg)) {
      positional(arg);
      continue;
    }
    // The option's name, any value written into the same argument, and the rest of a bundle
    // of short flags (-vq).
    std::vector<std::pair<std::string, std::optional<std::string>>> given;
    if (arg.starts_with("--")) {
      std::size_t eq = arg.find('=');
      if (eq == std::string_view::npos) given.push_back({std::string(arg), std::nullopt});
      else given.push_back({std::string(arg.substr(0, eq)), std::string(arg.substr(eq + 1))});
    } else {
      for (std::size_t k = 1; k < arg.size(); ++k) {
        std::string name{'-', arg[k]};
        Option* o = find(name);
        if (o && o->set && k + 1 < arg.size()) {  // -oFILE
          given.push_back({name, std::string(arg.substr(k + 1))});
          break;
        }
        given.push_back({name, std::nullopt});
      }
    }
    for (std::size_t g = 0; g < given.size(); ++g) {
      const auto& [name, value] = given[g];
      Option* o = find(name);
      if (!o) throw UsageError{unknown(given.size() > 1 ? std::string_view(name) : arg.substr(0, arg.find('=')))};
      if (o->names.back() == "--help") return Outcome::help;
      if (o->names.back() == "--version") return Outcome::version;
      if (o->action) {
        if (value) throw UsageError{fmt::format("{}: takes no value", o->names.back())};
        o->seen = true;
        o->action();
        continue;
      }
      if (value) {
        take_value(*o, *value);
      } else if (g + 1 == given.size() && i + 1 < argc && !looks_like_option(argv[i + 1])) {
        take_value(*o, argv[++i]);
      } else {
        throw UsageError{fmt::format("{}: needs a value ({})", o->names.back(), o->def.value_name)};
      }
    }
  }
  check_conflicts();
  return Outcome::run;
}

std::string ArgParser::help() const {
  std::string out = description_;
  std::string shown = positionals_ ? fmt::format(" [{}...]", positional_name_) : fmt::format(" [{}]", positional_name_);
  out += fmt::format("\nUsage: {} [OPTIONS]{}\n", name_, positional_ || positionals_ ? shown : "");
  if (positional_ || positionals_) {
    out += "\nPositionals:\n";
    help_line(out, positional_name_, positional_help_);
  }
  out += "\nOptions:\n";
  for (const auto& o : options_) {
    std::string left = o.def.names;
    if (*o.def.value_name) left += std::string(" ") + o.def.value_name;
    help_line(out, left, o.def.help);
  }
  if (!examples_.empty()) {
    out += "\nExamples:\n";
    for (const auto& e : examples_) out += "  " + e + "\n";
  }
  out += '\n';
  return out;
}

completion::Command ArgParser::completion_command() const {
  completion::Command c{name_, description_, {}, {}, {}};
  for (const auto& o : options_)
    c.options.push_back(completion::make_word(o.names, o.set ? o.def.value_name : "", o.def.help, o.def.choices, false));
  if (positional_ || positionals_) c.positionals.push_back(completion::make_word({}, positional_name_, positional_help_, {}, false));
  return c;
}

std::string ArgParser::version() const { return fmt::format("{} {}", name_, syncmldm::kVersion); }

}  // namespace tools

namespace tools {

int run_main(ArgParser& parser, int argc, char** argv, const std::function<int()>& body) {
  if (completion::asked(argc, argv)) return completion::print_script(parser.completion_command(), argc, argv);
  try {
    switch (parser.parse(argc, argv)) {
      case ArgParser::Outcome::help:
        std::fputs(parser.help().c_str(), stdout);
        return kExitOk;
      case ArgParser::Outcome::version:
        std::fputs((parser.version() + "\n").c_str(), stdout);
        return kExitOk;
      case ArgParser::Outcome::run:
        break;
    }
  } catch (const ArgParser::UsageError& e) {
    print_error(parser.name(), e.message);
    print_error(parser.name(), fmt::format("try '{} --help' for more information", parser.name()));
    return kExitUsage;
  }
  return run_body(parser.name(), body);
}

}  // namespace tools
