#pragma once
// Writing a file so that readers see the old content or the new, never a half-written mix:
// a temporary file in the same folder, flushed to disk, then renamed over the target.

#include <string>
#include <string_view>

namespace syncmldm {

// Throws Error{ErrorKind::io} naming the file when any step fails; the target is untouched then.
void write_file_atomically(const std::string& path, std::string_view data);

// The same promise for output written in pieces, so that it need not be gathered in memory
// first: the pieces go to the temporary file, and commit() flushes it and renames it over the
// target. Destroyed without commit() (an error on the way), the writer removes the temporary
// and the target is untouched. A device or pipe (/dev/null, /dev/stdout) is written in place,
// piece by piece. Every failure throws Error{ErrorKind::io} naming the target.
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(std::string path);
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter();

  void write(std::string_view data);
  void commit();
  // The temporary file being written; nullptr when written in place or once committed.
  const char* temp_path() const { return temp_.empty() ? nullptr : temp_.c_str(); }

 private:
  std::string path_;
  std::string temp_;  // empty when written in place, or once renamed
  int fd_ = -1;
};

// Reads a whole file ("-" reads standard input). Refuses inputs larger than max_bytes.
// Throws Error{ErrorKind::io} naming the file.
std::string read_file(const std::string& path, std::size_t max_bytes = std::size_t{1} << 31);

}  // namespace syncmldm
