import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JSONWebKeySet } from 'jose';

/**
 * The AWS endpoint `npm run bench:cold` points every bundle at (AWS_ENDPOINT_URL) for its first
 * request: one local HTTP server that answers each service's protocol at once with the least a
 * well-behaved service would say (DynamoDB: the seeded cases' items (cold-seed.ts), otherwise no item and empty queries, writes accepted; Step
 * Functions: execution started; SES: sent; S3: the inbound test mail for reads, writes accepted;
 * Lambda: an empty payload), and serves the partner issuer's JWKS. So a first request runs the
 * real SDK path (client set-up, endpoint rules, signing, HTTP, parsing) that a deployed function's
 * first request runs, without the network's latency, which is not what the benchmark compares.
 */
export interface AwsStub {
  readonly url: string;
  /** Requests answered, by service and operation (`dynamodb:Query`), to show what each first request did. */
  readonly calls: Map<string, number>;
  /** While on, the items written by PutItem and TransactWriteItems are kept and served (seeding); off for the runs. */
  record(on: boolean): void;
  /** Items kept. */
  readonly seeded: number;
  close(): Promise<void>;
}

/** A plain request by e-mail, in Lithuanian, as the inbound function receives them (served for every S3 read). */
const INBOUND_MAIL = [
  'From: Ona Petraitiene <ona@example.lt>',
  'To: duomenuapsauga@softera.lt',
  'Subject: =?UTF-8?Q?Pra=C5=A1ymas?=',
  'Date: Mon, 23 Nov 2026 08:59:00 +0000',
  'Message-ID: <sample-1@example.lt>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=UTF-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Laba diena, prašau pateikti visus mano asmens duomenis, kuriuos tvarkote.',
  'Ona Petraitienė',
  '',
].join('\r\n');

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** A DynamoDB item in its wire form (attribute name → `{ S: … }`, `{ N: … }`, …). */
type WireItem = Record<string, Record<string, unknown>>;
const keyOf = (item: { PK?: { S?: string }; SK?: { S?: string } } | undefined) => `${item?.PK?.S ?? ''}|${item?.SK?.S ?? ''}`;

/**
 * The items the stub holds (a case and its partition, seeded once before the runs: cold-events.ts).
 * GetItem finds an item by its key; Query returns the items of one partition, with a
 * `begins_with` sort-key condition applied. Writes during the runs are accepted but not kept, so
 * every run's first request meets the same data.
 */
function querySeed(seed: ReadonlyMap<string, WireItem>, input: { IndexName?: string; KeyConditionExpression?: string; ExpressionAttributeValues?: Record<string, { S?: string }>; ExpressionAttributeNames?: Record<string, string>; ScanIndexForward?: boolean }): WireItem[] {
  // Index queries (inbox, due dates, message ids) find nothing, as before the seed.
  if (input.IndexName) return [];
  const condition = input.KeyConditionExpression ?? '';
  const values = input.ExpressionAttributeValues ?? {};
  // The partition key's value: the placeholder compared with `=` first in the condition.
  const pkName = /^\s*(\S+)\s*=\s*(:\w+)/.exec(condition);
  const pk = pkName ? values[pkName[2]!]?.S : undefined;
  if (!pk) return [];
  const prefix = /begins_with\(\s*\S+?\s*,\s*(:\w+)\s*\)/.exec(condition);
  const skPrefix = prefix ? (values[prefix[1]!]?.S ?? '') : '';
  const items = [...seed.values()].filter((i) => i.PK?.S === pk && String(i.SK?.S ?? '').startsWith(skPrefix)).sort((a, b) => String(a.SK?.S).localeCompare(String(b.SK?.S)));
  return input.ScanIndexForward === false ? items.reverse() : items;
}

function jsonTarget(target: string, body: string, seed: Map<string, WireItem>, recording: boolean): { service: string; op: string; answer: unknown } {
  const [prefix = '', op = ''] = target.split('.');
  if (prefix.startsWith('DynamoDB')) {
    const input = body ? (JSON.parse(body) as { ReturnValues?: string; Key?: { PK?: { S?: string }; SK?: { S?: string } }; Item?: WireItem; TransactItems?: { Put?: { Item: WireItem } }[] }) : {};
    if (recording && op === 'TransactWriteItems') for (const t of input.TransactItems ?? []) if (t.Put) seed.set(keyOf(t.Put.Item as never), t.Put.Item);
    if (recording && op === 'PutItem' && input.Item) seed.set(keyOf(input.Item as never), input.Item);
    switch (op) {
      case 'GetItem': {
        // A console session record, active for the next hour (the signed-in handler's first page).
        const pk = input.Key?.PK?.S ?? '';
        if (pk.startsWith('CONSOLE_SESSION#')) return { service: 'dynamodb', op, answer: { Item: { PK: { S: pk }, SK: { S: 'SESSION' }, type: { S: 'console-session' }, tenantId: { S: 'softera' }, userId: { S: 'handler@softera.lt' }, expiresAt: { N: String(Math.floor(Date.now() / 1000) + 3600) } } } };
        const item = seed.get(keyOf(input.Key));
        return { service: 'dynamodb', op, answer: item ? { Item: item } : {} };
      }
      case 'Query': {
        const items = querySeed(seed, input as never);
        return { service: 'dynamodb', op, answer: { Items: items, Count: items.length, ScannedCount: items.length } };
      }
      case 'Scan':
        return { service: 'dynamodb', op, answer: { Items: [], Count: 0, ScannedCount: 0 } };
      case 'BatchGetItem':
        return { service: 'dynamodb', op, answer: { Responses: {}, UnprocessedKeys: {} } };
      case 'BatchWriteItem':
        return { service: 'dynamodb', op, answer: { UnprocessedItems: {} } };
      case 'UpdateItem':
        // The reference counter, the rate limiter and the inbound ledger read back the attribute they added to.
        return { service: 'dynamodb', op, answer: input.ReturnValues && input.ReturnValues !== 'NONE' ? { Attributes: { value: { N: '20' }, count: { N: '1' }, attempts: { N: '1' } } } : {} };
      default:
        return { service: 'dynamodb', op, answer: {} };
    }
  }
  if (prefix.startsWith('AWSStepFunctions')) {
    return { service: 'sfn', op, answer: op === 'StartExecution' ? { executionArn: 'arn:aws:states:eu-central-1:000000000000:execution:bench:1', startDate: Date.now() / 1000 } : {} };
  }
  return { service: prefix, op, answer: {} };
}

/** `served`: other files by path (the trusted-list refresh's LOTL). */
export async function startAwsStub(jwks: JSONWebKeySet, served: ReadonlyMap<string, Uint8Array> = new Map()): Promise<AwsStub> {
  const calls = new Map<string, number>();
  const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1);
  const seed = new Map<string, WireItem>();
  let recording = false;
  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      const target = req.headers['x-amz-target'];
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (typeof target === 'string') {
        const { service, op, answer } = jsonTarget(target, body, seed, recording);
        count(`${service}:${op}`);
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'bench' }).end(JSON.stringify(answer));
      } else if (path === '/.well-known/jwks.json') {
        count('issuer:jwks');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
      } else if (served.has(path)) {
        count(`file:GET ${path}`);
        res.writeHead(200, { 'content-type': 'application/xml' }).end(served.get(path));
      } else if (path.startsWith('/v2/email/outbound-emails')) {
        count('ses:SendEmail');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ MessageId: 'bench-message' }));
      } else if (path.startsWith('/2015-03-31/functions/')) {
        count('lambda:Invoke');
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else if (req.method === 'GET' && path.split('/').length > 2) {
        count('s3:GetObject');
        res.writeHead(200, { 'content-type': 'message/rfc822', 'content-length': Buffer.byteLength(INBOUND_MAIL), etag: '"bench"' }).end(INBOUND_MAIL);
      } else if (req.method === 'PUT' || req.method === 'DELETE' || req.method === 'HEAD') {
        count(`s3:${req.method}`);
        res.writeHead(req.method === 'DELETE' ? 204 : 200, { etag: '"bench"' }).end();
      } else {
        count(`other:${req.method} ${path}`);
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    record: (on) => void (recording = on),
    get seeded() {
      return seed.size;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
