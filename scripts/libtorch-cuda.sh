#!/usr/bin/env bash
# Fetches the CUDA build of libtorch 1.13.1 (the version the distribution's CPU build has, so the shim compiles alike)
# into /opt/libtorch, for GPU workers' images: `MNAS_LIBTORCH=cuda scripts/bootstrap.sh image DIR` runs it. The archive
# carries the CUDA 11.7 runtime, cuBLAS and cuDNN it was built with; the node's driver comes from the container runtime.
# Set MNAS_LIBTORCH_CUDA_SHA256 to the archive's digest to pin it (the build then refuses any other archive); without
# it the digest is printed so that it can be pinned. Idempotent: nothing is fetched when /opt/libtorch holds it.
set -euo pipefail

url=https://download.pytorch.org/libtorch/cu117/libtorch-cxx11-abi-shared-with-deps-1.13.1%2Bcu117.zip
target=/opt/libtorch
expected=${MNAS_LIBTORCH_CUDA_SHA256:-}

if [[ -f $target/build-version ]] && grep -q '^1\.13\.1+cu117' "$target/build-version"; then
  exit 0
fi
for tool in curl unzip sha256sum; do
  if ! command -v "$tool" >/dev/null; then
    echo "libtorch-cuda: $tool is not on PATH (scripts/bootstrap.sh installs it)" >&2
    exit 1
  fi
done

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
echo "libtorch-cuda: fetching $url" >&2
curl --fail --location --silent --show-error --retry 3 -o "$staging/libtorch.zip" "$url"
actual=$(sha256sum "$staging/libtorch.zip" | cut -d' ' -f1)
if [[ -n $expected && $actual != "$expected" ]]; then
  echo "libtorch-cuda: the archive's SHA-256 is $actual, MNAS_LIBTORCH_CUDA_SHA256 pins $expected; nothing installed" >&2
  exit 1
fi
if [[ -z $expected ]]; then
  echo "libtorch-cuda: sha256 $actual (not pinned: set MNAS_LIBTORCH_CUDA_SHA256 to pin it)" >&2
fi
unzip -q "$staging/libtorch.zip" -d "$staging"
rm -rf "$target"
mv "$staging/libtorch" "$target"
