#!/usr/bin/env bash
# Fetches the dashboard's charting library (Chart.js, MIT) from the npm registry into build/dashboard/, where the API's
# build embeds it next to the page: the dashboard then loads nothing from outside the host that serves it.
# `npm pack` checks the tarball against the registry's integrity; the file taken from it must also match the SHA-256
# pinned here. Idempotent: nothing is fetched when the file is there and matches. The bootstrap runs it, and the API's
# build runs it when the file is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

package=chart.js
version=4.5.1
file=dist/chart.umd.min.js
sha256=48444a82d4edcb5bec0f1965faacdde18d9c17db3063d042abada2f705c9f54a

target_dir=build/dashboard
target=$target_dir/chart.umd.min.js

matches() { [[ -f $1 ]] && [[ $(sha256sum "$1" | cut -d' ' -f1) == "$sha256" ]]; }

if matches "$target"; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "dashboard-library: npm is not on PATH (scripts/bootstrap.sh installs it)" >&2
  exit 1
fi

mkdir -p "$target_dir"
staging=$(mktemp -d "$target_dir/.fetch-XXXXXX")
trap 'rm -rf "$staging"' EXIT
echo "dashboard-library: fetching $package@$version from the npm registry"
(cd "$staging" && npm pack "$package@$version" --ignore-scripts --silent >/dev/null)
tar -xzf "$staging/$package-$version.tgz" -C "$staging" "package/$file" package/LICENSE.md
if ! matches "$staging/package/$file"; then
  echo "dashboard-library: $package@$version's $file does not match its pinned SHA-256 ($sha256); nothing installed" >&2
  exit 1
fi
cp "$staging/package/LICENSE.md" "$target_dir/chart.js-LICENSE.md"
# Renamed into place: a build never sees half a file.
mv "$staging/package/$file" "$target"
