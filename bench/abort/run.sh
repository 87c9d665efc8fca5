#!/usr/bin/env bash
# How fast an abort stops injection and starts the restore, on the local driver with DemoShop.
# - manual: SIGINT (Ctrl+C) sent to `drill run` right after its first fault is injected;
# - condition: an abort condition (probe failing for 2s) during a total outage.
# For each run it reads report.json and prints the time from the abort (signal sent / condition met) to the
# start of the restore phase, then p50 and max. Usage: bench/abort/run.sh [runs=5]
set -euo pipefail
runs="${1:-5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'cd "$root"; ./drill env down demo-shop --driver local --state-dir "$work/state" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
cd "$root"
./drill --help >/dev/null   # builds once
mkdir -p "$work/drills/environments"
cp drills/environments/demo-shop.yaml "$work/drills/environments/"
sed -i "s#../../artifacts#$root/artifacts#; s#../../src#$root/src#" "$work/drills/environments/demo-shop.yaml"
cat > "$work/drills/manual.yaml" <<'YAML'
name: abort-manual
environment: demo-shop
preflight: { window: 1s }
probes: [ { name: health, kind: http, url: "${endpoints.shop}/health", interval: 250ms } ]
steps: [ { name: kill-app, kind: kill, at: 1s, service: app, count: 1, duration: 5m } ]
objectives: [ { kind: recover, target: 30s } ]
recovery: { deadline: 10s }
YAML
cat > "$work/drills/condition.yaml" <<'YAML'
name: abort-condition
environment: demo-shop
preflight: { window: 1s }
probes: [ { name: products, kind: http, url: "${endpoints.shop}/products", interval: 100ms, timeout: 500ms } ]
steps: [ { name: all-down, kind: stop, at: 1s, service: app, percent: 100%, allowTotalOutage: true, duration: 5m } ]
abort: [ { kind: probe-failing, for: 2s } ]
objectives: [ { kind: recover, target: 30s } ]
recovery: { deadline: 20s }
YAML
drill() { dotnet "$root/artifacts/bin/DrillRunner.Cli/release/drill.dll" --state-dir "$work/state" "$@"; }
drill env up demo-shop --driver local >/dev/null
measure() { # $1 drill, $2 manual|condition
  local log="$work/run.log"
  (cd "$work" && drill run "drills/$1.yaml" --driver local --report-dir "$work/reports" >"$log" 2>&1) &
  local pid=$!
  if [ "$2" = manual ]; then
    until grep -q "fault-injected" "$log" 2>/dev/null; do sleep 0.05; done
    sleep 0.5
    local sent; sent=$(date -u +%s.%N)
    pkill -INT -f "drill.dll --state-dir $work/state run" || true
  fi
  wait "$pid" || true
  local report; report=$(grep -o '/[^ ]*report.json' "$log" | head -1)
  python3 - "$report" "${sent:-}" <<'PY'
import json, sys
from datetime import datetime
r = json.load(open(sys.argv[1]))
def t(s): return datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
ev = r['timeline']['events']
restore = next(t(e['at']) for e in ev if e['message'] == 'phase restore')
if sys.argv[2]:
    start = float(sys.argv[2])  # the signal was sent
else:
    # The condition holds 2s (its `for`) after the first failing sample following the fault.
    fault = next(t(e['at']) for e in ev if e['kind'] == 'fault-injected')
    first_fail = min(t(s['at']) for s in r['timeline']['samples'] if not s['ok'] and t(s['at']) >= fault)
    start = first_fail + 2.0
print(f"{(restore - start) * 1000:.0f}")
PY
}
for kind in manual condition; do
  values=()
  for _ in $(seq "$runs"); do values+=("$(measure "$kind" "$kind")"); done
  sorted=$(printf '%s\n' "${values[@]}" | sort -n)
  echo "$kind abort -> restore start (ms): ${values[*]}; p50 $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p"), max $(echo "$sorted" | tail -1)"
done
