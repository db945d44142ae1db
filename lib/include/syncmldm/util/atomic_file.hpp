#pragma once
// Writing a file so that readers see the old content or the new, never a half-written mix:
// a temporary file in the same folder, flushed to disk, then renamed over the target.

#include <string>
#include <string_view>
#include <vector>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm {

struct FileWriteOptions {
  // The file holds secrets (a DM account's credentials, a nonce): a new file is created at most
  // 0600. Otherwise a new file gets 0666 less the umask. A replaced file keeps its mode either way.
  bool secret = false;
};

// Throws Error{ErrorKind::io} naming the file when any step fails; the target is untouched then.
void write_file_atomically(const std::string& path, std::string_view data, const FileWriteOptions& options = {});

// The same promise for output written in pieces, so that it need not be gathered in memory
// first: the pieces go to the temporary file, and commit() flushes it and renames it over the
// target. Destroyed without commit() (an error on the way), the writer removes the temporary
// and the target is untouched. A device or pipe (/dev/null, /dev/stdout) is written in place,
// piece by piece. Every failure throws Error{ErrorKind::io} naming the target.
class AtomicFileWriter {
 public:
  // A symbolic link is followed (see resolve_symlinks): the file it points to is replaced, in its
  // own folder, and the link stays.
  explicit AtomicFileWriter(std::string path, const FileWriteOptions& options = {});
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter();

  void write(std::string_view data);
  void commit();
  // The temporary file being written; nullptr when written in place or once committed.
  const char* temp_path() const { return temp_.empty() ? nullptr : temp_.c_str(); }

 private:
  std::string path_;  // the file replaced: symbolic links followed
  std::string shown_; // the name given, for messages
  std::string temp_;  // empty when written in place, or once renamed
  int fd_ = -1;
};

// The file `path` names once symbolic links are followed (relative targets from the link's
// folder, dangling ones included), so that it can be replaced in place. Anything else, a path
// that is not a link among them, is returned unchanged. Error{io} for a loop of links.
std::string resolve_symlinks(const std::string& path);

// True when `path` is an existing regular file with no write permission bit set, or one this
// process may not write: an editor refuses to replace it without being forced.
bool is_read_only_file(const std::string& path);

// Temporary files of earlier writers of `path` (named ".NAME.tmp-PID-XXXXXX" beside it) that
// were killed before renaming: those of this user whose process is gone or that have not been
// written for an hour are removed; their names are returned. Other files are never touched.
std::vector<std::string> remove_stale_temporaries(const std::string& path);

// Reads a whole file ("-" reads standard input). Refuses inputs larger than max_bytes.
// Throws Error{ErrorKind::io} naming the file.
std::string read_file(const std::string& path, std::size_t max_bytes = std::size_t{1} << 31);

}  // namespace syncmldm
SYNCMLDM_API_END
