import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { FUNCTIONS, LETTER_FONT, type FunctionSpec } from '../infra/bundling.ts';
import { lambdaBuildOptions } from '../tests/support/lambda-bundle.ts';

/**
 * `npm run bench:cold`: every deployed bundle built with the deploy's esbuild options
 * (infra/bundling.ts), each imported by a fresh `node` process, against a bare Hono Lambda bundle
 * (`hono` + `hono/aws-lambda`, one route) built and timed the same way, in the same run: 9 runs
 * (BENCH_COLD_RUNS), each run timing every bundle once, in alternating order, medians compared.
 * Init is the time `import()` of the bundle takes (what Lambda's init phase runs for the handler
 * module). The AWS SDK is external, as deployed, and resolves to the npm copy in node_modules
 * (as the runtime's own copy would be). Also timed: the API with the SDK bundled in, the
 * alternative the README's decision weighs, and a bare Hono Lambda that also makes a DynamoDB
 * document client at init (the least any function reading the table at init can load, with the
 * runtime's SDK): the floor the deployed bundles are held against. `uptime` is printed at the
 * start and end, with the time the whole run took.
 */
const benchStarted = performance.now();
const uptime = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`;
  }
};
console.log(`${availableParallelism()} cores; uptime at start: ${uptime()}`);
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 9);
const OUT = resolve('.local/bench-cold');

interface Target {
  readonly name: string;
  readonly file: string;
  readonly functions: readonly string[];
  readonly kb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Configuration every function reads at init (validated by shared/config): placeholders that pass validation. */
const ENV: Record<string, string> = {
  AWS_REGION: 'eu-central-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  RIGHTSDESK_TABLE: 'rightsdesk',
  AUTH_ISSUER: 'https://issuer.example.lt',
  AUTH_AUDIENCE: 'rightsdesk',
  AUTH_JWKS_URL: 'https://issuer.example.lt/.well-known/jwks.json',
  INBOUND_MAIL_BUCKET: 'rightsdesk-inbound-mail',
  EVIDENCE_BUCKET: 'rightsdesk-evidence',
  ANSWERS_BUCKET: 'rightsdesk-answers',
  CASE_WORKFLOW_ARN: 'arn:aws:states:eu-central-1:000000000000:stateMachine:rightsdesk-case',
  DEADLINE_TIMER_ARN: 'arn:aws:states:eu-central-1:000000000000:stateMachine:rightsdesk-timer',
  LETTERS_FUNCTION: 'rightsdesk-letters',
  LETTER_FONT_PATH: resolve(LETTER_FONT.source),
  WEBHOOK_KMS_KEY_ID: 'arn:aws:kms:eu-central-1:000000000000:key/00000000-0000-0000-0000-000000000000',
  FORM_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  PUBLIC_BASE_URL: 'https://privacy.example.lt',
  CONSOLE_BASE_URL: 'https://privacy.example.lt/console',
  CONSOLE_SESSION_SECRET: 'bench-session-secret-bench-session-secret-01',
  COGNITO_USER_POOL_ID: 'eu-central-1_bench',
  COGNITO_CLIENT_ID: 'benchclient',
  COGNITO_DOMAIN: 'https://bench.auth.eu-central-1.amazoncognito.com',
  COGNITO_REGION: 'eu-central-1',
  // Any certificate: init only parses it (the deploy ships the OJ-published LOTL signers).
  TL_LOTL_SIGNERS_FILE: resolve('tests/fixtures/real-world/thunderbird/TestCA.pem'),
};

async function bundle(name: string, options: Parameters<typeof build>[0]): Promise<{ file: string; kb: number }> {
  const dir = join(OUT, name);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  const result = await build({ ...options, outfile: file, write: true, metafile: true, sourcemap: false });
  const kb = Object.values(result.metafile?.outputs ?? {}).reduce((a, o) => a + o.bytes, 0) / 1024;
  return { file, kb };
}

/**
 * A fresh node process importing `file`: the wall time from spawn to exit (node's own start-up
 * included, as Lambda's Init Duration includes the runtime's) and the import alone.
 */
function initMs(file: string): { wall: number; imported: number } {
  const script = `const s=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});process.stdout.write(String(performance.now()-s));process.exit(0);`;
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH ?? '', ...ENV }, encoding: 'utf8', timeout: 60_000 });
  const wall = performance.now() - started;
  const imported = Number(run.stdout);
  if (run.status !== 0 || !Number.isFinite(imported)) {
    throw new Error(`${file}: init failed (${run.status}): ${run.stderr.split('\n').filter((l) => /Error|at /.test(l) && l.length < 400).slice(0, 4).join(' | ')}`);
  }
  return { wall, imported };
}

await rm(OUT, { recursive: true, force: true });
const targets: Target[] = [];
// Functions sharing an entry and aliases (the workflow steps) share one bundle.
const byBundle = new Map<string, FunctionSpec[]>();
for (const spec of FUNCTIONS) {
  const key = `${spec.entry}|${JSON.stringify(spec.alias ?? {})}`;
  byBundle.set(key, [...(byBundle.get(key) ?? []), spec]);
}
for (const specs of byBundle.values()) {
  const first = specs[0]!;
  const name = specs.length > 1 ? `workflow steps (${specs.length})` : first.name;
  const built = await bundle(name.replace(/[^a-z0-9-]+/gi, '_'), lambdaBuildOptions(first));
  targets.push({ name, file: built.file, functions: specs.map((s) => s.name), kb: built.kb });
}
// The bare Hono Lambda: hono + hono/aws-lambda, one route, same esbuild options.
const bareEntry = join(OUT, 'bare-hono-entry.ts');
await mkdir(OUT, { recursive: true });
await writeFile(bareEntry, "import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\n\nexport const handler = handle(new Hono().get('/', (c) => c.text('Hello Hono!')));\n");
const bare = await bundle('bare-hono', lambdaBuildOptions({ entry: bareEntry }));
targets.push({ name: 'bare Hono', file: bare.file, functions: [], kb: bare.kb });
// The floor for a function that reads DynamoDB at init: bare Hono + the SDK's DynamoDB document client.
const dynamoEntry = join(OUT, 'bare-hono-dynamodb-entry.ts');
await writeFile(
  dynamoEntry,
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';\nimport { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\n\nconst doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nexport const handler = handle(new Hono().get('/', async (c) => c.json((await doc.send(new GetCommand({ TableName: 't', Key: { PK: 'x' } }))).Item ?? {})));\n",
);
const bareDynamo = await bundle('bare-hono-dynamodb', lambdaBuildOptions({ entry: dynamoEntry }));
targets.push({ name: 'bare Hono + DynamoDB client', file: bareDynamo.file, functions: [], kb: bareDynamo.kb });
// The alternative: the API with the AWS SDK bundled in (no external).
const apiSpec = FUNCTIONS.find((f) => f.name === 'api')!;
const apiBundled = await bundle('api-sdk-bundled', { ...lambdaBuildOptions(apiSpec), external: [] });
targets.push({ name: 'api, AWS SDK bundled', file: apiBundled.file, functions: [], kb: apiBundled.kb });

const times = new Map<string, Array<{ wall: number; imported: number }>>(targets.map((t) => [t.name, []]));
const loads: number[] = [];
for (const t of targets) initMs(t.file); // warm the file cache once
for (let run = 1; run <= RUNS; run++) {
  loads.push(loadavg()[0] ?? 0);
  const order = run % 2 ? targets : [...targets].reverse();
  for (const t of order) times.get(t.name)!.push(initMs(t.file));
}
const wallOf = (name: string) => median(times.get(name)!.map((t) => t.wall));
const importOf = (name: string) => median(times.get(name)!.map((t) => t.imported));
const bareWall = wallOf('bare Hono');
const bareImport = importOf('bare Hono');
console.log(`Init of each bundle in a fresh node ${process.version} process, median of ${RUNS} alternating runs, ${new Date().toISOString().slice(0, 10)}; load average ${median(loads).toFixed(2)} (min ${Math.min(...loads).toFixed(2)}, max ${Math.max(...loads).toFixed(2)})`);
console.log('init = spawn to exit (node start-up + import, like Lambda\'s Init Duration); import = the import() alone');
console.log('bundle                          size KB   init ms  ÷ bare Hono   import ms  ÷ bare Hono');
let worst = 0;
for (const t of targets) {
  const ratio = wallOf(t.name) / bareWall;
  if (t.functions.length > 0) worst = Math.max(worst, ratio);
  console.log(
    `${t.name.padEnd(30)} ${t.kb.toFixed(1).padStart(8)} ${wallOf(t.name).toFixed(0).padStart(9)} ${ratio.toFixed(2).padStart(12)} ${importOf(t.name).toFixed(0).padStart(11)} ${(importOf(t.name) / bareImport).toFixed(2).padStart(12)}`,
  );
}
console.log(`worst deployed bundle: init ${worst.toFixed(2)} × bare Hono (target ≤ 2)`);
console.log(`floor: bare Hono + DynamoDB document client at init = ${(wallOf('bare Hono + DynamoDB client') / bareWall).toFixed(2)} × bare Hono`);
console.log(`uptime at end: ${uptime()}; the benchmark took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
