#include "xml/xml_arena.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

namespace syncmldm::xml::detail {

namespace {
constexpr std::size_t kHugePage = 2u << 20;
constexpr std::size_t kChunk = 8u << 20;
// Pool blocks carry a tag in front so that pool_free knows who owns them.
constexpr std::size_t kTag = 16;
thread_local Arena* t_current = nullptr;

std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }
}  // namespace

Arena::~Arena() {
  for (const auto& c : chunks_) ::munmap(c.mapping, c.mapped);
}

void* Arena::allocate(std::size_t size) {
  size = round_up(size == 0 ? 1 : size, 16);
  if (size > left_) {
    std::size_t usable = std::max(kChunk, round_up(size, kHugePage));
    // One huge page more than needed, so that the usable part can start on a 2 MB boundary.
    std::size_t mapped = usable + kHugePage;
    void* m = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) throw std::bad_alloc();
    chunks_.push_back({m, mapped});
    auto start = round_up(reinterpret_cast<std::uintptr_t>(m), kHugePage);
    next_ = reinterpret_cast<char*>(start);
    left_ = usable;
    ::madvise(next_, usable, MADV_HUGEPAGE);  // advice only: failure just means small pages
  }
  void* p = next_;
  next_ += size;
  left_ -= size;
  return p;
}

void* Arena::pool_allocate(std::size_t size) {
  char* p = t_current ? static_cast<char*>(t_current->allocate(size + kTag)) : static_cast<char*>(std::malloc(size + kTag));
  if (!p) throw std::bad_alloc();
  p[0] = t_current ? 1 : 0;
  return p + kTag;
}

void Arena::pool_free(void* pointer) {
  char* p = static_cast<char*>(pointer) - kTag;
  if (p[0] == 0) std::free(p);  // arena memory goes with its arena
}

Arena::Scope::Scope(Arena& arena) : previous_(t_current) { t_current = &arena; }
Arena::Scope::~Scope() { t_current = previous_; }

}  // namespace syncmldm::xml::detail
