import { execFile, execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { FUNCTIONS, initLoadKb, LETTER_FONT, type FunctionSpec } from '../infra/bundling.ts';
import { lambdaBuildOptions } from '../tests/support/lambda-bundle.ts';
import { firstRequests } from './cold-events.ts';
import { seedBenchCase, BENCH_CASE, BENCH_WAITING_CASE } from './cold-seed.ts';
import { startAwsStub } from './cold-stub.ts';

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
  /** The first request after init (none: the import alone). */
  readonly first: { readonly handler: string; readonly eventFile: string; readonly expect: string } | undefined;
}
const answers = new Map<string, string>();

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
  // Any certificate: init only parses it (the deploy ships the OJ-published LOTL signers); the first request uses the test LOTL's signer (cold-events.ts).
  TL_LOTL_SIGNERS_FILE: resolve('tests/fixtures/real-world/thunderbird/TestCA.pem'),
};

async function bundle(name: string, options: Parameters<typeof build>[0]): Promise<{ file: string; kb: number }> {
  const dir = join(OUT, name);
  await mkdir(dir, { recursive: true });
  // Written as deployed: index.mjs and, when split, its chunks; `kb` is what init loads (index.mjs and its static imports).
  const result = await build({ ...options, outdir: dir, entryNames: 'index', outExtension: { '.js': '.mjs' }, write: true, metafile: true, sourcemap: false });
  return { file: join(dir, 'index.mjs'), kb: initLoadKb(result.metafile).kb };
}

/**
 * The child process: imports the bundle, then (when given) invokes its handler once with the
 * first request's event and exits. It reports the import and the invocation separately.
 */
const CHILD = `import { readFileSync } from 'node:fs';
const [file, handlerName, eventFile] = process.argv.slice(2);
const s = performance.now();
const booted = s;
const mod = await import(file);
const imported = performance.now() - s;
let answer = '';
const h = performance.now();
if (handlerName) {
  const context = { awsRequestId: 'bench', functionName: 'bench', callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 30000 };
  try {
    const r = await mod[handlerName](JSON.parse(readFileSync(eventFile, 'utf8')), context);
    answer = r && typeof r === 'object' && 'statusCode' in r ? '"statusCode":' + r.statusCode + ' ' + String(r.body).slice(0, 200) : JSON.stringify(r) ?? 'undefined';
  } catch (error) {
    answer = 'threw ' + (error && error.name) + ': ' + String(error && error.message).slice(0, 120);
  }
}
const handled = performance.now() - h;
// SIGKILL once the report is written: the process's teardown is no part of a Lambda's init or
// invocation, and after a first fetch() it waits ~150 ms for V8's background compilation of
// undici's WebAssembly HTTP parser, which process.exit(0) would have added to "init".
const cpu = process.cpuUsage();
process.stdout.write('\\n@@bench@@' + JSON.stringify({ booted, imported, handled, after: performance.now(), cpu: (cpu.user + cpu.system) / 1000, answer: answer.slice(0, 400) }), () => process.kill(process.pid, 'SIGKILL'));
`;

interface Timing {
  /** Spawn to exit of a process that only imports the bundle (what Lambda's init runs). */
  readonly wall: number;
  /** The figure used before 2026-12-05 evening: spawn to exit with the first invocation, less the invocation. */
  readonly wallLess: number;
  /** Spawn to exit, the first invocation included. */
  readonly wallFirst: number;
  readonly imported: number;
  readonly handled: number;
  /** CPU time (user + system) of the import-only process until its report: less swayed by other processes' load than wall time. */
  readonly cpu: number;
  /** The same for the process that also answers the first request. */
  readonly cpuFirst: number;
  readonly answer: string;
}

/** One child process: spawn to exit, and its report. */
async function spawnChild(t: Target, args: string[], env: Record<string, string>): Promise<{ wall: number; imported: number; handled: number; cpu: number; answer: string }> {
  const started = performance.now();
  const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
      // The child ends itself with SIGKILL after its report (CHILD); any other end is a failure.
      done({ status: error && error.signal !== 'SIGKILL' ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
  const wall = performance.now() - started;
  if (process.env.BENCH_COLD_VERBOSE) process.stderr.write(`${t.name}: wall ${wall.toFixed(0)} child ${run.stdout.slice(run.stdout.lastIndexOf('@@bench@@') + 9, run.stdout.lastIndexOf(',"answer"'))}\n`);
  let parsed: { imported: number; handled: number; cpu: number; answer: string } | undefined;
  try {
    // The handler may log to stdout too: the report is the text after the last marker.
    parsed = JSON.parse(run.stdout.slice(run.stdout.lastIndexOf('@@bench@@') + 9)) as { imported: number; handled: number; cpu: number; answer: string };
  } catch {
    parsed = undefined;
  }
  if (run.status !== 0 || !parsed) {
    throw new Error(`${t.file}: init failed (${run.status}): ${run.stderr.split('\n').filter((l) => /Error|at /.test(l) && l.length < 400).slice(0, 4).join(' | ')}`);
  }
  return { wall, ...parsed };
}

/**
 * Two fresh node processes: one that only imports `file` (init: spawn to exit, node's own start-up
 * included, as Lambda's Init Duration includes the runtime's), and one that imports it and
 * invokes it once (init + first request: spawn to exit; the import and the invocation timed
 * alone inside it). Init used to be the second process's wall time less the invocation; that
 * also charged to init what the first request leaves for the process's exit (more loaded code,
 * open sockets); both are printed.
 */
async function initMs(t: Target, env: Record<string, string>): Promise<Timing> {
  const first = t.first;
  const importOnly = await spawnChild(t, [childFile, pathToFileURL(t.file).href], env);
  if (!first) return { wall: importOnly.wall, wallLess: importOnly.wall, wallFirst: importOnly.wall, imported: importOnly.imported, handled: 0, cpu: importOnly.cpu, cpuFirst: importOnly.cpu, answer: '' };
  const withFirst = await spawnChild(t, [childFile, pathToFileURL(t.file).href, first.handler, first.eventFile], env);
  return { wall: importOnly.wall, wallLess: withFirst.wall - withFirst.handled, wallFirst: withFirst.wall, imported: importOnly.imported, handled: withFirst.handled, cpu: importOnly.cpu, cpuFirst: withFirst.cpu, answer: withFirst.answer };
}

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
const childFile = join(OUT, 'child.mjs');
await writeFile(childFile, CHILD);
const requests = await firstRequests();
const stub = await startAwsStub(requests.jwks, requests.served);
// The case the workflow steps and the fulfilment task page work on, stored in the stub before the runs.
stub.record(true);
const seeded = await seedBenchCase(stub.url);
stub.record(false);
console.log(`AWS stub seeded: case ${BENCH_CASE.caseId} (${seeded.status}), case ${BENCH_WAITING_CASE.caseId} (${seeded.waitingStatus}); ${stub.seeded} items`);
const childEnv: Record<string, string> = {
  ...ENV,
  ...requests.env,
  // Every SDK client without an endpoint of its own goes to the stub (the SDK's configurable endpoints).
  AWS_ENDPOINT_URL: stub.url,
  AUTH_JWKS_URL: `${stub.url}/.well-known/jwks.json`,
  TL_LOTL_URL: `${stub.url}/lotl.xml`,
};
const firstOf = async (key: string): Promise<Target['first']> => {
  const request = requests.byBundle.get(key);
  if (!request) return undefined;
  const eventFile = join(OUT, `${key.replace(/[^a-z0-9-]+/gi, '_')}-event.json`);
  await writeFile(eventFile, JSON.stringify(request.event));
  return { handler: request.handler, eventFile, expect: request.expect };
};
const only = process.env.BENCH_COLD_ONLY ? new RegExp(process.env.BENCH_COLD_ONLY) : undefined;
const targets: Target[] = [];
const add = async (name: string, options: Parameters<typeof build>[0], functions: readonly string[], requestKey: string) => {
  if (only && !only.test(name) && !name.startsWith('bare Hono')) return;
  const built = await bundle(name.replace(/[^a-z0-9-]+/gi, '_'), options);
  targets.push({ name, file: built.file, functions, kb: built.kb, first: await firstOf(requestKey) });
};
// Functions sharing an entry and aliases (the workflow steps) share one bundle.
const byBundle = new Map<string, FunctionSpec[]>();
for (const spec of FUNCTIONS) {
  const key = `${spec.entry}|${JSON.stringify(spec.alias ?? {})}`;
  byBundle.set(key, [...(byBundle.get(key) ?? []), spec]);
}
for (const specs of byBundle.values()) {
  const first = specs[0]!;
  const name = specs.length > 1 ? `workflow steps (${specs.length})` : first.name;
  await add(name, lambdaBuildOptions(first), specs.map((s) => s.name), specs.length > 1 ? 'workflow steps' : first.name);
}
// The bare Hono Lambda: hono + hono/aws-lambda, one route, same esbuild options.
const bareEntry = join(OUT, 'bare-hono-entry.ts');
await writeFile(bareEntry, "import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\n\nexport const handler = handle(new Hono().get('/', (c) => c.text('Hello Hono!')));\n");
await add('bare Hono', lambdaBuildOptions({ entry: bareEntry }), [], 'bare');
// The floor for a function that reads DynamoDB: bare Hono + the SDK's DynamoDB document client,
// made at init, its first request one GetItem; with the SDK bundled (as deployed) and from the runtime's copy.
const dynamoEntry = join(OUT, 'bare-hono-dynamodb-entry.ts');
await writeFile(
  dynamoEntry,
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';\nimport { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\n\nconst doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nexport const handler = handle(new Hono().get('/', async (c) => c.json((await doc.send(new GetCommand({ TableName: 't', Key: { PK: 'x' } }))).Item ?? {})));\n",
);
const runtimeSdk = { external: ['@aws-sdk/*'], splitting: false };
await add('bare Hono + DynamoDB client', lambdaBuildOptions({ entry: dynamoEntry }), [], 'bare');
// The same with the SDK's full default credential chain (without LAMBDA_SDK_ALIAS), and also without the
// deep-import plugin (infra/sdk-deep-imports.mjs): the deploy's options before 2026-12-05 evening.
await add('bare Hono + DynamoDB, full chain', { ...lambdaBuildOptions({ entry: dynamoEntry }), alias: {} }, [], 'bare');
await add('bare Hono + DynamoDB, neither', { ...lambdaBuildOptions({ entry: dynamoEntry }), alias: {}, plugins: [] }, [], 'bare');
await add('bare Hono + DynamoDB, runtime SDK', { ...lambdaBuildOptions({ entry: dynamoEntry }), ...runtimeSdk }, [], 'bare');
// The alternatives the decision weighs, on the bundles users wait for (BENCH_COLD_ALT): the
// runtime's SDK (external, one file: the deploy until issue 15) and the SDK bundled in one file (no chunks).
for (const name of (process.env.BENCH_COLD_ALT ?? 'api,console,workflow-intake').split(',').filter(Boolean)) {
  const spec = FUNCTIONS.find((f) => f.name === name);
  if (!spec) continue;
  await add(`${name}, runtime SDK`, { ...lambdaBuildOptions(spec), ...runtimeSdk }, [], name);
  await add(`${name}, SDK in one file`, { ...lambdaBuildOptions(spec), splitting: false }, [], name);
}

// BENCH_COLD_BASELINE=<another checkout, e.g. `git worktree add /tmp/base main`, with node_modules>: the
// same bundles built from that tree, timed in the same run, for before/after figures side by side.
if (process.env.BENCH_COLD_BASELINE) {
  const base = resolve(process.env.BENCH_COLD_BASELINE);
  // The baseline's own esbuild options too (its aliases point into its own tree).
  const { FUNCTIONS: BASE_FUNCTIONS, lambdaEsbuildOptions: baseOptions } = (await import(pathToFileURL(join(base, 'infra/bundling.ts')).href)) as {
    FUNCTIONS: readonly FunctionSpec[];
    lambdaEsbuildOptions: typeof lambdaBuildOptions;
  };
  for (const spec of BASE_FUNCTIONS) {
    if (spec.entry === 'functions/workflow/handler.ts' && spec.handler !== 'conclude') continue;
    const name = spec.entry === 'functions/workflow/handler.ts' ? 'workflow steps (8)' : spec.name;
    const entry = join(base, spec.entry);
    await add(`${name}, baseline`, { ...baseOptions({ ...spec, entry }), absWorkingDir: base }, [], name.startsWith('workflow steps') ? 'workflow steps' : name);
  }
}
const times = new Map<string, Timing[]>(targets.map((t) => [t.name, []]));
const loads: number[] = [];
for (const t of targets) {
  // Warm the file cache once, and check that each first request did what it should.
  const warm = await initMs(t, childEnv);
  if (t.first && !warm.answer.includes(t.first.expect)) throw new Error(`${t.name}: the first request answered ${warm.answer}, expected ${t.first.expect}`);
  answers.set(t.name, warm.answer);
}
for (let run = 1; run <= RUNS; run++) {
  loads.push(loadavg()[0] ?? 0);
  const order = run % 2 ? targets : [...targets].reverse();
  for (const t of order) times.get(t.name)!.push(await initMs(t, childEnv));
}
await stub.close();
const of = (name: string, pick: (t: Timing) => number) => median(times.get(name)!.map(pick));
const bareWall = of('bare Hono', (t) => t.wall);
const bareFirst = of('bare Hono', (t) => t.wallFirst);
const bareImport = of('bare Hono', (t) => t.imported);
const bareLess = of('bare Hono', (t) => t.wallLess);
console.log(`Init of each bundle in a fresh node ${process.version} process, median of ${RUNS} alternating runs, ${new Date().toISOString().slice(0, 10)}; load average ${median(loads).toFixed(2)} (min ${Math.min(...loads).toFixed(2)}, max ${Math.max(...loads).toFixed(2)})`);
console.log("init = spawn to exit of a process that only imports the bundle (node start-up + import, like Lambda's Init Duration); import = the import() alone;");
console.log('init (old) = spawn to exit of the process with the first request, less the invocation (the figure before 2026-12-05 evening);');
console.log('init + 1st = spawn to exit with the first request (cold-events.ts) answered by the AWS stub (cold-stub.ts); bare Hono answers GET / in both');
console.log('bundle                            init KB   init ms  ÷ bare   import ms  ÷ bare   init+1st ms  ÷ bare   1st ms   init (old) ÷ bare');
let worst = 0;
let worstFirst = 0;
for (const t of targets) {
  const ratio = of(t.name, (x) => x.wall) / bareWall;
  const ratioFirst = of(t.name, (x) => x.wallFirst) / bareFirst;
  if (t.functions.length > 0) {
    worst = Math.max(worst, ratio);
    worstFirst = Math.max(worstFirst, ratioFirst);
  }
  console.log(
    `${t.name.padEnd(34)} ${t.kb.toFixed(1).padStart(8)} ${of(t.name, (x) => x.wall).toFixed(0).padStart(9)} ${ratio.toFixed(2).padStart(7)} ${of(t.name, (x) => x.imported).toFixed(0).padStart(11)} ${(of(t.name, (x) => x.imported) / bareImport).toFixed(2).padStart(7)} ${of(t.name, (x) => x.wallFirst).toFixed(0).padStart(13)} ${ratioFirst.toFixed(2).padStart(7)} ${of(t.name, (x) => x.handled).toFixed(0).padStart(8)} ${(of(t.name, (x) => x.wallLess) / bareLess).toFixed(2).padStart(19)}`,
  );
}
console.log(`worst deployed bundle: init ${worst.toFixed(2)} × bare Hono (target ≤ 2); init + first request ${worstFirst.toFixed(2)} × bare Hono's`);
const ratioOf = (name: string, pick: (t: Timing) => number, base: number) => (times.has(name) ? of(name, pick) / base : NaN);
console.log(
  `floor: bare Hono + DynamoDB document client at init = ${ratioOf('bare Hono + DynamoDB client', (x) => x.wall, bareWall).toFixed(2)} × bare Hono (runtime SDK: ${ratioOf('bare Hono + DynamoDB, runtime SDK', (x) => x.wall, bareWall).toFixed(2)}); init + first request ${ratioOf('bare Hono + DynamoDB client', (x) => x.wallFirst, bareFirst).toFixed(2)} (runtime SDK: ${ratioOf('bare Hono + DynamoDB, runtime SDK', (x) => x.wallFirst, bareFirst).toFixed(2)}); with the SDK's full credential chain ${ratioOf('bare Hono + DynamoDB, full chain', (x) => x.wall, bareWall).toFixed(2)}, init + first ${ratioOf('bare Hono + DynamoDB, full chain', (x) => x.wallFirst, bareFirst).toFixed(2)}; without the chain's alias and the deep-import plugin ${ratioOf('bare Hono + DynamoDB, neither', (x) => x.wall, bareWall).toFixed(2)}, init + first ${ratioOf('bare Hono + DynamoDB, neither', (x) => x.wallFirst, bareFirst).toFixed(2)}`,
);
const bareCpu = of('bare Hono', (t) => t.cpu);
console.log(`init CPU time (user + system of the import-only process, median; less swayed by the machine's load than wall time), ÷ bare Hono's ${bareCpu.toFixed(0)} ms:`);
console.log('  ' + targets.map((t) => `${t.name} ${(of(t.name, (x) => x.cpu) / bareCpu).toFixed(2)}`).join(', '));
const bareCpuFirst = of('bare Hono', (t) => t.cpuFirst);
console.log(`init + first request CPU time (the process that also answers the first request), ÷ bare Hono's ${bareCpuFirst.toFixed(0)} ms:`);
console.log('  ' + targets.map((t) => `${t.name} ${(of(t.name, (x) => x.cpuFirst) / bareCpuFirst).toFixed(2)}`).join(', '));
console.log("first requests (the warm-up run's answer, abridged):");
for (const t of targets) if (t.first) console.log(`  ${t.name.padEnd(34)} ${answers.get(t.name)!.replace(/"body":"(.{0,60}).*/, '"body":"$1…').slice(0, 110)}`);
console.log(`AWS calls the stub answered, all runs: ${[...stub.calls].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`uptime at end: ${uptime()}; the benchmark took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
