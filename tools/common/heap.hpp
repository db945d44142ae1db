#pragma once
// Big inputs make many small allocations (a schema of 100,000 nodes, a package of 10,000
// commands), and each fresh 4 KB page of heap costs a page fault, which is expensive on virtual
// machines. reserve_heap grows the malloc heap once, in transparent huge pages, and keeps it:
// the same allocations then fault a few hundred times instead of tens of thousands. Only a hint
// (glibc with THP); elsewhere it does nothing.

#include <cstddef>
#include <string>
#include <vector>

namespace tools {

// Grows the heap by about `bytes` (up to 1 GiB; nothing under 8 MiB), advised for huge pages.
void reserve_heap(std::size_t bytes);
// Sum of the sizes of these regular files (folders: their files; others count 0).
std::size_t input_bytes(const std::vector<std::string>& paths);

}  // namespace tools
