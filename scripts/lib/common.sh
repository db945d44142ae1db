# Shared by scripts/check, scripts/demo and scripts/bench: the Debian packages the project needs,
# and a function that installs the missing ones (as root) or names them and stops.

# Build: compiler, CMake and the libraries. Tests: the peers we cross-check against, and
# dpkg-shlibdeps (dpkg-dev) for the package test.
SYNCMLDM_BUILD_DEBS="g++ cmake make pkg-config libcli11-dev libcurl4-openssl-dev libssl-dev libfmt-dev doctest-dev nlohmann-json3-dev"
SYNCMLDM_TEST_DEBS="python3 python3-yaml python3-cryptography mandoc libwbxml2-utils tshark libxml2-utils openssl time curl dpkg-dev zsh fish"
# Benchmarks: the peers they are measured against (scripts/bench.d).
SYNCMLDM_BENCH_DEBS="jq"

syncmldm_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

# Installs the given Debian packages when any is missing.
syncmldm_ensure_debs() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}" >&2
  # tshark asks whether non-root users may capture; the default answer is fine.
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Configures and builds into $1 with extra CMake arguments after it.
syncmldm_build() {
  local dir=$1
  shift
  cmake -S "$(syncmldm_root)" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}
