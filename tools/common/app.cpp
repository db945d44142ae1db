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
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::fputs(app.help("", CLI::AppFormatMode::All).c_str(), stdout);
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    fmt::print("{}\n", e.what());
    return kExitOk;
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
