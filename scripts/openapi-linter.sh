#!/usr/bin/env bash
# Installs the OpenAPI linter the API's tests run over the served document (@redocly/cli, pinned) from the npm
# registry into build/openapi-linter/. Idempotent: nothing is fetched when that version is already there. The
# bootstrap runs it; the linter is for the tests only and never ships in an image.
set -euo pipefail
cd "$(dirname "$0")/.."

package=@redocly/cli
# 2.x needs Node.js 20.19 or later; the 1.34 line runs on the 18 that Debian ships, with the same rules.
version=2.77.0
if command -v node >/dev/null && ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  version=1.34.20
fi
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
