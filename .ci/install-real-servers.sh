#!/usr/bin/env bash
# Debian's nginx and haproxy on the host: the local driver's web tier (drills/environments/web-tier.yaml), the
# config-file fault tests against real servers, and bench/capacity and bench/traffic run them as local processes.
# (On Docker the web tier's image is built from the same package with mmdebstrap.)
set -euo pipefail
if [ -x /usr/sbin/nginx ] && [ -x /usr/sbin/haproxy ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx haproxy
# The packages start system services on port 80 and the like; tests and drills run their own instances on free
# ports of 127.0.0.1, so the system ones are stopped and kept from starting again.
$SUDO systemctl disable --now nginx haproxy >/dev/null 2>&1 || true
if [ -f /run/nginx.pid ]; then $SUDO kill "$(cat /run/nginx.pid)" 2>/dev/null || true; fi
$SUDO pkill -x haproxy 2>/dev/null || true
/usr/sbin/nginx -v
/usr/sbin/haproxy -v | head -1
