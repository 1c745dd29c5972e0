#!/usr/bin/env bash
# DynamoDB Local (the integration tests' and `npm start`'s database) is a Java program.
# Installs a headless JRE when none works, so a fresh CI machine can run the tests.
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"

if java -version >/dev/null 2>&1; then
  echo "ensure-java: $(java -version 2>&1 | head -n 1) (already installed)"
  exit 0
fi
apt_install ensure-java default-jre-headless
if ! java -version >/dev/null 2>&1; then
  echo "ensure-java: default-jre-headless is installed but \`java -version\` still fails" >&2
  exit 1
fi
echo "ensure-java: installed $(java -version 2>&1 | head -n 1)"
