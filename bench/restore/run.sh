#!/usr/bin/env bash
# RTO and RPO of restoring the database from backup: drills/restore-from-backup.yaml on demo-shop-dr (local driver:
# real etcd, Patroni, PostgreSQL 15 and pgBackRest), measured by the drill itself from the canary's
# acknowledgements (RTO = first failed canary write to writes acknowledged again; RPO and lost writes = acknowledged
# canary orders the restored database does not have), with each runbook step's duration and the size of the backup
# restored (pgbackrest info: database size, and the backup's size in the repository). One environment for all runs:
# each run's runbook leaves a whole cluster behind, which the drill's undo verifies. Prints one line per run, then
# median and max. Usage: bench/restore/run.sh [runs=3] [driver=local]   (needs root and .ci/install-dr.sh; docker: the
# engine, the database image is built locally, each node's data in a volume of its own, the repository in a shared one)
set -euo pipefail
runs="${1:-3}"
driver="${2:-local}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="$(mktemp -d /tmp/drill-bench-restore.XXXXXX)"
chmod 755 "$state"
reports="$state/reports"
up=""
trap 'cd "$root"; [ -n "$up" ] && ./drill env down demo-shop-dr --driver "$driver" --state-dir "$state" >/dev/null 2>&1; rm -rf "$state"' EXIT
cd "$root"
./drill --help >/dev/null   # builds once

backup_info() {
  if [ "$driver" = docker ]; then
    docker exec demo-shop-dr-db-1 pgbackrest info --output=json
  else
    local repo
    repo="$(find "$state/local/demo-shop-dr" -type d -name repo -prune | head -1)"
    runuser -u postgres -- pgbackrest --stanza=demo-shop-dr --repo1-path="$repo" --log-level-file=off --lock-path=/tmp/drill-bench-restore-lock info --output=json
  fi
}

backup_size() { # the newest backup in the repository, as pgbackrest reports it
  backup_info | python3 -c 'import json, sys
b = json.load(sys.stdin)[0]["backup"][-1]["info"]
mib = lambda n: n / 1048576
print("%.1f MiB database, %.1f MiB in the repository" % (mib(b["size"]), mib(b["repository"]["delta"])))'
}

up=1
./drill env up demo-shop-dr --driver "$driver" --state-dir "$state" >/dev/null
echo "backup: $(backup_size)"
: > "$state/lines"
for i in $(seq 1 "$runs"); do
  set +e
  out="$(./drill run drills/restore-from-backup.yaml --driver "$driver" --state-dir "$state" --report-dir "$reports" 2>&1)"
  code=$?
  set -e
  json="$(printf '%s\n' "$out" | sed -n 's/^report: \(.*report\.json\)$/\1/p' | head -1)"
  if [ -z "$json" ]; then echo "restore #$i: no report (exit $code)"; printf '%s\n' "$out" | tail -20; continue; fi
  python3 - "$json" "restore #$i" "$code" <<'PY' | tee -a "$state/lines"
import json, sys
report = json.load(open(sys.argv[1]))
if not report.get("score"):
    print(f"{sys.argv[2]:<12} exit {sys.argv[3]}  not scored: {report.get('status')} {report.get('reason')}")
    sys.exit(0)
def m(kind, name):
    for o in report["score"]["objectives"]:
        if o["kind"] == kind:
            for x in o.get("measurements", []):
                if x["name"] == name:
                    return x["value"]
    return None
def seconds(d):
    h, mi, s = d.split(":")
    return int(h) * 3600 + int(mi) * 60 + float(s)
steps = ", ".join(f"{s['step']} {seconds(s['duration']):.1f}s" for s in report["timeline"]["steps"] if s["runbook"])
rto, rpo, lost = m("recover", "rto"), m("data-loss", "rpo"), m("data-loss", "lost-writes")
print(f"{sys.argv[2]:<12} exit {sys.argv[3]}  RTO {rto:6.2f} s  RPO {rpo:5.2f} s  lost writes {lost:3.0f}  verdict {report['score']['verdict']}  runbook: {steps}")
PY
done
echo "backup after the runs: $(backup_size)"
./drill env down demo-shop-dr --driver "$driver" --state-dir "$state" >/dev/null
up=""

python3 - "$state/lines" <<'PY'
import re, statistics, sys
rto, rpo, lost = [], [], []
for line in open(sys.argv[1]):
    m = re.search(r"RTO\s+([\d.]+) s\s+RPO\s+([\d.]+) s\s+lost writes\s+(\d+)", line)
    if m:
        rto.append(float(m.group(1))); rpo.append(float(m.group(2))); lost.append(float(m.group(3)))
if rto:
    s = lambda xs, unit: f"median {statistics.median(xs):.2f}{unit} max {max(xs):.2f}{unit}"
    print(f"\nrestore-from-backup  RTO {s(rto, ' s')}   RPO {s(rpo, ' s')}   lost writes {s(lost, '')}  ({len(rto)} runs)")
PY
