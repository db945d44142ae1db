#include "syncmldm/util/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "util/huge_pages.hpp"

namespace syncmldm {

namespace {

// `size` bytes of `fd` read into fresh huge pages (see huge_pages.hpp), with as much room again
// after them (see spare()); nullptr when that fails. `mapping` gets the length to unmap.
void* read_into_huge_pages(int fd, std::size_t size, std::size_t& mapping, std::size_t& got) {
  std::size_t length = detail::HugePageAllocator<char>::mapped_size(2 * size);
  char* data = detail::map_huge_pages(length);
  if (!data) return nullptr;
  got = 0;
  while (got < size) {  // a file that shrank meanwhile gives what it still has
    ssize_t n = ::read(fd, data + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::munmap(data, length);
      return nullptr;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  mapping = length;
  return data;
}

}  // namespace

std::optional<MappedFile> MappedFile::open(const std::string& path, std::size_t min_bytes, std::size_t max_bytes,
                                           Mode mode) {
  if (path == "-") return std::nullopt;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;  // read_file reports why
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
      static_cast<std::uint64_t>(st.st_size) < min_bytes || static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return std::nullopt;
  }
  auto size = static_cast<std::size_t>(st.st_size);
  if (size <= kReadLimit && mode == Mode::by_size) {
    std::size_t mapping = 0, got = 0;
    void* data = read_into_huge_pages(fd, size, mapping, got);
    ::close(fd);
    if (!data) return std::nullopt;
    if (got == 0) {
      ::munmap(data, mapping);
      return std::nullopt;  // emptied meanwhile: read_file tells
    }
    return MappedFile(data, got, mapping);
  }
  // Populated up front: one call instead of a page fault per few pages.
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (data == MAP_FAILED) return std::nullopt;
  return MappedFile(data, size, size);
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (data_) ::munmap(data_, mapping_);
    data_ = other.data_;
    size_ = other.size_;
    mapping_ = other.mapping_;
    other.data_ = nullptr;
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, mapping_);
}

}  // namespace syncmldm
