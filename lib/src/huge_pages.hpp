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

// Faults in the pages of [data, data + size) with one call, before they are written: on virtual
// machines a page fault per 4 KB page costs several microseconds, more than clearing the page.
// For buffers about to be filled (not for reserves that may stay unused: every page counts in
// the resident size). Only a hint: kernels before 5.14 ignore it.
inline void prefault(const void* data, std::size_t size) {
#ifdef MADV_POPULATE_WRITE
  constexpr std::uintptr_t kPage = 4096;
  auto begin = (reinterpret_cast<std::uintptr_t>(data) + kPage - 1) & ~(kPage - 1);
  auto end = (reinterpret_cast<std::uintptr_t>(data) + size) & ~(kPage - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#else
  (void)data;
  (void)size;
#endif
}

}  // namespace syncmldm::detail
