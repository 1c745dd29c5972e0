import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { selfCpuMs, treeCpuMs } from './process-cpu.ts';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import autocannon from 'autocannon';

/**
 * `npm run bench`: `POST /v1/requests` on the local stack (the path every local user and
 * integration test takes: DynamoDB Local, the SES and S3 stand-ins, workflows on, local IAM), with
 * 1 connection and with 8, in alternating rounds, and beside it, in the same run, the floor (a
 * DynamoDB Local PutItem, p50 of 50) and the AWS calls per intake counted by an SDK middleware.
 * The old in-process figure (in-memory store, no workflows) follows as a secondary line.
 *
 * Between runs the workflows each intake started (acknowledgement, identity request, timer) are
 * left to finish, so a run is not slowed by the previous one's backlog; the drain time is printed.
 * Env: BENCH_ROUNDS (3), BENCH_SECONDS (5), BENCH_CPU_PROF=1 (writes a --cpu-prof of the server
 * process to .local/bench-prof/). About 1.5–2 minutes in all, so that a quiet-machine run is cheap.
 * The machine's `uptime` (load average) and core count are printed at the start and the end: on a
 * shared machine the load decides the absolute figures.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const benchStarted = performance.now();
const uptime = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`;
  }
};
const CONNECTIONS = [1, 8] as const;

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failures: number;
  apiCalls: number;
  workflowCalls: number;
  drainMs: number;
  load: number;
  /** CPU ms per completed intake, from the run's start to the end of its drain (workflows included), by process. */
  cpuMsPerIntake: Record<string, number>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const load1 = () => loadavg()[0] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startServer(script: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; info: Record<string, unknown> }> {
  const child = spawn(process.execPath, [...extraArgs, '--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NODE_ENV: 'production' },
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, info: JSON.parse(firstLine) as Record<string, unknown> };
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// Every request is a new subject (as in real traffic); one in ten a returning one (repeat checks).
let n = 0;
const newRequest = () => {
  n += 1;
  const who = n % 10 === 0 ? 'returning' : `subject-${process.pid}-${n}`;
  return JSON.stringify({ rights: [{ type: 'access' }, { type: 'erasure' }], subject: { name: `Bench ${who}`, email: `${who}@example.lt` }, language: 'en' });
};

function post(url: string, token: string, connections: number, seconds: number) {
  return autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: newRequest() }) }],
  });
}

interface CallsView {
  total: number;
  byLabel: Record<string, Record<string, number>>;
  /** The SDK's own p50 ms per command the API made (bench/local-server.ts). */
  apiCommandMsP50?: Record<string, number>;
}
const callsOf = async (control: string, reset = false): Promise<CallsView> => (await fetch(`${control}/calls${reset ? '?reset=1' : ''}`)).json() as Promise<CallsView>;
const sum = (commands: Record<string, number> | undefined) => Object.values(commands ?? {}).reduce((a, b) => a + b, 0);
const workflowCalls = (view: CallsView) => Object.entries(view.byLabel).filter(([label]) => label.startsWith('workflow-')).reduce((a, [, c]) => a + sum(c), 0);

/** Waits until the workflow steps have made no SDK call for a second (the intakes' workflows are parked). */
async function drain(control: string): Promise<{ view: CallsView; ms: number }> {
  const started = performance.now();
  let last = await callsOf(control);
  for (;;) {
    await sleep(1000);
    const now = await callsOf(control);
    if (workflowCalls(now) === workflowCalls(last) || performance.now() - started > 30_000) return { view: now, ms: performance.now() - started - 1000 };
    last = now;
  }
}

async function putFloor(endpoint: string, tableName: string): Promise<number> {
  const client = new DynamoDBClient({ region: 'eu-central-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const times: number[] = [];
  for (let i = 0; i < 55; i++) {
    const started = performance.now();
    await client.send(new PutItemCommand({ TableName: tableName, Item: { PK: { S: `BENCH#floor#${i % 5}` }, SK: { S: 'FLOOR' }, n: { N: String(i) } } }));
    if (i >= 5) times.push(performance.now() - started);
  }
  client.destroy();
  return median(times);
}

/**
 * How far DynamoDB Local itself scales from 1 to 8 concurrent writers on this machine: PutItem
 * loops for `ms`, as the floor of the intake's own 8 ÷ 1 ratio (every intake writes through it).
 */
async function putThroughput(endpoint: string, tableName: string, connections: number, ms: number): Promise<number> {
  const client = new DynamoDBClient({ region: 'eu-central-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, requestHandler: { httpAgent: { maxSockets: connections } } });
  let done = 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      for (let i = 0; performance.now() < until; i++) {
        await client.send(new PutItemCommand({ TableName: tableName, Item: { PK: { S: `BENCH#put#${worker}#${i % 5}` }, SK: { S: 'FLOOR' }, n: { N: String(i) } } }));
        done += 1;
      }
    }),
  );
  client.destroy();
  return done / (ms / 1000);
}

const cpuProf = process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', '--cpu-prof-dir=.local/bench-prof'] : [];
const { child: server, info } = await startServer('bench/local-server.ts', cpuProf);
const { apiUrl, token, dynamodbEndpoint, tableName, control } = info as { apiUrl: string; token: string; dynamodbEndpoint: string; tableName: string; control: string };
const url = `${apiUrl}/v1/requests`;
const samples: Record<(typeof CONNECTIONS)[number], Sample[]> = { 1: [], 8: [] };
const floors: number[] = [];
const commandMs: Record<string, number[]> = {};
const putRates: Record<(typeof CONNECTIONS)[number], number[]> = { 1: [], 8: [] };
let secondary: { rps: number; p50: number; p99: number; load: number } | undefined;
try {
  console.log(`node ${process.version}, ${availableParallelism()} cores; uptime at start: ${uptime()}`);
  // Warm up (JIT, first IAM decisions, the reference block), then let its workflows finish.
  await post(url, token, 2, 2);
  await drain(control);
  floors.push(await putFloor(dynamodbEndpoint, tableName));
  for (const connections of CONNECTIONS) putRates[connections].push(await putThroughput(dynamodbEndpoint, tableName, connections, 2000));
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? CONNECTIONS : ([...CONNECTIONS].reverse() as unknown as typeof CONNECTIONS);
    for (const connections of order) {
      await callsOf(control, true);
      const load = load1();
      const cpuBefore = { ...treeCpuMs(server.pid!), 'load generator (this process)': selfCpuMs() };
      const result = await post(url, token, connections, SECONDS);
      const atEnd = await callsOf(control);
      if (connections === 1) for (const [command, ms] of Object.entries(atEnd.apiCommandMsP50 ?? {})) (commandMs[command] ??= []).push(ms);
      const drained = await drain(control);
      const cpuAfter = { ...treeCpuMs(server.pid!), 'load generator (this process)': selfCpuMs() };
      const ok = result['2xx'];
      const s: Sample = {
        rps: ok / SECONDS,
        p50: result.latency.p50,
        p99: result.latency.p99,
        ok,
        failures: result.errors + result.non2xx,
        // Per intake that completed, counted after the drain: requests still in flight when the run
        // ends make calls but no counted response (each intake starts exactly two executions).
        apiCalls: sum(drained.view.byLabel.api) / Math.max(1, (drained.view.byLabel.api?.StartExecutionCommand ?? 0) / 2),
        workflowCalls: workflowCalls(drained.view) / Math.max(1, ok),
        drainMs: drained.ms,
        load,
        cpuMsPerIntake: Object.fromEntries(Object.entries(cpuAfter).map(([name, ms]) => [name, (ms - (cpuBefore[name as keyof typeof cpuBefore] ?? 0)) / Math.max(1, ok)])),
      };
      samples[connections].push(s);
      console.log(
        `round ${round} ${String(connections).padStart(2)} conn  ${s.rps.toFixed(1).padStart(6)} intakes/s  p50 ${s.p50} ms  p99 ${s.p99} ms  AWS calls/intake ${s.apiCalls.toFixed(2)} (+ ${s.workflowCalls.toFixed(1)} in its workflows, drained in ${(s.drainMs / 1000).toFixed(1)} s)  load ${s.load.toFixed(2)}${s.failures ? `  FAILURES ${s.failures}` : ''}`,
      );
    }
    floors.push(await putFloor(dynamodbEndpoint, tableName));
  }
  for (const connections of [...CONNECTIONS].reverse()) putRates[connections].push(await putThroughput(dynamodbEndpoint, tableName, connections, 2000));
} finally {
  await stopServer(server);
}

// Secondary: the old in-process figure (in-memory store, a counting mailer, no workflows).
{
  const { child, info: old } = await startServer('bench/server.ts');
  try {
    const oldUrl = `http://127.0.0.1:${String(old.port)}/v1/requests`;
    await post(oldUrl, String(old.token), 8, 1);
    const load = load1();
    const r = await post(oldUrl, String(old.token), 8, SECONDS);
    secondary = { rps: r['2xx'] / SECONDS, p50: r.latency.p50, p99: r.latency.p99, load };
  } finally {
    await stopServer(child);
  }
}

const summary = (c: (typeof CONNECTIONS)[number]) => ({
  rps: median(samples[c].map((s) => s.rps)),
  p50: median(samples[c].map((s) => s.p50)),
  p99: median(samples[c].map((s) => s.p99)),
  calls: median(samples[c].map((s) => s.apiCalls)),
  workflow: median(samples[c].map((s) => s.workflowCalls)),
  load: median(samples[c].map((s) => s.load)),
  failures: samples[c].reduce((a, s) => a + s.failures, 0),
});
const one = summary(1);
const eight = summary(8);
const floor = median(floors);
const pad = (v: string | number, w: number) => String(v).padStart(w);
console.log(`\nPOST /v1/requests on the local stack, ${ROUNDS} alternating rounds of ${SECONDS} s, medians (${new Date().toISOString().slice(0, 10)}, node ${process.version})`);
console.log('connections   intakes/s   p50 ms   p99 ms   AWS calls/intake   load avg   failures');
for (const [c, s] of [[1, one], [8, eight]] as const) {
  console.log(`${pad(c, 11)} ${pad(s.rps.toFixed(1), 11)} ${pad(s.p50, 8)} ${pad(s.p99, 8)} ${pad(s.calls.toFixed(2), 18)} ${pad(s.load.toFixed(2), 10)} ${pad(s.failures, 10)}`);
}
console.log(`throughput 8 ÷ 1 connections: ${(eight.rps / one.rps).toFixed(2)} (target ≥ 4)`);
console.log(`intake p50 at 1 connection: ${one.p50} ms (target ≤ 40 ms)`);
console.log(`floor: DynamoDB Local PutItem p50 of 50 = ${floor.toFixed(1)} ms (median of ${floors.length} measurements); intake p50 ÷ floor = ${(one.p50 / floor).toFixed(1)}`);
{
  const [p1, p8] = [median(putRates[1]), median(putRates[8])];
  console.log(`floor of the ratio: DynamoDB Local PutItem with 1 writer ${p1.toFixed(0)}/s, with 8 ${p8.toFixed(0)}/s: 8 ÷ 1 = ${(p8 / p1).toFixed(2)} (median of ${putRates[1].length} runs of 2 s)`);
}
{
  // What the cores allow: if every intake costs C ms of CPU across the stack (the API, the workflow
  // steps, the stand-ins, DynamoDB Local's JVM and the load generator, all on this machine), no
  // number of connections gets more than cores × 1000 ÷ C intakes/s.
  const cpu = (c: (typeof CONNECTIONS)[number]) => {
    const names = [...new Set(samples[c].flatMap((s) => Object.keys(s.cpuMsPerIntake)))];
    return Object.fromEntries(names.map((name) => [name, median(samples[c].map((s) => s.cpuMsPerIntake[name] ?? 0))]));
  };
  const [c1, c8] = [cpu(1), cpu(8)];
  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  if (total(c1) > 0) {
    const cores = availableParallelism();
    const ceiling = (cores * 1000) / total(c8);
    console.log(`CPU per intake (run + its workflows' drain), 1 conn / 8 conn: ${Object.keys({ ...c1, ...c8 }).map((name) => `${name} ${(c1[name] ?? 0).toFixed(1)} / ${(c8[name] ?? 0).toFixed(1)} ms`).join(', ')}; total ${total(c1).toFixed(1)} / ${total(c8).toFixed(1)} ms`);
    console.log(
      `CPU ceiling: ${cores} cores × 1000 ÷ ${total(c8).toFixed(1)} ms = ${ceiling.toFixed(0)} intakes/s at most (with the machine to ourselves); 1 connection already used ${((one.rps * total(c1)) / 1000).toFixed(2)} of ${cores} cores, so 8 ÷ 1 can reach at most ${(ceiling / one.rps).toFixed(2)}`,
    );
  }
}
console.log(`AWS calls in each intake's workflows (off the request path, until parked): ${one.workflow.toFixed(1)}`);
console.log(
  `request path at 1 connection, the SDK's own p50 per call: ${Object.entries(commandMs)
    .map(([command, ms]) => `${command.replace(/Command$/, '')} ${median(ms).toFixed(1)} ms`)
    .join(', ')} (the two StartExecution go out together)`,
);
if (secondary) console.log(`secondary (old figure): POST /v1/requests in process, in-memory store, no workflows, 8 connections: ${secondary.rps.toFixed(0)} req/s, p50 ${secondary.p50} ms, p99 ${secondary.p99} ms (load ${secondary.load.toFixed(2)})`);
if (one.failures + eight.failures > 0) process.exitCode = 1;
console.log(`uptime at end: ${uptime()}; the benchmark took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
