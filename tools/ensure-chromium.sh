#!/usr/bin/env bash
# The browser tests (tests/e2e) drive Debian's Chromium with playwright-core. Installs it with
# apt-get when /usr/bin/chromium is missing (never `npx playwright install`: no downloads from
# outside the package mirrors).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1) (already installed)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no /usr/bin/chromium and no apt-get; install Chromium by hand" >&2
  exit 1
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "ensure-chromium: not root and no sudo; run: apt-get install -y chromium" >&2
    exit 1
  fi
fi

echo "ensure-chromium: /usr/bin/chromium not found; installing chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: chromium is installed but /usr/bin/chromium is missing" >&2
  exit 1
fi
echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
