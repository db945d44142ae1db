#include "heap.hpp"

#include <sys/mman.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>

namespace tools {

void reserve_heap(std::size_t bytes) {
#if defined(__GLIBC__)
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  constexpr std::size_t kProbe = std::size_t{4} << 20;
  if (bytes < 4 * kHuge) return;
  bytes = std::min(bytes, std::size_t{1} << 30);
  // Blocks up to 32 MB come from the heap rather than mappings of their own, and freed memory
  // stays in the heap.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(std::min<std::size_t>(2 * bytes, std::size_t{1} << 30)));
  // One block larger than what a young heap has free makes malloc grow it by the block plus the
  // pad, in one step, writing only the header of the free rest: the pages after that are still
  // untouched, so the advice applies to them before their first fault.
  mallopt(M_TOP_PAD, static_cast<int>(bytes));
  void* probe = std::malloc(kProbe);
  mallopt(M_TOP_PAD, 128 << 10);
  if (!probe) return;
  auto begin = (reinterpret_cast<std::uintptr_t>(probe) + kProbe + 4096 + kHuge - 1) & ~(kHuge - 1);
  auto end = reinterpret_cast<std::uintptr_t>(::sbrk(0)) & ~(kHuge - 1);
  // Only when the block did come from the heap just grown (not from a mapping, as with another
  // allocator such as a sanitizer's).
  if (end > begin && end - begin <= bytes + kProbe)
    ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  std::free(probe);
#else
  (void)bytes;
#endif
}

std::size_t input_bytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::size_t total = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-") continue;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.is_regular_file(ec)) total += static_cast<std::size_t>(e.file_size(ec));
    } else if (fs::is_regular_file(p, ec)) {
      auto size = fs::file_size(p, ec);
      if (!ec) total += static_cast<std::size_t>(size);
    }
  }
  return total;
}

}  // namespace tools
