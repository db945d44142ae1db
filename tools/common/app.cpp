#include "app.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "run.hpp"
#include "syncmldm/version.hpp"

namespace tools {

void configure_app(CLI::App& app, const std::string& name) {
  app.name(name);
  app.set_version_flag("--version", fmt::format("{} {}", name, syncmldm::kVersion), "Print the version and exit");
  app.get_formatter()->column_width(34);
}

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
    print_error(name, e.what());
    print_error(name, fmt::format("try '{} --help' for more information", name));
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
