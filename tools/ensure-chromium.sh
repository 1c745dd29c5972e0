#!/usr/bin/env bash
# The browser tests (tests/e2e) drive Debian's Chromium with playwright-core. Installs it with
# apt-get when /usr/bin/chromium is missing (never `npx playwright install`: no downloads from
# outside the package mirrors).
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"

if [ -x /usr/bin/chromium ]; then
  echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1) (already installed)"
  exit 0
fi
apt_install ensure-chromium chromium fonts-dejavu-core
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: chromium is installed but /usr/bin/chromium is missing" >&2
  exit 1
fi
echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
