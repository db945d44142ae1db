#include "syncmldm/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "huge_pages.hpp"
#include "syncmldm/error.hpp"

namespace syncmldm {

namespace {
[[noreturn]] void fail(const std::string& path, const std::string& what, int err) {
  throw Error(ErrorKind::io, what + ": " + std::strerror(err), Location{path});
}

void write_all(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path, "cannot write", errno);
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}
}  // namespace

void write_file_atomically(const std::string& path, std::string_view data) {
  // A device or pipe (-o /dev/null, -o /dev/stdout) is written in place: renaming over it would
  // replace the device node with a regular file.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode) && !S_ISDIR(existing.st_mode)) {
    int out = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (out < 0) fail(path, "cannot open", errno);
    try {
      write_all(out, data, path);
    } catch (...) {
      ::close(out);
      throw;
    }
    ::close(out);
    return;
  }
  std::string temp = path + ".tmp.XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(path, "cannot create a temporary file beside it", errno);
  try {
    // Keep the permissions of the file being replaced, or the usual 0644 for a new one.
    struct stat st {};
    mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    ::fchmod(fd, mode);
    write_all(fd, data, path);
    if (::fsync(fd) != 0) fail(path, "cannot flush", errno);
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    fail(path, "cannot write", err);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    fail(path, "cannot replace", err);
  }
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  bool is_stdin = path == "-";
  int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot open", errno);
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw Error(ErrorKind::io, "is a directory", Location{path});
  }
  std::string data;
  std::size_t filled = 0;
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) <= max_bytes) {
    // Read a regular file straight into the string (one more byte: room for a terminator).
    data.reserve(static_cast<std::size_t>(st.st_size) + 1);
    detail::advise_huge_pages(data.data(), data.capacity());
    data.resize(static_cast<std::size_t>(st.st_size));
  }
  char chunk[1 << 16];
  for (;;) {
    // Into the presized string first, then (stdin, pipes, growing files) through a chunk.
    bool direct = filled < data.size();
    char* into = direct ? data.data() + filled : chunk;
    std::size_t room = direct ? data.size() - filled : sizeof chunk;
    ssize_t n = ::read(fd, into, room);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      if (!is_stdin) ::close(fd);
      fail(path, "cannot read", err);
    }
    if (filled + static_cast<std::size_t>(n) > max_bytes) {
      if (!is_stdin) ::close(fd);
      throw Error(ErrorKind::input, "input larger than " + std::to_string(max_bytes) + " bytes", Location{path});
    }
    if (!direct) {
      data.resize(filled);
      data.append(chunk, static_cast<std::size_t>(n));
    }
    filled += static_cast<std::size_t>(n);
  }
  data.resize(filled);
  if (!is_stdin) ::close(fd);
  return data;
}

}  // namespace syncmldm
