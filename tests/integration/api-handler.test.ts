import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { ConcurrentUpdateError } from '#domain/errors.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { loadEvent } from '../../local/events.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalIssuer } from '../../local/tokens.ts';
import { dynamoClientFor, readOutbox } from './helpers.ts';
import { asFunction } from '../../local/iam/enforce.ts';

type Handler = (event: unknown, context: Context) => Promise<{ statusCode: number; headers?: Record<string, string>; body: string }>;

let handler: Handler;
let issuer: LocalIssuer;
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const lambdaContext = { awsRequestId: 'test', functionName: 'api' } as Context;

async function invoke(event: Record<string, unknown>) {
  // Under the api function's synthesized role (local IAM enforcement).
  const result = await asFunction('api', () => handler(event, lambdaContext));
  return { status: result.statusCode, headers: result.headers ?? {}, json: JSON.parse(result.body) as Record<string, unknown> };
}

function postEvent(tenantToken: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/v1/requests',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tenantToken}`, ...headers },
    requestContext: { http: { method: 'POST', path: '/v1/requests', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' }, requestId: unique(), routeKey: '$default', stage: '$default', timeEpoch: Date.now() },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

beforeAll(async () => {
  issuer = await ephemeralIssuer();
  // The handler reads its validated config from the environment once, as on Lambda.
  Object.assign(process.env, {
    RIGHTSDESK_TABLE: inject('tableName'),
    DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    SES_ENDPOINT: inject('sesEndpoint'),
    AUTH_ISSUER: LOCAL_ISSUER,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    AUTH_JWKS: JSON.stringify(issuer.jwks),
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_REGION: 'eu-central-1',
  });
  ({ handler } = (await import('../../functions/api/handler.ts')) as unknown as { handler: Handler });
});

const token = (tenant: string) => issuer.mintPartnerToken({ tenant });

describe('API handler on DynamoDB Local and the SES stand-in', () => {
  it('runs every sample event in events/api with the expected status', async () => {
    const expected: Record<string, number> = {
      'healthz.json': 200,
      'openapi.json': 200,
      'create-request.json': 201,
      'create-request-gautora-en.json': 201,
      'create-request-malformed.json': 400,
      'create-request-unknown-right.json': 422,
      'create-request-no-token.json': 401,
      'deadlines-lytagra.json': 200,
      'deadlines-gautora.json': 200,
    };
    for (const [file, status] of Object.entries(expected)) {
      const result = await invoke(await loadEvent(`events/api/${file}`, { partnerToken: token }));
      expect(`${file} → ${result.status}`).toBe(`${file} → ${status}`);
      if (status >= 400) expect(result.headers['content-type']).toContain('application/problem+json');
    }
    const created = await invoke(await loadEvent('events/api/create-request.json', { partnerToken: token }));
    const fetched = await invoke(await loadEvent('events/api/get-request.json', { partnerToken: token, caseId: created.json.id as string }));
    expect(fetched.status).toBe(200);
    expect(fetched.json.reference).toBe(created.json.reference);
  });

  it('stores the case in DynamoDB with its index keys and e-mails the acknowledgement through SES', async () => {
    const email = `ona.${unique()}@example.lt`;
    const res = await invoke(postEvent(await token('legalbalance'), { rights: [{ type: 'access' }], subject: { name: 'Ona', email }, language: 'lt' }));
    expect(res.status).toBe(201);
    const id = res.json.id as string;

    const raw = await dynamoClientFor(inject('dynamodbEndpoint')).send(
      new GetItemCommand({ TableName: inject('tableName'), Key: { PK: { S: `TENANT#legalbalance#CASE#${id}` }, SK: { S: 'CASE' } } }),
    );
    expect(raw.Item?.GSI2PK?.S).toBe('TENANT#legalbalance#QUEUE#OPEN');
    expect(raw.Item?.version?.N).toBe('2');

    const mail = (await readOutbox(inject('sesOutboxUrl'))).find((m) => m.destination.to.includes(email));
    expect(mail?.from).toBe(tenantRegistry.get('legalbalance').mailbox);
    expect(mail?.subject).toBe(`Prašymas gautas – ${res.json.reference as string}`);
    expect(mail?.body.text).toContain(`Atsakysime ne vėliau kaip iki ${res.json.dueDate as string}`);
    expect(mail?.headers).toContainEqual({ name: 'X-Rightsdesk-Case', value: res.json.reference });
  });

  it('creates exactly one case from 20 concurrent requests with the same Idempotency-Key', async () => {
    const email = `burst.${unique()}@example.lt`;
    const tk = await token('gautora');
    const body = { rights: [{ type: 'erasure' }], subject: { name: 'Burst Tester', email } };
    const results = await Promise.all(Array.from({ length: 20 }, () => invoke(postEvent(tk, body, { 'idempotency-key': `burst-${email}` }))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.json.id)).size).toBe(1);

    const bySubject = await dynamoClientFor(inject('dynamodbEndpoint')).send(
      new QueryCommand({
        TableName: inject('tableName'),
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': { S: `TENANT#gautora#SUBJECT#email:${email}` } },
      }),
    );
    expect(bySubject.Count).toBe(1);
    const acks = (await readOutbox(inject('sesOutboxUrl'))).filter((m) => m.destination.to.includes(email));
    expect(acks).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with another body (422)', async () => {
    const tk = await token('bajtel');
    const key = `k-${unique()}`;
    expect((await invoke(postEvent(tk, { rights: [{ type: 'access' }], subject: { name: 'A' } }, { 'idempotency-key': key }))).status).toBe(201);
    const second = await invoke(postEvent(tk, { rights: [{ type: 'erasure' }], subject: { name: 'A' } }, { 'idempotency-key': key }));
    expect(second.status).toBe(422);
  });

  it('does not show a case to another tenant', async () => {
    const created = await invoke(postEvent(await token('softera'), { rights: [{ type: 'information' }], subject: { name: 'Iso Lated' } }));
    const event = await loadEvent('events/api/get-request.json', { partnerToken: async () => token('lytagra'), caseId: created.json.id as string });
    expect((await invoke(event)).status).toBe(404);
  });
});

describe('DynamoCaseRepository on DynamoDB Local', () => {
  const repo = () => new DynamoCaseRepository(dynamoClientFor(inject('dynamodbEndpoint')), inject('tableName'));

  it('lets only one of two concurrent writers of the same version win', async () => {
    const created = await invoke(postEvent(await token('softera'), { rights: [{ type: 'access' }], subject: { name: `Race ${unique()}` } }));
    const r = repo();
    const current = await r.getCase('softera', created.json.id as string);
    if (!current) throw new Error('case not stored');
    const a = { ...current, status: 'awaiting_identity' as const, version: current.version + 1 };
    const b = { ...current, status: 'invalid' as const, version: current.version + 1 };
    const outcomes = await Promise.allSettled([r.saveCase(a, []), r.saveCase(b, [])]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(ConcurrentUpdateError);
  });

  it('pages open cases by due date through the index, never scanning', async () => {
    const tk = await token('lytagra');
    for (let i = 0; i < 5; i++) await invoke(postEvent(tk, { rights: [{ type: 'information' }], subject: { name: `Pager ${i}` } }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await repo().listOpen('lytagra', { limit: 2, cursor });
      seen.push(...page.items.map((c) => `${c.dueAt}#${c.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('finds a subject’s earlier requests for repeat detection (Lytagra 004 §3.6)', async () => {
    const email = `repeat.${unique()}@example.lt`;
    const tk = await token('lytagra');
    await invoke(postEvent(tk, { rights: [{ type: 'access' }], subject: { name: 'Rep', email } }));
    const second = await invoke(postEvent(tk, { rights: [{ type: 'access' }], subject: { name: 'Rep', email } }));
    const stored = await repo().getCase('lytagra', second.json.id as string);
    expect(stored?.repeat?.previousCaseIds).toHaveLength(1);
  });
});
