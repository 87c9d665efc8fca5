#!/usr/bin/env bash
# A long drill stays bounded: simulates a drill of N hours (default 4) on a fake clock through the real engine,
# SQLite journal, abort conditions, progress and reports, with two probes every 250 ms and 1-second traffic buckets
# (a synthetic traffic step), and the real traffic recorder at 200 requests/s. Prints CPU and RSS per simulated
# hour, peak RSS, report render times, and the memory the traffic recorder keeps.
# Usage: bench/long-drill/run.sh [hours]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$root/bench/long-drill/LongDrill.csproj" -c Release -nologo -v q >/dev/null
dotnet "$root/artifacts/bin/LongDrill/release/LongDrill.dll" "${1:-4}"
