#!/usr/bin/env bash
# Accuracy and duration of the capacity step's knee search (coarse ramp x2, bisection to 5%, cool-down between
# probes) against nginx servers that shed load above a known rate (limit_req, 503 beyond it), on 127.0.0.1.
# Usage: bench/capacity/run.sh [rate...]   (default 150 400 900; PROBE_SECONDS=3 COOLDOWN_SECONDS=1)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rates=("${@:-150 400 900}")
read -r -a rates <<<"${rates[*]}"
[ -x /usr/sbin/nginx ] || apt-get install -y --no-install-recommends nginx
TMP=$(mktemp -d /tmp/capacity-bench.XXXXXX)
chmod 755 "$TMP"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
zones=""; locations=""
for rate in "${rates[@]}"; do
  zones+="  limit_req_zone \$binary_remote_addr zone=r$rate:1m rate=${rate}r/s;"$'\n'
  # A static file, not `return`: return answers in the rewrite phase, before limit_req (preaccess) counts anything.
  mkdir -p "$TMP/www"; echo ok > "$TMP/www/$rate"
  locations+="    location = /$rate { limit_req zone=r$rate burst=10 nodelay; root $TMP/www; default_type text/plain; }"$'\n'
done
cat > "$TMP/nginx.conf" <<CONF
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  limit_req_status 503;
$zones
  client_body_temp_path $TMP/body; proxy_temp_path $TMP/proxy; fastcgi_temp_path $TMP/fcgi;
  uwsgi_temp_path $TMP/uwsgi; scgi_temp_path $TMP/scgi;
  server {
    listen 127.0.0.1:$PORT;
$locations
  }
}
CONF
/usr/sbin/nginx -p "$TMP" -c "$TMP/nginx.conf"
stop_nginx() { [ -f "$TMP/nginx.pid" ] && kill "$(cat "$TMP/nginx.pid")" 2>/dev/null; sleep 0.5; rm -rf "$TMP"; }
trap stop_nginx EXIT
sleep 0.5
dotnet build "$root/bench/capacity/CapacityBench.csproj" -c Release -nologo -v q >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
dotnet "$root/artifacts/bin/CapacityBench/release/CapacityBench.dll" "http://127.0.0.1:$PORT/{rate}" "${rates[@]}"
