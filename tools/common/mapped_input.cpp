#include "mapped_input.hpp"

#include <signal.h>
#include <unistd.h>

#include <cstring>

#include "exit_codes.hpp"

namespace tools {

namespace {

// Built before the handler is installed: a signal handler may only write() and _exit().
std::string g_truncated_message;
const char* volatile g_remove_path = nullptr;

extern "C" void on_sigbus(int) {
  if (const char* path = g_remove_path) ::unlink(path);
  ssize_t ignored = ::write(STDERR_FILENO, g_truncated_message.data(), g_truncated_message.size());
  (void)ignored;
  ::_exit(kExitInput);
}

}  // namespace

syncmldm::input::Loaded load_mapped_input(std::string_view tool, const std::string& path,
                                          syncmldm::input::Format forced, syncmldm::input::Utf8Scan scan,
                                          syncmldm::MappedFile::Mode mode) {
  g_truncated_message = std::string(tool) + ": " + path + ": the file changed size while being read\n";
  struct sigaction sa {};
  sa.sa_handler = on_sigbus;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGBUS, &sa, nullptr);
  return syncmldm::input::load_mapped(path, forced, scan, mode);
}

void remove_on_truncated_input(const char* path) noexcept { g_remove_path = path; }

}  // namespace tools
