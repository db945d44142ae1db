#!/usr/bin/env bash
# The installed headers are sealed: each public header (lib/include/syncmldm/**, and the generated
# version.hpp) compiles alone, included twice, with only the public include directories given,
# and everything it pulls in is either a public header or part of the C++20 standard library.
# RapidXML, fmt and the other libraries the library uses inside stay out of the public API.
#
# The system include directories cannot be taken off the compiler's path (fmt and RapidXML live
# in /usr/include beside libc), so a leak would still compile: the check is on what the
# compiler reports it opened (-H), against what the standard headers themselves open.
set -uo pipefail
src=${SYNCMLDM_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
src=$(cd "$src" && pwd)
bin=${SYNCMLDM_BIN:-$src/build/bin}
build=$(cd "$bin/.." && pwd)
public="$src/lib/include"
generated="$build/lib/include"
if [ ! -f "$generated/syncmldm/version.hpp" ]; then
  echo "FAIL: no $generated/syncmldm/version.hpp: configure the build first"
  exit 1
fi
# The compiler the build uses.
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null)
cxx=${cxx:-${CXX:-c++}}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Files the compiler opened, from its -H trace ("... /path" lines).
opened() { grep -E '^\.+ ' "$1" | sed -E 's/^\.+ //' | sort -u; }

# The standard library's footprint: every C++20 standard header this compiler has (<execution>
# left out: it may pull a parallel backend in).
std_headers="algorithm any array atomic barrier bit bitset cassert cctype cerrno cfenv cfloat charconv
  chrono cinttypes climits clocale cmath codecvt compare complex concepts condition_variable coroutine
  csetjmp csignal cstdarg cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype deque
  exception filesystem format forward_list fstream functional future initializer_list iomanip ios
  iosfwd iostream istream iterator latch limits list locale map memory memory_resource mutex new
  numbers numeric optional ostream queue random ranges ratio regex scoped_allocator semaphore set
  shared_mutex source_location span sstream stack stdexcept stop_token streambuf string string_view
  syncstream system_error thread tuple type_traits typeindex typeinfo unordered_map unordered_set
  utility valarray variant vector version"
for h in $std_headers; do
  printf '#if __has_include(<%s>)\n#include <%s>\n#endif\n' "$h" "$h"
done > std.cpp
if ! "$cxx" -std=c++20 -fsyntax-only -H std.cpp 2> std.log; then
  echo "FAIL: the standard headers alone do not compile with $cxx:"
  head -20 std.log
  exit 1
fi
opened std.log > std.list

# One header's check; its verdict goes to a file of its own, so that the headers are checked in
# parallel (this is the suite's longest test when run one header after another).
check_one() {
  local header=$1 name dir
  case "$header" in
    "$public"/*) name=${header#"$public"/} ;;
    *) name=${header#"$generated"/} ;;
  esac
  dir=$(mktemp -d "$work/h.XXXXXX")
  printf '#include "%s"\n#include "%s"\n' "$name" "$name" > "$dir/tu.cpp"
  if ! "$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -H -I "$public" -I "$generated" "$dir/tu.cpp" 2> "$dir/tu.log"; then
    { echo "FAIL $name: does not compile alone (with only the public include directories):"
      grep -E ': (fatal )?error: ' "$dir/tu.log" | head -10; } > "$dir/verdict"
    return
  fi
  opened "$dir/tu.log" | grep -v -e "^$public/" -e "^$generated/" > "$dir/tu.list"
  local leaks
  leaks=$(comm -23 "$dir/tu.list" "$work/std.list")
  if [ -n "$leaks" ]; then
    { echo "FAIL $name: needs more than the public headers and the C++ standard library:"
      echo "$leaks" | sed 's/^/  /'; } > "$dir/verdict"
  else
    : > "$dir/ok"
  fi
}
export -f check_one opened
export cxx public generated work

find "$public/syncmldm" "$generated/syncmldm" -name '*.hpp' | sort > headers.list
checked=$(wc -l < headers.list)
xargs -a headers.list -d '\n' -P "$(nproc)" -n 1 bash -c 'check_one "$1"' _
failed=0
for verdict in "$work"/h.*/verdict; do
  [ -e "$verdict" ] || continue
  cat "$verdict"
  failed=$((failed + 1))
done
passed=$(find "$work" -name ok | wc -l)
if [ "$((passed + failed))" -ne "$checked" ]; then
  echo "FAIL: $checked headers, but only $((passed + failed)) verdicts"
  exit 1
fi

if [ "$checked" -eq 0 ]; then
  echo "FAIL: no public headers found under $public"
  exit 1
fi
if [ "$failed" -ne 0 ]; then
  echo "$failed of $checked public headers failed"
  exit 1
fi
echo "public headers: $checked, each compiles alone and needs only the C++20 standard library"
