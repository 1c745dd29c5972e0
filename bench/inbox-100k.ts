import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tenantRegistry } from '#tenants/registry.ts';
import { startLocalStack } from '../local/stack.ts';
import { devSession, percentiles, seedCases, timeInbox } from './seed-cases.ts';

/**
 * `npm run bench:inbox`: a real local stack (DynamoDB Local in memory), BENCH_CASES (100 000)
 * cases seeded for one tenant, then the inbox's first page loaded BENCH_LOADS (50) times.
 */
const COUNT = Number(process.env.BENCH_CASES ?? 100_000);
const LOADS = Number(process.env.BENCH_LOADS ?? 50);
const stateDir = await mkdtemp(join(tmpdir(), 'rightsdesk-bench-'));
const stack = await startLocalStack({ stateDir, persist: false, ports: { api: 0, dynamodb: 0, ses: 0, s3: 0, smtp: 0, sfn: 0 } });
try {
  const client = new DynamoDBClient({ region: 'eu-central-1', endpoint: stack.dev.dynamodbEndpoint });
  const tenant = tenantRegistry.get('lytagra');
  const seedMs = await seedCases({ client, tableName: stack.dev.tableName, tenant, count: COUNT, now: new Date(), concurrency: 16 });
  console.log(`seeded ${COUNT} cases in ${(seedMs / 1000).toFixed(1)} s (${Math.round(COUNT / (seedMs / 1000))} cases/s)`);
  const cookie = await devSession(stack.dev.apiUrl, 'lytagra', 'agent');
  for (const [label, path] of [['inbox first page', '/console'], ['status filter', '/console?status=in_progress'], ['channel filter', '/console?channel=post'], ['counts fragment (cached after first)', '/console/fragments/counts'], ['dashboard', '/console/dashboard']] as const) {
    const n = label === 'dashboard' ? Math.min(LOADS, 10) : LOADS;
    const { ms, bytes, rows } = await timeInbox(stack.dev.apiUrl, cookie, n, path);
    const p = percentiles(ms);
    console.log(`${label.padEnd(38)} n=${n}  p50 ${p.p50} ms  p95 ${p.p95} ms  max ${p.max} ms  (${(bytes / 1024).toFixed(1)} KB HTML, ${rows} rows)`);
  }
  client.destroy();
} finally {
  await stack.stop();
  await rm(stateDir, { recursive: true, force: true });
}
