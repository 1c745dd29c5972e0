#!/usr/bin/env bash
# The full check (what `npm test` and CI run): Java for DynamoDB Local, types, lint, then the
# unit and integration test projects, closing with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Lambda runs Node 22; the SDK's notice about local Node 20 is noise in test output.
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

bash tools/ensure-java.sh
# The browser tests (tests/e2e) drive Debian's Chromium.
bash tools/ensure-chromium.sh
npx tsc --noEmit -p tsconfig.json
npx eslint .

mkdir -p .local
report=.local/vitest-report.json
rm -f "$report"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=$?
if [ -f "$report" ]; then
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
    if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
    // The report decides, not only the exit code: one merged run ended "18 failed" with status 0.
    if (r.numFailedTests > 0 || r.numFailedTestSuites > 0) process.exit(1);
  ' "$report" || status=1
else
  echo "tests: 0 passed, 1 failed (vitest wrote no report)"
  status=1
fi
exit "$status"
