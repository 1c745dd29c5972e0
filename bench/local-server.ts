import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callingFunction } from '../local/iam/enforce.ts';
import { startLocalStack } from '../local/stack.ts';
import { installSdkCallRecorder } from './sdk-calls.ts';

/**
 * The benchmark's server process: the whole local stack as `npm start` runs it (DynamoDB Local,
 * the SES and S3 stand-ins, the local Step Functions service with the workflows on, local IAM
 * checks), in memory and on free ports, with every AWS SDK call counted by the function that
 * made it. Prints `{ apiUrl, token, dynamodbEndpoint, control }` on its first stdout line;
 * `GET <control>/calls` answers the calls so far (`?reset=1` clears them).
 */
const calls = installSdkCallRecorder(callingFunction);
const stateDir = await mkdtemp(join(tmpdir(), 'rightsdesk-bench-'));
const stack = await startLocalStack({ stateDir, persist: false, ports: { api: 0, dynamodb: 0, ses: 0, s3: 0, smtp: 0, sfn: 0 } });

const control = createServer((req, res) => {
  const all = calls.all();
  const byLabel: Record<string, Record<string, number>> = {};
  for (const c of all) {
    const label = c.label ?? '(no function: sweepers, resume)';
    const commands = (byLabel[label] ??= {});
    commands[c.command] = (commands[c.command] ?? 0) + 1;
  }
  const api = all.filter((c) => c.label === 'api').map((c) => c.ms).sort((a, b) => a - b);
  // The SDK's own timings of the request path: p50 ms of each command the API made.
  const apiMs: Record<string, number[]> = {};
  for (const c of all) if (c.label === 'api') (apiMs[c.command] ??= []).push(c.ms);
  const apiCommandMsP50 = Object.fromEntries(Object.entries(apiMs).map(([command, ms]) => [command, ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]]));
  const body = JSON.stringify({ total: all.length, byLabel, apiCallMsP50: api.length ? api[Math.floor(api.length / 2)] : null, apiCommandMsP50, at: performance.now() });
  if (new URL(req.url ?? '/', 'http://x').searchParams.get('reset')) calls.reset();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
const tenant = stack.dev.tenants.gautora!;
console.log(
  JSON.stringify({
    apiUrl: stack.dev.apiUrl,
    token: tenant.partnerToken,
    dynamodbEndpoint: stack.dev.dynamodbEndpoint,
    tableName: stack.dev.tableName,
    control: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
  }),
);

const stop = async () => {
  control.close();
  await stack.stop();
  await rm(stateDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
