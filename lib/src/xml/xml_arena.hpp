#pragma once
// Big allocations for large documents: the in-place copy of the text and RapidXML's node pool.
// They come from mmap'ed chunks advised for transparent huge pages, because a 20 MB message
// would otherwise take some 10 000 page faults, which cost more than parsing it.

#include <cstddef>
#include <vector>

namespace syncmldm::xml::detail {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  // 16-byte aligned memory that lives as long as the arena. Throws std::bad_alloc.
  void* allocate(std::size_t size);

  // RapidXML pool hooks (memory_pool::set_allocator takes plain functions): they allocate from
  // the arena made current by a Scope on this thread, and from malloc outside any Scope.
  static void* pool_allocate(std::size_t size);
  static void pool_free(void* pointer);
  class Scope {
   public:
    explicit Scope(Arena& arena);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Arena* previous_;
  };

 private:
  struct Chunk {
    void* mapping;
    std::size_t mapped;
  };
  std::vector<Chunk> chunks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace syncmldm::xml::detail
