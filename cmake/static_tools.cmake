# Static linking of the codec tools. A syncml-decode run on a small message is almost all process
# start-up, and most of that is the dynamic loader mapping and relocating libstdc++, libfmt and
# libcrypto. Linked statically the tools start in about a third of the time.
# Sanitizer and fuzz builds cannot be static (AddressSanitizer needs its shared runtime), and the
# toolchain needs static libc, libstdc++ and libcrypto archives; otherwise the option turns off.
# A build of shared libraries (BUILD_SHARED_LIBS) has no libsyncmldm archive to link them with:
# it turns the option off too.
# Results: SYNCMLDM_STATIC_TOOLS (final value), SYNCMLDM_FMT (what every target links for fmt:
# libfmt.so, or for a static tool fmt's engine compiled once, tools/static/fmt_engine.cpp, since
# Debian ships no libfmt.a) and SYNCMLDM_CRYPTO_STATIC.
set(SYNCMLDM_FMT fmt::fmt)
if(SYNCMLDM_STATIC_TOOLS AND (SYNCMLDM_SANITIZE OR SYNCMLDM_FUZZ))
  message(STATUS "Codec tools linked dynamically: sanitizer and fuzz builds cannot be static")
  set(SYNCMLDM_STATIC_TOOLS OFF)
endif()
if(SYNCMLDM_STATIC_TOOLS AND BUILD_SHARED_LIBS)
  message(STATUS "Codec tools linked dynamically: they link the shared libsyncmldm (BUILD_SHARED_LIBS)")
  set(SYNCMLDM_STATIC_TOOLS OFF)
endif()
if(SYNCMLDM_STATIC_TOOLS)
  find_library(SYNCMLDM_CRYPTO_STATIC NAMES libcrypto.a)
  include(CheckCXXSourceCompiles)
  set(CMAKE_REQUIRED_LINK_OPTIONS -static)
  check_cxx_source_compiles("#include <string>\nint main(int c, char**) { return static_cast<int>(std::to_string(c).size()); }"
                            SYNCMLDM_CAN_LINK_STATIC)
  unset(CMAKE_REQUIRED_LINK_OPTIONS)
  if(NOT SYNCMLDM_CRYPTO_STATIC OR NOT SYNCMLDM_CAN_LINK_STATIC)
    message(STATUS "Codec tools linked dynamically: no static libc/libstdc++/libcrypto to link with")
    set(SYNCMLDM_STATIC_TOOLS OFF)
  endif()
endif()
if(SYNCMLDM_STATIC_TOOLS)
  add_library(syncmldm_fmt_engine STATIC ${PROJECT_SOURCE_DIR}/tools/static/fmt_engine.cpp)
  set(SYNCMLDM_FMT $<IF:$<BOOL:$<TARGET_PROPERTY:SYNCMLDM_STATIC_LINK>>,syncmldm_fmt_engine,fmt::fmt>)
endif()

# The tools linked statically (the rest need shared libraries: dm-send links libcurl).
set(SYNCMLDM_STATIC_TOOL_NAMES syncml-encode syncml-decode)
