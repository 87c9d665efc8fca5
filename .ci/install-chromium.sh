#!/usr/bin/env sh
# Browser tests drive Debian's Chromium; Playwright never downloads a browser here.
set -eu
if [ -x /usr/bin/chromium ]; then
  /usr/bin/chromium --version
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
/usr/bin/chromium --version
