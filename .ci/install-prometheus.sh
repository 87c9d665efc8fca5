#!/usr/bin/env bash
# Debian's Prometheus (promtool checks and unit-tests dashboards/prometheus/*.yml; the alert tests run the server) and
# Alertmanager (prometheus-alertmanager: the webhook detection tests and demo-shop-monitoring route alerts through it).
set -euo pipefail
if command -v promtool >/dev/null 2>&1 && [ -x /usr/bin/prometheus ] && [ -x /usr/bin/prometheus-alertmanager ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus prometheus-alertmanager
# The packages start system services; the tests and drills run their own instances on free ports.
$SUDO systemctl disable --now prometheus prometheus-alertmanager >/dev/null 2>&1 || true
promtool --version
prometheus-alertmanager --version
