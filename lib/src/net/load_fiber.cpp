// Fibers over ucontext, with the switches announced to AddressSanitizer when it is on.
#include "net/load_fiber.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

#include "syncmldm/util/error.hpp"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define SYNCMLDM_FIBER_ASAN 1
#endif

namespace syncmldm::load::detail {

StackPool::StackPool(std::size_t size) : page_(static_cast<std::size_t>(::sysconf(_SC_PAGESIZE))) {
  size_ = (size + page_ - 1) / page_ * page_;
}

StackPool::~StackPool() {
  for (void* s : all_) ::munmap(static_cast<char*>(s) - page_, size_ + page_);
}

void* StackPool::take() {
  if (!free_.empty()) {
    void* s = free_.back();
    free_.pop_back();
    return s;
  }
  // Reserved, not committed: only the pages a session touches cost memory.
  void* m = ::mmap(nullptr, size_ + page_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK,
                   -1, 0);
  if (m == MAP_FAILED) throw Error(ErrorKind::io, "cannot reserve a session stack");
  ::mprotect(m, page_, PROT_NONE);  // an overflow faults instead of writing over a neighbour
  void* s = static_cast<char*>(m) + page_;
  all_.push_back(s);
  return s;
}

void StackPool::give(void* stack) { free_.push_back(stack); }

Fiber::Fiber(StackPool& pool, std::function<void()> body) : pool_(pool), stack_(pool.take()), body_(std::move(body)) {}

Fiber::~Fiber() { pool_.give(stack_); }

void Fiber::entry(unsigned hi, unsigned lo) {
  auto* self = reinterpret_cast<Fiber*>((static_cast<std::uintptr_t>(hi) << 32) | lo);
#ifdef SYNCMLDM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(nullptr, &self->caller_bottom_, &self->caller_size_);
#endif
  self->body_();
  self->done_ = true;
#ifdef SYNCMLDM_FIBER_ASAN
  __sanitizer_start_switch_fiber(nullptr, self->caller_bottom_, self->caller_size_);
#endif
  ::setcontext(&self->caller_);
}

void Fiber::resume() {
  if (done_) return;
  if (!started_) {
    started_ = true;
    ::getcontext(&own_);
    own_.uc_stack.ss_sp = stack_;
    own_.uc_stack.ss_size = pool_.size();
    own_.uc_link = nullptr;
    auto p = reinterpret_cast<std::uintptr_t>(this);
    ::makecontext(&own_, reinterpret_cast<void (*)()>(&Fiber::entry), 2, static_cast<unsigned>(p >> 32),
                  static_cast<unsigned>(p & 0xffffffffu));
  }
#ifdef SYNCMLDM_FIBER_ASAN
  void* fake = nullptr;
  __sanitizer_start_switch_fiber(&fake, stack_, pool_.size());
#endif
  ::swapcontext(&caller_, &own_);
#ifdef SYNCMLDM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(fake, nullptr, nullptr);
#endif
}

void Fiber::yield() {
#ifdef SYNCMLDM_FIBER_ASAN
  __sanitizer_start_switch_fiber(&fake_stack_, caller_bottom_, caller_size_);
#endif
  ::swapcontext(&own_, &caller_);
#ifdef SYNCMLDM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(fake_stack_, &caller_bottom_, &caller_size_);
#endif
}

}  // namespace syncmldm::load::detail
