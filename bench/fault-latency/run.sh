#!/usr/bin/env bash
# Fault latency of the docker driver vs the docker CLI: 20 kills and 20 restarts of one DemoShop container.
# Usage: bench/fault-latency/run.sh [iterations]   (needs a Docker engine: .ci/install-docker.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/.ci/install-docker.sh" >/dev/null
dotnet build "$root/bench/fault-latency/FaultLatency.csproj" -c Release -nologo -v q >/dev/null
dotnet "$root/artifacts/bin/FaultLatency/release/FaultLatency.dll" "${1:-20}" "$root"
