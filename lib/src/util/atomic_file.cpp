#include "syncmldm/util/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "util/huge_pages.hpp"
#include "syncmldm/util/error.hpp"

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

namespace {

std::pair<std::string, std::string> split_dir(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return {".", path};
  return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

std::string temp_prefix(const std::string& base) { return "." + base + ".tmp-"; }

// Six random name characters for a temporary file (collisions are retried by O_EXCL).
std::string random_suffix() {
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char bytes[6] = {};
  if (::getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    auto t = static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count());
    for (auto& b : bytes) b = static_cast<unsigned char>(t >>= 7);
  }
  std::string s;
  for (unsigned char b : bytes) s.push_back(kChars[b % (sizeof kChars - 1)]);
  return s;
}

}  // namespace

std::string resolve_symlinks(const std::string& path) {
  std::string current = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return current;
    std::string target(static_cast<std::size_t>(PATH_MAX), '\0');
    ssize_t n = ::readlink(current.c_str(), target.data(), target.size());
    if (n < 0) fail(path, "cannot read the symbolic link", errno);
    if (static_cast<std::size_t>(n) == target.size()) fail(path, "cannot follow the symbolic link", ENAMETOOLONG);
    target.resize(static_cast<std::size_t>(n));
    if (target.empty()) return current;
    if (target.front() != '/') {
      auto [dir, _] = split_dir(current);
      target = dir + "/" + target;
    }
    current = std::move(target);
  }
  fail(path, "cannot follow the symbolic link", ELOOP);
}

bool is_read_only_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  // The mode bits first: the superuser may write anything, but a file marked read-only is still
  // meant to stay as it is.
  return (st.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0;
}

std::vector<std::string> remove_stale_temporaries(const std::string& path) {
  std::vector<std::string> removed;
  auto [dir, base] = split_dir(resolve_symlinks(path));
  if (base.empty()) return removed;
  std::string prefix = temp_prefix(base);
  DIR* d = ::opendir(dir.c_str());
  if (!d) return removed;
  std::time_t now = std::time(nullptr);
  while (const dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name.substr(0, prefix.size()) != prefix) continue;
    // PID-XXXXXX exactly, as the writer names them
    std::string_view rest = name.substr(prefix.size());
    auto dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash > 10 || rest.size() != dash + 7) continue;
    if (rest.substr(0, dash).find_first_not_of("0123456789") != std::string_view::npos) continue;
    if (rest.substr(dash + 1).find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") !=
        std::string_view::npos)
      continue;
    std::string full = dir + "/" + std::string(name);
    struct stat st {};
    if (::lstat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) continue;
    long pid = std::strtol(std::string(rest.substr(0, dash)).c_str(), nullptr, 10);
    if (pid == ::getpid()) continue;
    bool writer_gone = pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH);
    bool old = now - st.st_mtime >= 3600;
    if ((writer_gone || old) && ::unlink(full.c_str()) == 0) removed.push_back(full);
  }
  ::closedir(d);
  return removed;
}

AtomicFileWriter::AtomicFileWriter(std::string path, const FileWriteOptions& options)
    : path_(resolve_symlinks(path)), shown_(std::move(path)) {
  // A device or pipe (-o /dev/null, -o /dev/stdout) is written in place: renaming over it would
  // replace the device node with a regular file.
  struct stat existing {};
  bool exists = ::stat(path_.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode) && !S_ISDIR(existing.st_mode)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) fail(shown_, "cannot open", errno);
    return;
  }
  // The temporary is named after the target and this process, so that a later writer can tell a
  // leftover of a killed one (remove_stale_temporaries). Created by open() with 0666 (0600 for
  // secrets), the umask applies as to any new file.
  auto [dir, base] = split_dir(path_);
  std::string prefix = (dir == "/" ? "" : dir) + "/" + temp_prefix(base) + std::to_string(::getpid()) + "-";
  for (int attempt = 0; fd_ < 0; ++attempt) {
    temp_ = prefix + random_suffix();
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, options.secret ? 0600 : 0666);
    if (fd_ < 0 && (errno != EEXIST || attempt > 100)) {
      int err = errno;
      temp_.clear();
      fail(shown_, "cannot create a temporary file beside it", err);
    }
  }
  // A replaced file keeps its permissions (and its group, where this user may set it).
  if (exists) {
    if (existing.st_gid != ::getegid()) (void)!::fchown(fd_, static_cast<uid_t>(-1), existing.st_gid);
    ::fchmod(fd_, existing.st_mode & 07777);
  }
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFileWriter::write(std::string_view data) {
  if (fd_ < 0) throw Error(ErrorKind::io, "cannot write: already closed", Location{shown_});
  write_all(fd_, data, shown_);
}

void AtomicFileWriter::commit() {
  if (fd_ < 0) throw Error(ErrorKind::io, "cannot write: already closed", Location{shown_});
  if (!temp_.empty() && ::fsync(fd_) != 0) fail(shown_, "cannot flush", errno);
  int closed = ::close(fd_);
  int err = errno;
  fd_ = -1;
  if (closed != 0) fail(shown_, "cannot write", err);
  if (temp_.empty()) return;
  if (::rename(temp_.c_str(), path_.c_str()) != 0) fail(shown_, "cannot replace", errno);
  temp_.clear();  // renamed: nothing to remove
}

void write_file_atomically(const std::string& path, std::string_view data, const FileWriteOptions& options) {
  AtomicFileWriter file(path, options);
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
