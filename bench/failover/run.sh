#!/usr/bin/env bash
# Failover RTO and RPO of the database drills on demo-shop-ha (local driver: real etcd, Patroni, PostgreSQL 15),
# measured by the drills themselves from the canary's acknowledgements: RTO = first failed canary write to writes
# acknowledged again; RPO and lost writes = acknowledged canary orders the database no longer has.
# Runs db-failover and db-failover-lagging-replica N times each on one environment (the cluster is whole again
# after every run, which the drills' undo verifies), then the lagging drill on demo-shop-ha-sync, and prints one
# line per run plus median and max. Usage: bench/failover/run.sh [runs=5] [all|async|sync]
# (needs root and .ci/install-dr.sh)
set -euo pipefail
runs="${1:-5}"
which="${2:-all}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="$(mktemp -d /tmp/drill-bench-failover.XXXXXX)"
chmod 755 "$state"
reports="$state/reports"
current=""
trap 'cd "$root"; [ -n "$current" ] && ./drill env down "$current" --driver local --state-dir "$state" >/dev/null 2>&1; rm -rf "$state"' EXIT
cd "$root"
./drill --help >/dev/null   # builds once

measure() { # drill environment label
  local out code
  set +e
  out="$(./drill run "drills/$1.yaml" --environment "$2" --driver local --state-dir "$state" --report-dir "$reports" 2>&1)"
  code=$?
  set -e
  local json
  json="$(printf '%s\n' "$out" | sed -n 's/^report: \(.*report\.json\)$/\1/p' | head -1)"
  if [ -z "$json" ]; then echo "$3: no report (exit $code)"; printf '%s\n' "$out" | tail -20; return; fi
  python3 - "$json" "$3" "$code" <<'PY' | tee -a "$state/lines"
import json, sys
report = json.load(open(sys.argv[1]))
if not report.get("score"):
    print(f"{sys.argv[2]:<32} exit {sys.argv[3]}  not scored: {report.get('status')} {report.get('reason')}")
    sys.exit(0)
def m(kind, name):
    for o in report["score"]["objectives"]:
        if o["kind"] == kind:
            for x in o.get("measurements", []):
                if x["name"] == name:
                    return x["value"]
    return None
rto, rpo, lost = m("recover", "rto"), m("data-loss", "rpo"), m("data-loss", "lost-writes")
fmt = lambda v, unit="s": "n/a" if v is None else (f"{v:.2f} {unit}" if unit else f"{v:.0f}")
print(f"{sys.argv[2]:<32} exit {sys.argv[3]}  RTO {fmt(rto):>8}  RPO {fmt(rpo):>8}  lost writes {fmt(lost, ''):>3}  verdict {report['score']['verdict']}")
PY
}

environments=(demo-shop-ha demo-shop-ha-sync)
[ "$which" = async ] && environments=(demo-shop-ha)
[ "$which" = sync ] && environments=(demo-shop-ha-sync)
: > "$state/lines"
for environment in "${environments[@]}"; do
  current="$environment"
  ./drill env up "$environment" --driver local --state-dir "$state" >/dev/null
  if [ "$environment" = demo-shop-ha ]; then
    for i in $(seq 1 "$runs"); do measure db-failover "$environment" "db-failover #$i"; done
    for i in $(seq 1 "$runs"); do measure db-failover-lagging-replica "$environment" "lagging-replica #$i"; done
  else
    for i in $(seq 1 "$runs"); do measure db-failover-lagging-replica "$environment" "lagging-replica (sync) #$i"; done
  fi
  ./drill env down "$environment" --driver local --state-dir "$state" >/dev/null
  current=""
done

python3 - "$state/lines" <<'PY'
import re, statistics, sys
groups = {}
for line in open(sys.argv[1]):
    m = re.match(r"(.+?) #\d+ .*RTO\s+([\d.]+|n/a)\s*s?\s+RPO\s+([\d.]+|n/a)\s*s?\s+lost writes\s+(\d+|n/a)", line)
    if m:
        g = groups.setdefault(m.group(1).strip(), {"rto": [], "rpo": [], "lost": []})
        for key, value in zip(("rto", "rpo", "lost"), m.groups()[1:]):
            if value != "n/a":
                g[key].append(float(value))
print()
for name, g in groups.items():
    s = lambda xs, unit: "n/a" if not xs else f"median {statistics.median(xs):.2f}{unit} max {max(xs):.2f}{unit}"
    print(f"{name:<24} RTO {s(g['rto'], ' s')}   RPO {s(g['rpo'], ' s')}   lost writes {s(g['lost'], '')}  ({len(g['rto'])} runs)")
PY
