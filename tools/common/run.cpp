#include "run.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "messages.hpp"
#include "syncmldm/util/error.hpp"

namespace tools {

int run_body(std::string_view name, const std::function<int()>& body) {
  try {
    int code = body();
    // ferror too: a write that failed earlier may have left nothing for fflush to fail on.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      print_error(name, "cannot write to standard output");
      return kExitInput;
    }
    return code;
  } catch (const syncmldm::Error& e) {
    print_error(name, e.describe());
    return exit_code_for(e.kind());
  } catch (const std::bad_alloc&) {
    print_error(name, "out of memory");
    return kExitInput;
  } catch (const std::exception& e) {
    print_error(name, fmt::format("internal error: {}", e.what()));
    return kExitInput;
  }
}

void exit_now(std::string_view name, int code) {
  if (std::fflush(stdout) != 0 && code == kExitOk) {
    print_error(name, "cannot write to standard output");
    code = kExitInput;
  }
#if defined(__SANITIZE_ADDRESS__)
  std::exit(code);  // sanitizer builds: LeakSanitizer checks for leaks in exit()
#else
  std::_Exit(code);
#endif
}

}  // namespace tools
