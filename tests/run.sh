#!/usr/bin/env bash
# Runs every test in the repository against real local services, then stops what it started.
# Usage: ./tests/run.sh [extra dotnet test arguments, e.g. --filter Category=Smoke]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null 2>&1 || { echo "tests: the .NET 10 SDK is required (dotnet not found)" >&2; exit 1; }

SERVICES="$ROOT/infra/local/services.sh"
started_here=0
"$SERVICES" status >/dev/null 2>&1 || started_here=1

cleanup() {
  local rc=$?
  if [[ $started_here -eq 1 ]]; then
    # CI runs on a clean clone and must leave nothing behind; developers keep their data between runs.
    if [[ "${CI:-}" == "true" ]]; then "$SERVICES" purge; else "$SERVICES" down; fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$SERVICES" up
# shellcheck disable=SC1090
source <("$SERVICES" env)

results="$ROOT/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build Serverless.Connect.sln -c Release -nologo -clp:ErrorsOnly
set +e
dotnet test Serverless.Connect.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?
set -e

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [[ $status -eq 0 && $passed -eq 0 ]]; then
  echo "tests: no test ran" >&2
  status=1
fi
exit "$status"
