#!/usr/bin/env bash
# Runs benchmark scenarios against the real local services and prints a markdown table of the figures.
# Usage: ./tests/bench/run.sh <scenario…|all> [--write] [--rows N] [--tx-size N] [--format envelope,flat] [--set "k=v;k=v"]
#        ./tests/bench/run.sh --list
# --write also records the figures (with machine and date) in docs/benchmarks.md. See tests/bench/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null 2>&1 || { echo "bench: the .NET 10 SDK is required (dotnet not found)" >&2; exit 1; }
[[ $# -gt 0 ]] || set -- --help

# Benchmarks use the developers' services and leave them running (they are shared; never stopped here).
"$ROOT/infra/local/services.sh" up

# Release builds into their own artifacts path (override with SC_BENCH_ARTIFACTS), so a benchmark never races a
# concurrent ./connect or test build. The reader runs as a separate `dotnet connect.dll cdc` process.
ART="${SC_BENCH_ARTIFACTS:-$ROOT/artifacts/bench}"
dotnet build src/Serverless.Connect.Cli/Serverless.Connect.Cli.csproj -c Release -nologo -v quiet -clp:ErrorsOnly -p:ArtifactsPath="$ART" >&2
dotnet build tests/Serverless.Connect.Bench/Serverless.Connect.Bench.csproj -c Release -nologo -v quiet -clp:ErrorsOnly -p:ArtifactsPath="$ART" >&2
export SC_BENCH_CONNECT_DLL="${SC_BENCH_CONNECT_DLL:-$ART/bin/Serverless.Connect.Cli/release/connect.dll}"
exec dotnet "$ART/bin/Serverless.Connect.Bench/release/Serverless.Connect.Bench.dll" "$@"
