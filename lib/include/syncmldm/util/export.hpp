#pragma once
// What libsyncmldm exports. The library is compiled with hidden visibility (lib/CMakeLists.txt);
// every public header puts its declarations between SYNCMLDM_API_BEGIN and SYNCMLDM_API_END, so
// a shared libsyncmldm exports its public API and nothing of lib/src. A pragma rather than an
// attribute on the namespace: C++ allows no attribute on `namespace a::b {`.

#if defined(__GNUC__)
#define SYNCMLDM_API_BEGIN _Pragma("GCC visibility push(default)")
#define SYNCMLDM_API_END _Pragma("GCC visibility pop")
#else
#define SYNCMLDM_API_BEGIN
#define SYNCMLDM_API_END
#endif
