#!/usr/bin/env bash
# DrillRunner.Traffic vs wrk (closed model) and wrk2 (open model) against one nginx worker on 127.0.0.1.
# Server pinned to CPU 1, generators to CPU 0. Usage: bench/traffic/run.sh
# Env: WINDOW (s, default 10), RUNS (default 3), CONNECTIONS (default 64), WRK2 (path to a wrk2 binary; Debian
# has no wrk2 package, build it from github.com/giltene/wrk2 and point WRK2 at it), PACER_RATE (default 10000).
set -euo pipefail
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WINDOW=${WINDOW:-10}
RUNS=${RUNS:-3}
CONN=${CONNECTIONS:-64}
PACER_RATE=${PACER_RATE:-10000}
WRK2=${WRK2:-$(command -v wrk2 || true)}

command -v wrk >/dev/null || apt-get install -y wrk
[ -x /usr/sbin/nginx ] || apt-get install -y nginx
if [ -z "$WRK2" ]; then
  echo "wrk2: $(apt-cache policy wrk2 2>/dev/null | grep -c Candidate) Debian candidates; set WRK2=/path/to/wrk2 for the open-model reference"
fi

TMP=$(mktemp -d /tmp/traffic-bench.XXXXXX)
chmod 755 "$TMP"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
head -c 100 /dev/zero | tr '\0' 'x' > "$TMP/index.html"
chmod 644 "$TMP/index.html"
cat > "$TMP/nginx.conf" <<CONF
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 300s;
  client_body_temp_path $TMP/body; proxy_temp_path $TMP/proxy; fastcgi_temp_path $TMP/fcgi;
  uwsgi_temp_path $TMP/uwsgi; scgi_temp_path $TMP/scgi;
  server { listen 127.0.0.1:$PORT; root $TMP; location / { } }
}
CONF
taskset -c 1 /usr/sbin/nginx -p "$TMP" -c "$TMP/nginx.conf"
stop_nginx() { [ -f "$TMP/nginx.pid" ] && kill "$(cat "$TMP/nginx.pid")" 2>/dev/null; sleep 0.5; rm -rf "$TMP"; }
trap stop_nginx EXIT
URL="http://127.0.0.1:$PORT/index.html"
sleep 0.5
curl -sf "$URL" >/dev/null

dotnet build -c Release "$ROOT/bench/traffic/LoadBench" -v q -nologo >/dev/null
BENCH_DLL="$ROOT/artifacts/bin/LoadBench/release/LoadBench.dll"
# The settings `drill load` gives its generator process (src/DrillRunner.Cli/Terminal/GeneratorProcess.cs): socket
# continuations run on the epoll thread (no pool hop); idle pool threads sleep instead of spinning; a 64 MB gen0.
export DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 DOTNET_GCgen0size=0x4000000

field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# wrk prints latencies as 1.23ms / 812.00us / 1.02s; normalise to milliseconds.
to_ms() { sed -E 's/([0-9.]+)us/\1 0.001/; s/([0-9.]+)ms/\1 1/; s/([0-9.]+)s$/\1 1000/' | awk '{printf "%.3f\n", $1 * $2}'; }

run_wrk() { # -> "rps cpu_us_per_req"
  /usr/bin/time -f "%U %S" -o "$TMP/time" taskset -c 0 wrk -t1 -c"$CONN" -d"${WINDOW}s" "$URL" > "$TMP/wrk.out"
  local rps reqs cpu
  rps=$(awk '/Requests\/sec/ {print $2}' "$TMP/wrk.out")
  reqs=$(awk '/requests in/ {print $1}' "$TMP/wrk.out")
  cpu=$(awk -v n="$reqs" '{printf "%.2f", ($1 + $2) * 1e6 / n}' "$TMP/time")
  echo "$rps $cpu"
}
run_ours() { taskset -c 0 dotnet "$BENCH_DLL" "$URL" "$@"; }

if [ -n "${WRK_RPS:-}" ]; then
  echo "== closed model skipped; open-model rates are fractions of WRK_RPS=$WRK_RPS"
else
  echo "== closed model, $CONN connections, ${WINDOW}s windows, median of $RUNS (generators on CPU 0, nginx on CPU 1)"
  taskset -c 0 wrk -t1 -c"$CONN" -d3s "$URL" >/dev/null # warm-up
  : > "$TMP/wrk.rps"; : > "$TMP/wrk.cpu"; : > "$TMP/ours.rps"; : > "$TMP/ours.cpu"
  for i in $(seq "$RUNS"); do
    read -r rps cpu < <(run_wrk)
    echo "$rps" >> "$TMP/wrk.rps"; echo "$cpu" >> "$TMP/wrk.cpu"
    line=$(run_ours closed "$CONN" "$WINDOW" 3)
    echo "$line" | field rps >> "$TMP/ours.rps"; echo "$line" | field cpu_us_per_req >> "$TMP/ours.cpu"
    echo "  run $i: wrk $rps rps ($cpu us CPU/req); drillrunner: $line"
  done
  WRK_RPS=$(median < "$TMP/wrk.rps"); OURS_RPS=$(median < "$TMP/ours.rps")
  echo "wrk_rps=$WRK_RPS drillrunner_rps=$OURS_RPS ratio=$(awk -v a="$OURS_RPS" -v b="$WRK_RPS" 'BEGIN {printf "%.3f", a / b}')" \
    "wrk_cpu_us_per_req=$(median < "$TMP/wrk.cpu") drillrunner_cpu_us_per_req=$(median < "$TMP/ours.cpu")"
fi

LIMIT=${P99_LIMIT_MS:-10}
echo "== open model: highest rate with p99 < $LIMIT ms and the planned rate kept; rates are fractions of wrk's rps,"
echo "   each rate run by both tools back to back so they see the same machine load"
# Finer steps near the top, where the two tools part ways.
FRACTIONS=${FRACTIONS:-"0.1 0.2 0.3 0.4 0.5 0.55 0.6 0.65 0.7 0.75 0.8 0.85 0.9"}
open_ours() { # rate -> "p99_ms kept"
  local line
  line=$(run_ours open "$CONN" "$WINDOW" "$1" 3)
  echo "$(echo "$line" | field p99_ms) $(echo "$line" | awk -v r="$1" '{for (i = 1; i <= NF; i++) if ($i ~ /^rps=/) {split($i, kv, "="); print (kv[2] >= 0.99 * r) ? 1 : 0}}')"
}
open_wrk2() { # rate -> "p99_ms kept"; wrk2 calibrates for ~10 s and then resets its histogram
  taskset -c 0 "$WRK2" -t1 -c"$CONN" -d"$((WINDOW + 11))s" -R"$1" --latency "$URL" > "$TMP/wrk2.out"
  # wrk2's Requests/sec spans its staggered connects and calibration too, so it is held to 97%, not 99%.
  echo "$(awk '$1 == "99.000%" {print $2; exit}' "$TMP/wrk2.out" | to_ms) $(awk -v r="$1" '/Requests\/sec/ {print ($2 >= 0.97 * r) ? 1 : 0}' "$TMP/wrk2.out")"
}
passes() { awk -v p="$1" -v l="$LIMIT" 'BEGIN {exit !(p < l)}' && [ "$2" = 1 ]; }
# A machine shared with other work makes single windows noisy: the sustained rate is the highest passing rate,
# and a tool stops being swept after two failures in a row.
OURS_OPEN=0; WRK2_OPEN=0; ours_fails=0; wrk2_fails=$([ -n "$WRK2" ] && echo 0 || echo 2)
for f in $FRACTIONS; do
  [ "$ours_fails" -ge 2 ] && [ "$wrk2_fails" -ge 2 ] && break
  rate=$(awk -v r="$WRK_RPS" -v f="$f" 'BEGIN {printf "%d", r * f}')
  op=-; ok=-; wp=-; wk=-
  if [ "$ours_fails" -lt 2 ]; then
    read -r op ok < <(open_ours "$rate")
    if passes "$op" "$ok"; then OURS_OPEN=$rate; ours_fails=0; else ours_fails=$((ours_fails + 1)); fi
  fi
  if [ "$wrk2_fails" -lt 2 ]; then
    read -r wp wk < <(open_wrk2 "$rate")
    if passes "$wp" "$wk"; then WRK2_OPEN=$rate; wrk2_fails=0; else wrk2_fails=$((wrk2_fails + 1)); fi
  fi
  echo "  rate=$rate drillrunner_p99_ms=$op (rate kept: $ok) wrk2_p99_ms=$wp (rate kept: $wk)"
done
if [ -n "$WRK2" ]; then
  echo "wrk2_sustained_rps=$WRK2_OPEN drillrunner_sustained_rps=$OURS_OPEN ratio=$(awk -v a="$OURS_OPEN" -v b="$WRK2_OPEN" 'BEGIN {printf "%.3f", (b > 0) ? a / b : 0}')"
else
  echo "wrk2 not available: drillrunner_sustained_rps=$OURS_OPEN (no reference)"
fi

echo "== pacer send-time error at ${PACER_RATE}/s, median of $RUNS"
: > "$TMP/pacer"
for i in $(seq "$RUNS"); do
  line=$(run_ours open "$CONN" "$WINDOW" "$PACER_RATE" 3)
  echo "$line" | field send_err_p99_ms >> "$TMP/pacer"
  echo "  run $i: $line"
done
echo "pacer_send_error_p99_ms=$(median < "$TMP/pacer")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
