#include "syncmldm/util/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "syncmldm/util/atomic_file.hpp"
#include "syncmldm/util/error.hpp"

namespace syncmldm {

StateLock::StateLock(const std::string& path, std::chrono::milliseconds timeout)
    : lock_path_(resolve_symlinks(path) + ".lock") {
  // Read access is enough for flock: a lock file another user created (and left 0644) still works.
  fd_ = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd_ < 0 && errno == EACCES) fd_ = ::open(lock_path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd_ < 0)
    throw Error(ErrorKind::io, std::string("cannot create the lock file ") + lock_path_ + ": " + std::strerror(errno),
                Location{path});
  // Polled rather than a blocking flock under an alarm: no signal handler to install, and the
  // wait ends on time even when the holder never lets go.
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto pause = std::chrono::milliseconds(2);
  for (;;) {
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
    int err = errno;
    if (err == EINTR) continue;
    if (err != EWOULDBLOCK) {
      ::close(fd_);
      throw Error(ErrorKind::io, std::string("cannot lock ") + lock_path_ + ": " + std::strerror(err), Location{path});
    }
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      ::close(fd_);
      throw Error(ErrorKind::io,
                  fmt::format("another process is updating this file ({} is locked); gave up after {:g} s", lock_path_,
                              static_cast<double>(timeout.count()) / 1000),
                  Location{path});
    }
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(pause, deadline - now));
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

StateLock::~StateLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the only descriptor releases the lock
}

}  // namespace syncmldm
