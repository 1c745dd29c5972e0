import { parseArgs } from 'node:util';
import type { Context } from 'aws-lambda';
import { loadEvent } from '../local/events.ts';
import { asFunction, enableLocalIam } from '../local/iam/enforce.ts';
import { localEnv, useLocalEndpoints } from './local-env.ts';

/**
 * Invokes the real Lambda handler (functions/api) with a sample event against the running
 * local stack: `npm run -s invoke -- events/api/create-request.json`.
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'case-id': { type: 'string' } } });
const file = positionals[0];
if (!file) {
  console.error('usage: npm run -s invoke -- <event.json> [--case-id <id>]');
  process.exit(2);
}
const { dev, issuer } = await localEnv();
useLocalEndpoints(dev, issuer.jwks);
// The handler's SDK calls are checked against the api function's synthesized role (local/iam).
await enableLocalIam({ tableName: dev.tableName });
const event = await loadEvent(file, {
  partnerToken: (tenant) => issuer.mintPartnerToken({ tenant }),
  ...(values['case-id'] ? { caseId: values['case-id'] } : {}),
});
const { handler } = (await import('../functions/api/handler.ts')) as { handler: (e: unknown, c: Context) => Promise<{ statusCode: number; headers?: Record<string, string>; body: string }> };
const result = await asFunction('api', () => handler(event, { awsRequestId: 'local-invoke', functionName: 'api' } as Context));
let body: unknown = result.body;
try {
  body = JSON.parse(result.body);
} catch {
  // not JSON (e.g. the docs page): print as is
}
console.log(JSON.stringify({ statusCode: result.statusCode, headers: result.headers, body }, null, 2));
