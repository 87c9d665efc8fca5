#!/usr/bin/env bash
# PostgreSQL for the shared-runner tests (Hangfire.PostgreSql, journal, advisory locks): Debian's postgresql, one
# cluster started, a role and database the tests use. Idempotent; runs as root in CI. The tests read the server from
# DRILLRUNNER_TEST_PG (default Host=127.0.0.1;Port=5432;Username=drillrunner;Password=drillrunner;Database=drillrunner_test).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql
fi

version="$(pg_lsclusters -h | awk 'NR==1 {print $1}')"
cluster="$(pg_lsclusters -h | awk 'NR==1 {print $2}')"
if [ -z "$version" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  cluster=main
  $SUDO pg_createcluster "$version" "$cluster"
fi
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster "$version" "$cluster" start || $SUDO service postgresql start
fi

as_postgres() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -qtAX "$@"; }
for _ in $(seq 1 30); do
  if psql_admin -c 'SELECT 1' >/dev/null 2>&1; then break; fi
  sleep 1
done

# Tests create and drop their own databases, so the role may create databases.
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'drillrunner'")" != "1" ]; then
  psql_admin -c "CREATE ROLE drillrunner LOGIN CREATEDB PASSWORD 'drillrunner'"
else
  psql_admin -c "ALTER ROLE drillrunner LOGIN CREATEDB PASSWORD 'drillrunner'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'drillrunner_test'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE drillrunner_test OWNER drillrunner"
fi
PGPASSWORD=drillrunner psql -h 127.0.0.1 -U drillrunner -d drillrunner_test -qtAX -c 'SELECT version()'
