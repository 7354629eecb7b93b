#!/usr/bin/env bash
# Runs every test project and ends with one line that adds up their results.
set -uo pipefail
cd "$(dirname "$0")/.."
# Every test project but the cluster's must be in the in-process filter, or it would silently not run.
for project in tests/*/*.Tests.csproj; do
  [[ $project == tests/Mnas.Cluster.Tests/* ]] && continue
  grep -q "\"$project\"" tests/InProcess.slnf || { echo "test-summary: $project is missing from tests/InProcess.slnf" >&2; exit 1; }
done
log=$(mktemp)
# The cluster tests start many silo processes that probe one another: they run on their own, after the rest, so that the
# other suites do not starve those probes (a starved silo is declared dead).
dotnet test tests/InProcess.slnf --no-restore "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
dotnet test tests/Mnas.Cluster.Tests --no-restore "$@" 2>&1 | tee -a "$log"
cluster_status=${PIPESTATUS[0]}
[[ $status -ne 0 ]] || status=$cluster_status
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ $status -eq 0 && ${passed} -eq 0 ]]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
