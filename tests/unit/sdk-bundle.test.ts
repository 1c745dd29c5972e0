import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaBuildOptions } from '../support/lambda-bundle.ts';

/**
 * The AWS SDK as the deploy bundles it (infra/bundling.ts: the credential alias and the plugin that
 * resolves the SDK's barrel imports, infra/sdk-deep-imports.mjs) still does what the DynamoDB
 * adapters rely on: modelled errors are instances of their classes with their cancellation
 * reasons, a throttled call is retried, numbers and sets round-trip, pagination keys come back,
 * and the request is signed with the environment's credentials. A local HTTP server plays DynamoDB.
 */
let dir: string;
let server: Server;
let url: string;
const requests: Array<{ target: string; body: string; authorization: string }> = [];
let throttleNext = 0;
let check: (endpoint: string) => Promise<Record<string, unknown>>;

const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });
function answer(target: string): { status: number; body: string } {
  if (throttleNext > 0) {
    throttleNext--;
    return json(400, { __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate exceeded' });
  }
  if (target.endsWith('TransactWriteItems')) {
    return json(400, {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]',
      CancellationReasons: [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }],
    });
  }
  if (target.endsWith('PutItem')) return json(400, { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' });
  return json(200, { Items: [{ PK: { S: 'a' }, n: { N: '1' }, s: { SS: ['x'] } }], Count: 1, LastEvaluatedKey: { PK: { S: 'a' } } });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target']);
      requests.push({ target, body, authorization: String(req.headers.authorization) });
      const a = answer(target);
      res.writeHead(a.status, { 'content-type': 'application/x-amz-json-1.0' }).end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'rightsdesk-sdk-bundle-'));
  await build({ ...lambdaBuildOptions({ entry: 'tests/fixtures/sdk-bundle/dynamodb-errors-entry.ts' }), write: true, outdir: dir, sourcemap: false });
  ({ check } = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as { check: typeof check });
}, 60_000);

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the AWS SDK as bundled for Lambda', () => {
  it('maps DynamoDB errors to their classes, retries throttling, marshals sets and numbers, signs with the environment credentials', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'AKIDBUNDLETEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'bundle-test-secret';
    throttleNext = 1;
    try {
      const out = await check(url);
      expect(out).toEqual({ tx: [true, 'ConditionalCheckFailed'], put: [true, 'ConditionalCheckFailedException'], query: [1, true, { PK: 'a' }] });
    } finally {
      process.env.AWS_ACCESS_KEY_ID = saved.id;
      process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    }
    // The throttled first attempt was retried: the transaction was sent twice.
    expect(requests.filter((r) => r.target.endsWith('TransactWriteItems'))).toHaveLength(2);
    expect(JSON.parse(requests.find((r) => r.target.endsWith('TransactWriteItems'))!.body)).toMatchObject({ TransactItems: [{ Put: { Item: { PK: { S: 'a' }, n: { N: '1' }, s: { SS: ['x'] } } } }] });
    expect(requests.every((r) => r.authorization.includes('Credential=AKIDBUNDLETEST/'))).toBe(true);
  });
});
