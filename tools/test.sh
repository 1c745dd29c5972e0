#!/usr/bin/env bash
# The full check (what `npm test` and CI run): Java for DynamoDB Local, types, lint, then the
# unit and integration test projects.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/ensure-java.sh
npx tsc --noEmit -p tsconfig.json
npx eslint .
npx vitest run
