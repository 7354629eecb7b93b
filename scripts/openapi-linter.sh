#!/usr/bin/env bash
# Installs the OpenAPI linter the API's tests run over the served document (@redocly/cli, pinned) from the npm
# registry into build/openapi-linter/. Idempotent: nothing is fetched when that version is already there. The
# bootstrap runs it; the linter is for the tests only and never ships in an image.
set -euo pipefail
cd "$(dirname "$0")/.."

package=@redocly/cli
version=2.77.0
target=build/openapi-linter
installed=$target/node_modules/@redocly/cli/package.json

if [[ -f $installed ]] && grep -q "\"version\": \"$version\"" "$installed"; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "openapi-linter: npm is not on PATH (scripts/bootstrap.sh installs it)" >&2
  exit 1
fi

mkdir -p "$target"
echo "openapi-linter: installing $package@$version into $target"
npm install --prefix "$target" --no-audit --no-fund --no-save --loglevel=error "$package@$version" >/dev/null
"$target/node_modules/.bin/redocly" --version >/dev/null
