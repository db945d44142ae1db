#pragma once
// Internal: large buffers (the input, the converted output) are touched once, page by page; on
// virtual machines each 4 KB page fault is expensive. Asking for transparent huge pages before the
// first touch turns thousands of faults into a few. Only a hint: without THP nothing changes.

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace syncmldm::detail {

inline void advise_huge_pages(const void* data, std::size_t size) {
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  if (size < 2 * kHuge) return;
  auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  auto end = (reinterpret_cast<std::uintptr_t>(data) + size) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

}  // namespace syncmldm::detail
