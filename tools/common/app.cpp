#include "app.hpp"

#include <cstdio>
#include <new>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "options.hpp"
#include "syncmldm/error.hpp"
#include "syncmldm/version.hpp"

namespace tools {

void configure_app(CLI::App& app, const std::string& name) {
  app.name(name);
  app.set_version_flag("--version", fmt::format("{} {}", name, syncmldm::kVersion), "Print the version and exit");
  app.get_formatter()->column_width(34);
}

void print_error(std::string_view name, std::string_view message) {
  std::fflush(stdout);
  fmt::print(stderr, "{}: {}\n", name, message);
}

void print_note(std::string_view name, std::string_view message) {
  if (verbosity() < 0) return;
  print_error(name, message);
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
  try {
    int code = body();
    if (std::fflush(stdout) != 0) {
      print_error(name, "cannot write to standard output");
      return kExitInput;
    }
    return code;
  } catch (const syncmldm::Error& e) {
    print_error(name, e.describe());
    return exit_code_for(e.kind());
  } catch (const CLI::ParseError& e) {
    print_error(name, e.what());
    return kExitUsage;
  } catch (const std::bad_alloc&) {
    print_error(name, "out of memory");
    return kExitInput;
  } catch (const std::exception& e) {
    print_error(name, fmt::format("internal error: {}", e.what()));
    return kExitInput;
  }
}

}  // namespace tools
