#!/usr/bin/env bash
# Makes a Docker engine answer on /var/run/docker.sock, for the docker driver's tests and benches.
# Idempotent: installs Debian's docker.io only when dockerd is missing (and docker-compose when missing), starts dockerd only when the
# socket does not answer, then waits up to 60 s. Never pulls an image (no registry is assumed).
set -euo pipefail

SOCKET=/var/run/docker.sock
LOG=${DOCKERD_LOG:-/tmp/dockerd.log}
WAIT_SECONDS=${DOCKER_WAIT_SECONDS:-60}

fail() { echo "install-docker: $*" >&2; exit 1; }

answers() {
  if command -v docker >/dev/null 2>&1; then
    docker version --format '{{.Server.Version}}' >/dev/null 2>&1
  else
    curl -fsS --max-time 2 --unix-socket "$SOCKET" http://localhost/_ping >/dev/null 2>&1
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else
    fail "need root (or passwordless sudo) to run: $*"; fi
}

# Debian's docker-compose (v1): `drill env import --compose` is tested on a project it starts.
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "install-docker: docker-compose missing, installing it from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq || fail "apt-get update failed"
  as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends docker-compose >/dev/null || fail "apt-get install docker-compose failed"
fi

if answers; then
  echo "install-docker: engine already answers on $SOCKET"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "install-docker: dockerd missing, installing docker.io from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  # Waits for another apt run instead of failing on its lock.
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq || fail "apt-get update failed"
  as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq docker.io >/dev/null || fail "apt-get install docker.io failed"
  command -v dockerd >/dev/null 2>&1 || fail "docker.io installed but dockerd is still not on PATH"
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  echo "install-docker: starting dockerd (log: $LOG)"
  as_root sh -c "nohup dockerd >'$LOG' 2>&1 &"
fi

for _ in $(seq 1 "$WAIT_SECONDS"); do
  if answers; then
    echo "install-docker: engine answers on $SOCKET"
    exit 0
  fi
  sleep 1
done

echo "install-docker: last lines of $LOG:" >&2
tail -n 20 "$LOG" >&2 2>/dev/null || true
fail "dockerd did not answer on $SOCKET within ${WAIT_SECONDS} s"
