#!/usr/bin/env bash
# The installed library as another project uses it: this build installed into a scratch prefix
# (`cmake --install --prefix`), then a small program (consumer/) built against that prefix twice,
# with find_package(syncmldm) and with pkg-config, and run. With shared libraries, also: the
# public API is exported and private code is not.
set -euo pipefail
build=${SYNCMLDM_BUILD_DIR:?}
src=${SYNCMLDM_SOURCE:?}
cxx=${SYNCMLDM_CXX:?}
cmake=${SYNCMLDM_CMAKE:?}
libdir_name=${SYNCMLDM_LIBDIR:?}
flags=${SYNCMLDM_CONSUMER_FLAGS:-}  # what the library was built with that a consumer must match
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
libdir=$prefix/$libdir_name

fail() { echo "$*"; exit 1; }

"$cmake" --install "$build" --prefix "$prefix" > "$work/install.log" || { cat "$work/install.log"; exit 1; }
for f in "$libdir/cmake/syncmldm/syncmldmConfig.cmake" "$libdir/cmake/syncmldm/syncmldmConfigVersion.cmake" \
         "$libdir/pkgconfig/syncmldm.pc" "$libdir/pkgconfig/syncmldm-net.pc" \
         "$prefix/include/syncmldm/version.hpp" "$prefix/include/syncmldm/util/export.hpp"; do
  [ -f "$f" ] || fail "not installed: ${f#"$prefix"/}"
done
# The installed package describes the installed tree only: no path into the source or build
# tree, no build-only link choice (the static tools' libcrypto archive).
if grep -rlF -e "$build" -e "$src" -e SYNCMLDM_STATIC_LINK -e libcrypto.a "$libdir/cmake" "$libdir/pkgconfig"; then
  fail "the installed package files above name the build or source tree"
fi

export LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
run_consumer() {  # how built, program
  local out
  out=$("$2") || fail "$1: the consumer failed"
  [ "$out" = "syncmldm ${SYNCMLDM_VERSION:?}: 39 bytes of WBXML" ] || fail "$1: the consumer printed: $out"
}

# 1. CMake: find_package(syncmldm) through CMAKE_PREFIX_PATH, the exported targets, nothing else.
if ! { "$cmake" -S "$src/tests/install/consumer" -B "$work/cmake" -DCMAKE_BUILD_TYPE=Release \
         -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
         -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" &&
       "$cmake" --build "$work/cmake"; } > "$work/cmake.log" 2>&1; then
  cat "$work/cmake.log"
  fail "find_package: the consumer did not build"
fi
run_consumer find_package "$work/cmake/consumer"

# 2. pkg-config: PKG_CONFIG_PATH into the prefix, syncmldm-net (which requires syncmldm).
export PKG_CONFIG_PATH=$libdir/pkgconfig
pc_flags=$(pkg-config --cflags --libs syncmldm-net) || fail "pkg-config does not know syncmldm-net"
# shellcheck disable=SC2086  # the flags are words
"$cxx" -std=c++20 $flags "$src/tests/install/consumer/main.cpp" -o "$work/pc-consumer" $pc_flags \
  || fail "pkg-config: the consumer did not build with: $pc_flags"
run_consumer pkg-config "$work/pc-consumer"

# 3. Shared libraries: a soname with the version, the public API exported, private code hidden
# (the XML pre-scan, pull reader and writer are declared in lib/src/xml).
if [ "${SYNCMLDM_SHARED:-0}" = 1 ]; then
  so=$libdir/libsyncmldm.so
  [ -L "$so" ] || fail "no libsyncmldm.so link"
  readelf -d "$so" | grep -q "SONAME.*libsyncmldm\.so\.[0-9]" || fail "libsyncmldm.so has no versioned soname"
  nm -DC --defined-only "$so" > "$work/exported"
  grep -q "syncmldm::codec::xml_to_wbxml" "$work/exported" || fail "xml_to_wbxml is not exported"
  grep -q "syncmldm::Error::Error" "$work/exported" || fail "syncmldm::Error is not exported"
  if grep -E "xml::detail::prescan\(|xml::detail::PullReader::|syncmldm::detail::XmlWriter::" "$work/exported"; then fail "private symbols above are exported"; fi
fi
echo "installed into a scratch prefix; consumer built and run with find_package and pkg-config"
