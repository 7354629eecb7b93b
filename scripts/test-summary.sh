#!/usr/bin/env bash
# Runs every test project and ends with one line that adds up their results.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet test Mnas.sln --no-restore "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ $status -eq 0 && ${passed} -eq 0 ]]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
