#!/usr/bin/env bash
# Longer crash-safety soak: repeats the kill-point test (23 SIGKILLs of `drill run` at different points of a drill
# that kills, pauses, slows, misconfigures and scales DemoShop; `drill recover` must restore everything) N times
# for each driver and prints each point's outcome. Usage: bench/crash-safety/run.sh [rounds=3] [local|docker|both]
set -euo pipefail
rounds="${1:-3}"; which="${2:-both}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dotnet build tests/DrillRunner.Cli.Tests -c Release --nologo -v quiet -clp:ErrorsOnly
filter="FullyQualifiedName~CrashSafetyTests"
[ "$which" = local ] && filter="FullyQualifiedName~Local_processes_are_restored"
[ "$which" = docker ] && filter="FullyQualifiedName~Docker_containers_are_restored"
failed=0
for round in $(seq "$rounds"); do
  echo "=== round $round"
  if ! CI=true dotnet test tests/DrillRunner.Cli.Tests -c Release --no-build --filter "$filter" \
      --logger "console;verbosity=detailed" 2>&1 | grep -E "kill point|Passed!|Failed!"; then
    failed=$((failed + 1))
  fi
done
echo "rounds: $rounds, rounds with a failure: $failed"
[ "$failed" -eq 0 ]
