#pragma once
// An advisory lock for a read-modify-write of a file (a DM tree state): two processes that
// update one state one after the other, never both from the same old content.

#include <chrono>
#include <string>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm {

// Locks "FILE.lock" beside the file (symbolic links followed first, so every name of one file
// shares one lock) with flock(2). Not the file itself: it is replaced by a rename, and a lock on
// the old inode would not stop a process that opens the new one. The lock file is created when
// missing and left in place (removing it would let a third process lock a fresh inode while the
// second still waits on the old one). The lock goes with the object, or with the process.
class StateLock {
 public:
  // Waits up to `timeout` for a lock held by another process, then throws Error{ErrorKind::io}
  // naming the file; also when the lock file cannot be created.
  StateLock(const std::string& path, std::chrono::milliseconds timeout);
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;
  ~StateLock();

  const std::string& lock_path() const { return lock_path_; }

 private:
  std::string lock_path_;
  int fd_ = -1;
};

}  // namespace syncmldm
SYNCMLDM_API_END
