#!/usr/bin/env bash
# Autoscaler reaction time in demo-shop-hardened: runs drills/checkout-outage-after-fixes.yaml N times and reads, per
# run, from report.json and the autoscaler's /status: the surge's start (journaled), the autoscaler's scale-out
# decision, the first instance sample with 5 and with 8 healthy app servers (through the driver, every 500 ms).
# Usage: bench/autoscaler/run.sh [runs] [local|docker]   (brings demo-shop-monitoring and demo-shop-hardened up and down)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
driver=${2:-local}
cd "$root"
./drill env up demo-shop-monitoring >/dev/null
./drill env up demo-shop-hardened --driver "$driver" >/dev/null
trap './drill env down demo-shop-hardened --driver "$driver" >/dev/null; ./drill env down demo-shop-monitoring >/dev/null' EXIT
echo "driver $driver, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "| run | verdict | decision after surge | 5 healthy after surge | 8 healthy after surge | p95 | drill duration |"
echo "|---|---|---|---|---|---|---|"
for i in $(seq "$runs"); do
  # Each run starts from the autoscaler's minimum: wait out its cool-down after the previous run.
  for _ in $(seq 120); do
    replicas=$(curl -sf http://127.0.0.1:18099/status | python3 -c 'import json,sys; print(json.load(sys.stdin)["replicas"])' || echo 0)
    [ "$replicas" = 3 ] && break
    sleep 1
  done
  out=$(./drill run drills/checkout-outage-after-fixes.yaml --driver "$driver" 2>&1 || true)
  report=$(echo "$out" | sed -n 's/^report: \(.*report\.json\)$/\1/p' | head -1)
  curl -sf http://127.0.0.1:18099/status > /tmp/autoscaler-status.json
  python3 - "$report" /tmp/autoscaler-status.json "$i" <<'PY'
import json, sys
from datetime import datetime
def t(s): return datetime.fromisoformat(s.replace("Z", "+00:00"))
r = json.load(open(sys.argv[1])); status = json.load(open(sys.argv[2]))
surge = min(t(c["createdAt"]) for c in r["changes"] if c["step"] == "promotion-spike")
decisions = [t(e.split(" ")[0]) for e in status["events"] if "scaled 3 ->" in e]
decision = min((d for d in decisions if d >= surge), default=None)
samples = [s for s in r["timeline"]["instances"] if s["service"] == "app" and t(s["at"]) >= surge]
def first(n):
    hit = next((s for s in samples if s["healthy"] >= n), None)
    return f"{(t(hit['at']) - surge).total_seconds():.1f} s" if hit else "never"
p95 = next(o["achieved"] for o in r["score"]["objectives"] if o["kind"] == "latency")
dur = (t(r["endedAt"]) - t(r["startedAt"])).total_seconds()
print(f"| {sys.argv[3]} | {r['score']['verdict'].upper()} ({r['score']['value']}) | "
      f"{(decision - surge).total_seconds():.1f} s | {first(5)} | {first(8)} | {p95} | {dur:.0f} s |" if decision else
      f"| {sys.argv[3]} | {r['score']['verdict'].upper()} | no decision | {first(5)} | {first(8)} | {p95} | {dur:.0f} s |")
PY
done
