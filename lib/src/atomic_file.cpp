#include "syncmldm/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

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

AtomicFileWriter::AtomicFileWriter(std::string path) : path_(std::move(path)) {
  // A device or pipe (-o /dev/null, -o /dev/stdout) is written in place: renaming over it would
  // replace the device node with a regular file.
  struct stat existing {};
  bool exists = ::stat(path_.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode) && !S_ISDIR(existing.st_mode)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) fail(path_, "cannot open", errno);
    return;
  }
  temp_ = path_ + ".tmp.XXXXXX";
  fd_ = ::mkstemp(temp_.data());
  if (fd_ < 0) fail(path_, "cannot create a temporary file beside it", errno);
  // Keep the permissions of the file being replaced, or the usual 0644 for a new one.
  ::fchmod(fd_, exists ? (existing.st_mode & 07777) : 0644);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFileWriter::write(std::string_view data) {
  if (fd_ < 0) throw Error(ErrorKind::io, "cannot write: already closed", Location{path_});
  write_all(fd_, data, path_);
}

void AtomicFileWriter::commit() {
  if (fd_ < 0) throw Error(ErrorKind::io, "cannot write: already closed", Location{path_});
  if (!temp_.empty() && ::fsync(fd_) != 0) fail(path_, "cannot flush", errno);
  int closed = ::close(fd_);
  int err = errno;
  fd_ = -1;
  if (closed != 0) fail(path_, "cannot write", err);
  if (temp_.empty()) return;
  if (::rename(temp_.c_str(), path_.c_str()) != 0) fail(path_, "cannot replace", errno);
  temp_.clear();  // renamed: nothing to remove
}

void write_file_atomically(const std::string& path, std::string_view data) {
  AtomicFileWriter file(path);
  file.write(data);
  file.commit();
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
    // A regular file is read straight into the string, with one byte more: the read that finds
    // its end needs room.
    data.reserve(static_cast<std::size_t>(st.st_size) + 1);
    detail::advise_huge_pages(data.data(), data.capacity());
    data.resize(static_cast<std::size_t>(st.st_size) + 1);
  }
  std::unique_ptr<char[]> chunk;  // for standard input, pipes and files that grew
  constexpr std::size_t kChunk = std::size_t{1} << 16;
  for (;;) {
    // Into the presized string first, then through a chunk appended to it.
    bool direct = filled < data.size();
    if (!direct && !chunk) chunk = std::make_unique_for_overwrite<char[]>(kChunk);
    char* into = direct ? data.data() + filled : chunk.get();
    std::size_t room = direct ? data.size() - filled : kChunk;
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
      data.append(chunk.get(), static_cast<std::size_t>(n));
    }
    filled += static_cast<std::size_t>(n);
  }
  data.resize(filled);
  if (!is_stdin) ::close(fd);
  return data;
}

}  // namespace syncmldm
