#pragma once
// Internal: large buffers (the input, the converted output) are touched once, page by page; on
// virtual machines each 4 KB page fault is expensive. Asking for transparent huge pages before the
// first touch turns thousands of faults into a few. Only a hint: without THP nothing changes.

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace syncmldm::detail {

inline constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;

inline void advise_huge_pages(const void* data, std::size_t size) {
  if (size < 2 * kHugePage) return;
  auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHugePage - 1) & ~(kHugePage - 1);
  auto end = (reinterpret_cast<std::uintptr_t>(data) + size) & ~(kHugePage - 1);
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

// A fresh read-write anonymous mapping of `size` bytes (a multiple of 2 MB) that starts on a 2 MB
// boundary and is advised as huge pages; nullptr when the kernel refuses. Unmap with munmap(p,
// size). 2 MB more is mapped, then what lies before the boundary and after the end given back.
inline char* map_huge_pages(std::size_t size) {
  void* m = ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return nullptr;
  auto base = reinterpret_cast<std::uintptr_t>(m);
  auto start = (base + kHugePage - 1) & ~(kHugePage - 1);
  if (start > base) ::munmap(m, start - base);
  if (base + kHugePage > start) ::munmap(reinterpret_cast<void*>(start + size), base + kHugePage - start);
  ::madvise(reinterpret_cast<void*>(start), size, MADV_HUGEPAGE);  // advice only
  return reinterpret_cast<char*>(start);
}

// An allocator for a buffer that may grow large (the encoder's output): a block of
// kHugeBlockMin bytes or more is a mapping of its own that starts on a 2 MB boundary and is
// advised as huge pages before anything touches it, so that filling it costs one fault per
// 2 MB instead of one per 4 KB (on this kind of virtual machine, over 10 microseconds each).
// Smaller blocks come from malloc. Stateless: any two compare equal.
inline constexpr std::size_t kHugeBlockMin = std::size_t{256} << 10;

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  static std::size_t mapped_size(std::size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

  T* allocate(std::size_t n) {
    if (n > std::size_t(-1) / sizeof(T) / 2) throw std::bad_alloc();
    std::size_t bytes = n * sizeof(T);
    if (bytes < kHugeBlockMin) {
      void* p = std::malloc(bytes);
      if (!p) throw std::bad_alloc();
      return static_cast<T*>(p);
    }
    char* p = map_huge_pages(mapped_size(bytes));
    if (!p) throw std::bad_alloc();
    return reinterpret_cast<T*>(p);
  }

  void deallocate(T* p, std::size_t n) noexcept {
    std::size_t bytes = n * sizeof(T);
    if (bytes < kHugeBlockMin) std::free(p);
    else ::munmap(p, mapped_size(bytes));
  }

  template <class U>
  bool operator==(const HugePageAllocator<U>&) const noexcept { return true; }
};

}  // namespace syncmldm::detail
