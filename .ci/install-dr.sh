#!/usr/bin/env bash
# The data tier of the demo-shop-ha environments and their tests: Debian's etcd (server and client), Patroni and
# PostgreSQL 15, pgBackRest (demo-shop-dr's backups) and curl (its runbook's application check), util-linux's setpriv (services run as the postgres and etcd users), and mmdebstrap for the Docker
# image built from the same packages. Nothing is started here: `drill env up demo-shop-ha` starts its own etcd and
# Patroni nodes on 127.0.0.1:18300-18399 (tests on free ports), as the postgres and etcd users. Idempotent; root in CI.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

packages=(etcd-server etcd-client patroni postgresql-15 python3-psycopg2 pgbackrest curl util-linux mmdebstrap)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then missing+=("$package"); fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian starts a system-wide etcd on 127.0.0.1:2379 after installing it; the drills bring their own, so it may stay
# (it holds no port of ours). Patroni's package starts nothing.
for binary in /usr/bin/etcd /usr/bin/etcdctl /usr/bin/patroni /usr/lib/postgresql/15/bin/postgres /usr/bin/setpriv /usr/bin/mmdebstrap /usr/bin/pgbackrest /usr/bin/curl; do
  [ -x "$binary" ] || { echo "missing $binary after install"; exit 1; }
done
id postgres >/dev/null && id etcd >/dev/null
echo "data tier ready: $(etcd --version | head -1), $(patroni --version), $(/usr/lib/postgresql/15/bin/postgres --version)"
