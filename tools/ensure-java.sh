#!/usr/bin/env bash
# DynamoDB Local (the integration tests' and `npm start`'s database) is a Java program.
# Installs a headless JRE when none works, so a fresh CI machine can run the tests.
set -euo pipefail

if java -version >/dev/null 2>&1; then
  echo "ensure-java: $(java -version 2>&1 | head -n 1) (already installed)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-java: no working java and no apt-get; install a Java runtime (17+) by hand" >&2
  exit 1
fi

# CI images usually run as root without sudo; a developer machine usually has sudo.
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "ensure-java: not root and no sudo; run: apt-get install -y default-jre-headless" >&2
    exit 1
  fi
fi

echo "ensure-java: java not found; installing default-jre-headless with apt-get"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
if ! java -version >/dev/null 2>&1; then
  echo "ensure-java: default-jre-headless is installed but \`java -version\` still fails" >&2
  exit 1
fi
echo "ensure-java: installed $(java -version 2>&1 | head -n 1)"
