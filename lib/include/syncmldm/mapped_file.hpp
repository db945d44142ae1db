#pragma once
// A large regular file mapped read-only instead of read into memory. Reading copies every byte
// into freshly allocated memory, which the kernel must first clear; for a message of many
// megabytes that costs as much as converting it. A mapping shares the page cache instead.
//
// A mapped file that another process truncates while it is being read raises SIGBUS on the
// next access of the vanished pages; programs that map files install a handler for it (see
// on_truncation_signal).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace syncmldm {

class MappedFile {
 public:
  // Maps `path` when it is a regular file of at least min_bytes and at most max_bytes; nullopt
  // otherwise (stdin, pipes, small or empty files, any failure): read it instead.
  static std::optional<MappedFile> open(const std::string& path, std::size_t min_bytes, std::size_t max_bytes);

  MappedFile(MappedFile&& other) noexcept : data_(other.data_), size_(other.size_) { other.data_ = nullptr; }
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace syncmldm
