#pragma once
// Stackful fibers on one thread: a DM session written as straight-line code (session::run_client)
// waits for its HTTP replies by yielding to the event loop instead of blocking a thread. Stacks
// are reserved, touched only as deep as a session goes, and reused. On x86-64 a switch saves the
// callee-saved registers and swaps stacks (no system call); elsewhere ucontext does it (with a
// signal-mask system call per switch).
#include <ucontext.h>

#include <cstddef>
#include <functional>
#include <vector>

namespace syncmldm::load::detail {

class StackPool {
 public:
  explicit StackPool(std::size_t size);
  ~StackPool();
  StackPool(const StackPool&) = delete;
  StackPool& operator=(const StackPool&) = delete;
  void* take();            // the lowest address of a stack of size() bytes (a guard page below it)
  void give(void* stack);
  std::size_t size() const { return size_; }

 private:
  std::size_t size_;
  std::size_t page_;
  std::vector<void*> free_;
  std::vector<void*> all_;
};

class Fiber {
 public:
  // `body` must not let an exception escape (the fiber has nowhere to throw it).
  Fiber(StackPool& pool, std::function<void()> body);
  ~Fiber();
  Fiber(const Fiber&) = delete;
  Fiber& operator=(const Fiber&) = delete;

  void resume();  // from the loop: runs the fiber until it yields or ends
  void yield();   // from inside the fiber: back to the loop
  bool done() const { return done_; }

 private:
  static void entry(unsigned hi, unsigned lo);
  static void run_body(Fiber* self);
  StackPool& pool_;
  void* stack_;
  std::function<void()> body_;
#if defined(__x86_64__)
  void* own_sp_ = nullptr;     // the fiber's saved stack pointer while it is not running
  void* caller_sp_ = nullptr;  // the loop's while the fiber runs
#else
  ucontext_t own_{};
  ucontext_t caller_{};
#endif
  bool done_ = false;
  bool started_ = false;
  void* fake_stack_ = nullptr;       // AddressSanitizer bookkeeping of the switches
  const void* caller_bottom_ = nullptr;
  std::size_t caller_size_ = 0;
};

}  // namespace syncmldm::load::detail
