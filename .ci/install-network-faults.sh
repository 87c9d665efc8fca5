#!/usr/bin/env bash
# Host tools for network and storage faults on the Docker driver: they act inside a container's namespaces from the
# host (nothing is needed in the image): nsenter and setsid (util-linux), tc and ss (iproute2), iptables-save and
# iptables-restore (iptables). Debian packages; idempotent; needs root, as the tests that use them do.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

missing=""
for tool in nsenter:util-linux setsid:util-linux tc:iproute2 ss:iproute2 iptables-save:iptables iptables-restore:iptables; do
  name="${tool%%:*}"; package="${tool##*:}"
  if ! command -v "$name" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$name" ] && [ ! -x "/sbin/$name" ]; then
    case " $missing " in *" $package "*) ;; *) missing="$missing $package" ;; esac
  fi
done

if [ -n "$missing" ]; then
  echo "install-network-faults: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
fi

# The kernel side: random drop (statistic match), redirect (nat), token bucket (tbf). netem is not needed.
for module in xt_statistic xt_comment xt_REDIRECT sch_tbf; do
  $SUDO modprobe "$module" 2>/dev/null || true
done
echo "install-network-faults: $(nsenter --version | head -n1); $(tc -V | head -n1); $(iptables --version)"
