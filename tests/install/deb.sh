#!/usr/bin/env bash
# `cpack -G DEB` on this build: the package holds every tool, its man page, the libraries,
# headers, the CMake and pkg-config files and the shell completions; its dependencies come from
# the shared-library scan; unpacked with `dpkg -x` into a scratch root, each tool runs --version.
set -euo pipefail
build=${SYNCMLDM_BUILD_DIR:?}
src=${SYNCMLDM_SOURCE:?}
cpack=${SYNCMLDM_CPACK:?}
libdir_name=${SYNCMLDM_LIBDIR:?}
if [ ! -x "$cpack" ] || ! command -v dpkg-deb > /dev/null || ! command -v dpkg-shlibdeps > /dev/null; then
  echo "skipped: cpack, dpkg-deb or dpkg-shlibdeps (package dpkg-dev) is missing"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "$*"; exit 1; }

(cd "$work" && "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out") > "$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
debs=("$work"/out/*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || fail "cpack made ${#debs[@]} packages: ${debs[*]}"
deb=${debs[0]}

# Dependencies from dpkg-shlibdeps: the C library at least, with a version.
depends=$(dpkg-deb -f "$deb" Depends)
[[ "$depends" == *"libc6 (>="* ]] || fail "Depends does not come from the shared-library scan: '$depends'"

root=$work/root
dpkg -x "$deb" "$root"
usr=$root/usr
for f in "$usr/include/syncmldm/codec/codec.hpp" "$usr/include/syncmldm/version.hpp" \
         "$usr/$libdir_name/cmake/syncmldm/syncmldmConfig.cmake" "$usr/$libdir_name/pkgconfig/syncmldm.pc" \
         "$usr/share/doc/syncml-dm-tools/LICENSE"; do
  [ -f "$f" ] || fail "not in the package: ${f#"$root"}"
done
ls "$usr/$libdir_name"/libsyncmldm.* "$usr/$libdir_name"/libsyncmldm_net.* > /dev/null 2>&1 \
  || fail "the libraries are not in the package"
for page in "$src"/man/*.[0-9]; do
  name=$(basename "$page")
  [ -f "$usr/share/man/man${name##*.}/$name" ] || [ -f "$usr/share/man/man${name##*.}/$name.gz" ] \
    || fail "man page $name is not in the package"
done

# Every tool, run from the unpacked root (its libraries from there too when shared).
export LD_LIBRARY_PATH=$usr/$libdir_name${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
count=0
for main in "$src"/tools/*.cpp "$src"/tools/*/main.cpp; do
  tool=$(basename "$main" .cpp)
  [ "$tool" = main ] && tool=$(basename "$(dirname "$main")")
  for f in bash-completion/completions/$tool zsh/vendor-completions/_$tool fish/vendor_completions.d/$tool.fish; do
    [ -f "$usr/share/$f" ] || fail "the completion share/$f is not in the package"
  done
  [ -x "$usr/bin/$tool" ] || fail "$tool is not in the package"
  out=$("$usr/bin/$tool" --version) || fail "$tool --version failed from the unpacked package"
  [ "$out" = "$tool ${SYNCMLDM_VERSION:?}" ] || fail "$tool --version printed: $out"
  count=$((count + 1))
done
echo "$(basename "$deb"): $count tools run --version from a dpkg -x root; Depends: $depends"
