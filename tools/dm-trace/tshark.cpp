// tshark as a child process: its JSON on a pipe, its complaints in a temporary file (a full
// pipe on standard error would stall it while we read the other).
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "dm-trace/dm_trace.hpp"
#include "syncmldm/util/error.hpp"

extern char** environ;

namespace dm_trace {

using syncmldm::Error;
using syncmldm::ErrorKind;
using syncmldm::Location;

namespace {

class PipeSource : public syncmldm::trace::Source {
 public:
  PipeSource(int fd, std::string name) : Source(std::move(name)), fd_(fd) {}
  std::size_t read(char* buffer, std::size_t size) override {
    for (;;) {
      ssize_t n = ::read(fd_, buffer, size);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno == EINTR) continue;
      throw Error(ErrorKind::io, fmt::format("cannot read tshark's output: {}", std::strerror(errno)), Location{name()});
    }
  }

 private:
  int fd_;
};

}  // namespace

Tshark::Tshark(const std::string& pcap, const std::string& keylog, int port) : pcap_(pcap) {
  if (pcap == "-") throw Error(ErrorKind::usage, "a pcap capture must be a file for tshark to read, not standard input");
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw Error(ErrorKind::io, "cannot make a pipe for tshark", Location{pcap});
  errors_ = std::tmpfile();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  if (errors_) posix_spawn_file_actions_adddup2(&actions, ::fileno(errors_), STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<std::string> args = syncmldm::trace::tshark_arguments(pcap, keylog, port);
  std::vector<char*> argv;
  std::string program = "tshark";
  argv.push_back(program.data());
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  int rc = ::posix_spawnp(&pid, "tshark", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    if (rc == ENOENT) {
      throw Error(ErrorKind::input,
                  "reading a pcap needs tshark, which is not on PATH (Debian package 'tshark')", Location{pcap});
    }
    throw Error(ErrorKind::input, fmt::format("cannot run tshark: {}", std::strerror(rc)), Location{pcap});
  }
  pid_ = pid;
  out_ = fds[0];
  source_ = std::make_unique<PipeSource>(out_, pcap);
}

Tshark::~Tshark() {
  if (out_ >= 0) ::close(out_);
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  if (errors_) std::fclose(errors_);
}

void Tshark::wait() {
  if (out_ >= 0) {
    // Whatever is left unread would keep tshark blocked on a full pipe.
    char sink[65536];
    while (::read(out_, sink, sizeof sink) > 0) {
    }
    ::close(out_);
    out_ = -1;
  }
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  std::string said;
  if (errors_) {
    std::rewind(errors_);
    char line[512];
    while (std::fgets(line, sizeof line, errors_)) {
      std::string l = line;
      while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
      if (l.empty() || l.starts_with("Running as user")) continue;
      said += (said.empty() ? "" : "; ") + l;
      if (said.size() > 400) break;
    }
  }
  std::string how = WIFEXITED(status) ? fmt::format("exit status {}", WEXITSTATUS(status)) : "a signal";
  throw Error(ErrorKind::input, fmt::format("tshark failed ({}){}{}", how, said.empty() ? "" : ": ", said), Location{pcap_});
}

}  // namespace dm_trace
