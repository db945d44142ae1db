#include "app.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "options.hpp"
#include "run.hpp"
#include "suggest.hpp"
#include "syncmldm/version.hpp"

namespace tools {

void configure_app(CLI::App& app, const std::string& name) {
  app.name(name);
  app.set_version_flag("--version", fmt::format("{} {}", name, syncmldm::kVersion), "Print the version and exit");
  app.get_formatter()->column_width(34);
  add_global_color_option(app);
}

void examples(CLI::App& app, const std::vector<std::string>& lines) {
  std::string text = "\nExamples:\n";
  for (const auto& line : lines) text += "  " + line + "\n";
  app.footer(text);
}

namespace {

// The subcommand the command line had reached (the app itself when none).
CLI::App* reached(CLI::App& app) {
  CLI::App* at = &app;
  for (;;) {
    auto subs = at->get_subcommands();
    if (subs.empty()) return at;
    at = subs.back();
  }
}

// "dm-tree apply": the command as the user types it.
std::string command_path(CLI::App* at) {
  std::string path = at->get_name();
  for (CLI::App* p = at->get_parent(); p; p = p->get_parent()) path = p->get_name() + " " + path;
  return path;
}

// What CLI11 could not place, told by its token, with the nearest option or subcommand.
std::string explain_extras(CLI::App& app, CLI::App* at) {
  std::vector<std::string> options, subcommands;
  for (CLI::App* a = at; a; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      for (const auto& n : o->get_lnames()) options.push_back("--" + n);
      for (const auto& n : o->get_snames()) options.push_back("-" + n);
    }
    if (a != at) continue;
    for (const CLI::App* s : a->get_subcommands({})) subcommands.push_back(s->get_name());
  }
  std::vector<std::string> told, stray;
  for (const auto& token : app.remaining(true)) {
    std::string name = token.substr(0, token.find('='));
    if (token.size() > 1 && token[0] == '-') {
      told.push_back("unknown option " + name + did_you_mean(name, options));
    } else if (!subcommands.empty() && at->get_subcommands().empty() && told.empty()) {
      // The words after it were meant for that subcommand.
      return "unknown subcommand '" + token + "'" + did_you_mean(token, subcommands);
    } else {
      stray.push_back("unexpected argument '" + token + "'");
    }
  }
  // A stray word after an unknown option is most likely that option's value: not told.
  if (told.empty()) told = std::move(stray);
  std::string out;
  for (const auto& t : told) out += (out.empty() ? "" : "; ") + t;
  return out;
}

}  // namespace

int run_main(CLI::App& app, int argc, char** argv, const std::function<int()>& body) {
  const std::string name = app.get_name();
  if (completion::asked(argc, argv)) return completion::print_script(completion_command(app), argc, argv);
  // Help and version text are output like any other: a full disk or a closed pipe is exit 3.
  auto print = [&](const std::string& text) {
    return run_body(name, [&] {
      std::fputs(text.c_str(), stdout);
      return static_cast<int>(kExitOk);
    });
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return print(app.help());
  } catch (const CLI::CallForAllHelp&) {
    return print(app.help("", CLI::AppFormatMode::All));
  } catch (const CLI::CallForVersion& e) {
    return print(std::string(e.what()) + "\n");
  } catch (const CLI::ParseError& e) {
    // The help to point to is the subcommand's, when the error is in one (dm-tree apply --help).
    CLI::App* at = reached(app);
    std::string message = e.what();
    // Tokens CLI11 could not place: named, with the nearest option or subcommand. (A missing
    // subcommand with a stray word is a mistyped subcommand.)
    bool no_subcommand = at == &app && !app.get_subcommands({}).empty() && dynamic_cast<const CLI::RequiredError*>(&e);
    if (dynamic_cast<const CLI::ExtrasError*>(&e) || (no_subcommand && !app.remaining(true).empty())) {
      if (std::string told = explain_extras(app, at); !told.empty()) message = told;
    }
    print_error(name, message);
    print_error(name, fmt::format("try '{} --help' for more information", command_path(at)));
    return kExitUsage;
  }
  return run_body(name, [&] {
    // Tools may check their options further once parsed (CLI11 errors): still a usage error.
    try {
      return body();
    } catch (const CLI::ParseError& e) {
      print_error(name, e.what());
      return static_cast<int>(kExitUsage);
    }
  });
}

}  // namespace tools
