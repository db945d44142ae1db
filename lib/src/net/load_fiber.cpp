// Fibers over ucontext, with the switches announced to AddressSanitizer when it is on.
#include "net/load_fiber.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

#include "syncmldm/util/error.hpp"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#define SYNCMLDM_FIBER_ASAN 1
#endif

#if defined(__x86_64__)
// syncmldm_fiber_switch(save, to): pushes the callee-saved registers and the SSE/x87 control
// words on the current stack, stores the stack pointer in *save, moves to `to` and pops the same
// from there. A new fiber's stack is laid out as if it had switched away at the start stub,
// which calls r13(r12) with an aligned stack and never returns.
asm(R"(
  .text
  .p2align 4
  .globl syncmldm_fiber_switch
  .hidden syncmldm_fiber_switch
  .type syncmldm_fiber_switch,@function
syncmldm_fiber_switch:
  pushq %rbp
  pushq %rbx
  pushq %r12
  pushq %r13
  pushq %r14
  pushq %r15
  subq $8, %rsp
  stmxcsr (%rsp)
  fnstcw 4(%rsp)
  movq %rsp, (%rdi)
  movq %rsi, %rsp
  ldmxcsr (%rsp)
  fldcw 4(%rsp)
  addq $8, %rsp
  popq %r15
  popq %r14
  popq %r13
  popq %r12
  popq %rbx
  popq %rbp
  ret
  .size syncmldm_fiber_switch,.-syncmldm_fiber_switch

  .p2align 4
  .globl syncmldm_fiber_start
  .hidden syncmldm_fiber_start
  .type syncmldm_fiber_start,@function
syncmldm_fiber_start:
  movq %r12, %rdi
  andq $-16, %rsp
  callq *%r13
  ud2
  .size syncmldm_fiber_start,.-syncmldm_fiber_start
)");
extern "C" void syncmldm_fiber_switch(void** save, void* to);
extern "C" void syncmldm_fiber_start();
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

void Fiber::run_body(Fiber* self) {
#ifdef SYNCMLDM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(nullptr, &self->caller_bottom_, &self->caller_size_);
#endif
  self->body_();
  self->done_ = true;
#ifdef SYNCMLDM_FIBER_ASAN
  __sanitizer_start_switch_fiber(nullptr, self->caller_bottom_, self->caller_size_);
#endif
#if defined(__x86_64__)
  void* dead = nullptr;
  syncmldm_fiber_switch(&dead, self->caller_sp_);
#else
  ::setcontext(&self->caller_);
#endif
  __builtin_unreachable();
}

void Fiber::entry(unsigned hi, unsigned lo) {
  run_body(reinterpret_cast<Fiber*>((static_cast<std::uintptr_t>(hi) << 32) | lo));
}

void Fiber::resume() {
  if (done_) return;
  if (!started_) {
    started_ = true;
#ifdef SYNCMLDM_FIBER_ASAN
    // A reused stack still carries the poisoned redzones of the frames that never returned.
    ASAN_UNPOISON_MEMORY_REGION(stack_, pool_.size());
#endif
#if defined(__x86_64__)
    // The frame syncmldm_fiber_switch pops: control words, r15, r14, r13 (the function), r12 (its
    // argument), rbx, rbp, then the start stub as the return address, 16 bytes below the top.
    auto* top = reinterpret_cast<std::uint64_t*>((reinterpret_cast<std::uintptr_t>(stack_) + pool_.size()) & ~std::uintptr_t{15});
    std::uint64_t* sp = top - 9;
    sp[0] = 0x037F'00001F80ull;  // MXCSR default (low half), x87 control word default (high half)
    sp[1] = 0;                   // r15
    sp[2] = 0;                   // r14
    sp[3] = reinterpret_cast<std::uint64_t>(&Fiber::run_body);  // r13
    sp[4] = reinterpret_cast<std::uint64_t>(this);              // r12
    sp[5] = 0;                   // rbx
    sp[6] = 0;                   // rbp
    sp[7] = reinterpret_cast<std::uint64_t>(&syncmldm_fiber_start);
    own_sp_ = sp;
#else
    ::getcontext(&own_);
    own_.uc_stack.ss_sp = stack_;
    own_.uc_stack.ss_size = pool_.size();
    own_.uc_link = nullptr;
    auto p = reinterpret_cast<std::uintptr_t>(this);
    ::makecontext(&own_, reinterpret_cast<void (*)()>(&Fiber::entry), 2, static_cast<unsigned>(p >> 32),
                  static_cast<unsigned>(p & 0xffffffffu));
#endif
  }
#ifdef SYNCMLDM_FIBER_ASAN
  void* fake = nullptr;
  __sanitizer_start_switch_fiber(&fake, stack_, pool_.size());
#endif
#if defined(__x86_64__)
  syncmldm_fiber_switch(&caller_sp_, own_sp_);
#else
  ::swapcontext(&caller_, &own_);
#endif
#ifdef SYNCMLDM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(fake, nullptr, nullptr);
#endif
}

void Fiber::yield() {
#ifdef SYNCMLDM_FIBER_ASAN
  __sanitizer_start_switch_fiber(&fake_stack_, caller_bottom_, caller_size_);
#endif
#if defined(__x86_64__)
  syncmldm_fiber_switch(&own_sp_, caller_sp_);
#else
  ::swapcontext(&own_, &caller_);
#endif
#ifdef SYNCMLDM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(fake_stack_, &caller_bottom_, &caller_size_);
#endif
}

}  // namespace syncmldm::load::detail
