#pragma once
// Internal: the encoder's output buffer. A std::string's push_back was not inlined and cost a
// call per token byte; here the common case (room left) is two instructions. Memory comes from
// HugePageAllocator: a large buffer lies in huge pages (see huge_pages.hpp), unless the caller
// lends memory of its own to start with (use()).

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <utility>

#include "util/huge_pages.hpp"

namespace syncmldm::detail {

class ByteBuffer {
 public:
  ByteBuffer() = default;
  ByteBuffer(ByteBuffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)),
        owned_(std::exchange(other.owned_, true)) {}
  ByteBuffer& operator=(ByteBuffer&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
    std::swap(owned_, other.owned_);
    return *this;
  }
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;
  ~ByteBuffer() { release(); }

  // Writes into `storage`, lent by the caller and never freed here, until it is full; then into
  // memory of its own, as usual. What was written so far is dropped.
  void use(char* storage, std::size_t capacity) {
    release();
    data_ = storage;
    size_ = 0;
    capacity_ = capacity;
    owned_ = false;
  }

  char* data() { return data_; }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }
  char& operator[](std::size_t i) { return data_[i]; }
  char operator[](std::size_t i) const { return data_[i]; }
  operator std::string_view() const { return {data_, size_}; }

  void reserve(std::size_t capacity) {
    if (capacity > capacity_) reallocate(capacity);
  }
  [[gnu::always_inline]] void push_back(char c) {
    if (size_ == capacity_) reallocate(capacity_ * 2 + 64);
    data_[size_++] = c;
  }
  [[gnu::always_inline]] void append(const char* bytes, std::size_t n) {
    if (capacity_ - size_ < n) reallocate(std::max(capacity_ * 2, size_ + n));
    if (n) std::memcpy(data_ + size_, bytes, n);
    size_ += n;
  }
  void append(std::string_view s) { append(s.data(), s.size()); }
  // Room for `n` more bytes, counted in size() already, for the caller to write at the pointer
  // returned (valid until the buffer grows again).
  [[gnu::always_inline]] char* extend(std::size_t n) {
    if (capacity_ - size_ < n) reallocate(std::max(capacity_ * 2, size_ + n));
    char* at = data_ + size_;
    size_ += n;
    return at;
  }
  // Back to `n` bytes (n <= size()): room taken with extend() and not written is given back.
  void truncate(std::size_t n) { size_ = n; }
  // Drops the first `n` bytes (n <= size()); the rest moves to the front.
  void erase_front(std::size_t n) {
    if (size_ > n) std::memmove(data_, data_ + n, size_ - n);
    size_ -= n;
  }
  // Puts `s` before the byte at `at` (at <= size()).
  void insert(std::size_t at, std::string_view s) {
    append(s);  // room, and the size it ends with
    std::memmove(data_ + at + s.size(), data_ + at, size_ - s.size() - at);
    std::memcpy(data_ + at, s.data(), s.size());
  }

 private:
  [[gnu::noinline]] void reallocate(std::size_t capacity) {
    char* fresh = HugePageAllocator<char>().allocate(capacity);
    if (size_) std::memcpy(fresh, data_, size_);
    release();
    data_ = fresh;
    capacity_ = capacity;
    owned_ = true;
  }
  void release() {
    if (data_ && owned_) HugePageAllocator<char>().deallocate(data_, capacity_);
    data_ = nullptr;
  }

  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  bool owned_ = true;  // false: storage lent by use()
};

}  // namespace syncmldm::detail
