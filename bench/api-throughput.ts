import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

/**
 * `npm run bench`: requests/s and latency of POST /v1/requests (DynamoDB stubbed in memory)
 * against a bare Hono hello-world on the same server, measured side by side in one run.
 * Rounds alternate between the two targets and the medians are compared, so drift (thermal,
 * other load) hits both alike.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

type Target = keyof typeof targets;

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const server = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NODE_ENV: 'production' },
});
const firstLine = await new Promise<string>((resolve, reject) => {
  createInterface({ input: server.stdout }).once('line', resolve);
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const { port, token } = JSON.parse(firstLine) as { port: number; token: string };
const base = `http://127.0.0.1:${port}`;

// Every request is a new subject (as in real traffic), so repeat detection sees a realistic
// history; one in ten is a returning subject, which exercises the repeat path too.
let n = 0;
const newRequest = () => {
  n += 1;
  const who = n % 10 === 0 ? 'returning' : `subject-${n}`;
  return JSON.stringify({ rights: [{ type: 'access' }, { type: 'erasure' }], subject: { name: `Bench ${who}`, email: `${who}@example.lt` }, language: 'en' });
};
const targets = {
  hello: { url: `${base}/hello`, method: 'GET' as const },
  echo: { url: `${base}/echo`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: newRequest() },
  post: {
    url: `${base}/v1/requests`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: newRequest() }) }],
  },
};

async function run(target: (typeof targets)[keyof typeof targets], seconds: number): Promise<Sample> {
  const result = await autocannon({ ...target, connections: CONNECTIONS, duration: seconds });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

try {
  // Warm up both paths (JIT, caches) before anything is recorded.
  await run(targets.hello, 1);
  await run(targets.echo, 1);
  await run(targets.post, 2);
  const samples: Record<Target, Sample[]> = { hello: [], echo: [], post: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    const order: Target[] = round % 2 ? ['hello', 'echo', 'post'] : ['post', 'echo', 'hello'];
    for (const name of order) {
      const s = await run(targets[name], SECONDS);
      samples[name].push(s);
      console.log(`round ${round} ${name.padEnd(5)} ${s.rps.toFixed(0).padStart(7)} req/s  p50 ${s.p50} ms  p99 ${s.p99} ms${s.errors || s.non2xx ? `  errors ${s.errors} non-2xx ${s.non2xx}` : ''}`);
    }
  }
  const summary = (name: Target) => ({
    rps: median(samples[name].map((s) => s.rps)),
    p50: median(samples[name].map((s) => s.p50)),
    p99: median(samples[name].map((s) => s.p99)),
    failures: samples[name].reduce((n, s) => n + s.errors + s.non2xx, 0),
  });
  const h = summary('hello');
  const e = summary('echo');
  const p = summary('post');
  console.log(`\n${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s, medians, node ${process.version}`);
  console.log('target                          req/s     p50 ms   p99 ms   failures');
  console.log(`GET /hello (bare Hono)       ${h.rps.toFixed(0).padStart(8)} ${String(h.p50).padStart(10)} ${String(h.p99).padStart(8)} ${String(h.failures).padStart(10)}`);
  console.log(`POST /echo (bare Hono, JSON)  ${e.rps.toFixed(0).padStart(8)} ${String(e.p50).padStart(10)} ${String(e.p99).padStart(8)} ${String(e.failures).padStart(10)}`);
  console.log(`POST /v1/requests (in-memory)${p.rps.toFixed(0).padStart(8)} ${String(p.p50).padStart(10)} ${String(p.p99).padStart(8)} ${String(p.failures).padStart(10)}`);
  console.log(`ratio POST /v1/requests ÷ GET /hello:  ${(p.rps / h.rps).toFixed(2)} (target ≥ 0.60)`);
  console.log(`ratio POST /v1/requests ÷ POST /echo:  ${(p.rps / e.rps).toFixed(2)}`);
  if (p.failures + e.failures + h.failures > 0) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
}
