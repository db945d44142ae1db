#pragma once
// A large regular file in memory, in whichever of two ways is cheaper for its size:
// - up to kReadLimit, read into a fresh mapping of huge pages. A mapping of the file itself
//   shares the page cache, but in 4 KB pages: on a virtual machine a TLB miss goes through two
//   levels of page tables, and mapping, reading and unmapping a cached 1 MB file took
//   0.55-0.75 ms where reading it into a huge page, going over it twice and unmapping it took
//   0.3-0.5 ms;
// - beyond it, mapped read-only: for a file of many megabytes, clearing and filling fresh
//   memory costs about as much as those misses (a 20 MB message was not read faster), and the
//   page cache stays shared instead of being copied into the process.
//
// A file read into memory gets as many bytes again of writable room after its content, in the
// same mapping (spare()): a caller may write an output about the input's size there instead of
// asking the kernel for fresh memory, which it must clear first (the encoder does). Room that is
// never written is never faulted in and costs nothing.
//
// A mapped file that another process truncates while it is being read raises SIGBUS on the
// next access of the vanished pages; a program that maps files installs a handler for it (the
// project's tools turn it into an input error). A file read whole is not affected.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "syncmldm/util/export.hpp"
SYNCMLDM_API_BEGIN
namespace syncmldm {

class MappedFile {
 public:
  // Brings in `path` when it is a regular file of at least min_bytes and at most max_bytes; nullopt
  // otherwise (stdin, pipes, small or empty files, any failure): read it instead.
  // How: by its size as above, or always mapped read-only (for a reader that goes over its input
  // once and writes nothing after it, like the WBXML decoder: there the copy into fresh memory
  // cost more than the page-table misses it saves, from half a megabyte of WBXML up).
  enum class Mode { by_size, mapped };
  static std::optional<MappedFile> open(const std::string& path, std::size_t min_bytes, std::size_t max_bytes,
                                        Mode mode = Mode::by_size);

  static constexpr std::size_t kReadLimit = std::size_t{8} << 20;

  MappedFile(MappedFile&& other) noexcept : data_(other.data_), size_(other.size_), mapping_(other.mapping_) {
    other.data_ = nullptr;
  }
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
  // Writable room after bytes(), owned by this object (empty for a file mapped read-only).
  std::span<char> spare() { return {static_cast<char*>(data_) + size_, mapping_ - size_}; }

 private:
  MappedFile(void* data, std::size_t size, std::size_t mapping) : data_(data), size_(size), mapping_(mapping) {}
  void* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t mapping_ = 0;  // length of the mapping, for munmap; == size_ for a file mapped read-only
};

}  // namespace syncmldm
SYNCMLDM_API_END
