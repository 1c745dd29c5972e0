import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { accessRequest, harness } from '../support/harness.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens.ts';

const TENANTS = ['softera', 'legalbalance', 'bajtel', 'gautora', 'lytagra'] as const;

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as { type: string; title: string; status: number; detail?: string; errors?: Array<{ field: string }> };
  expect(body.status).toBe(status);
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.type).toMatch(/^\/problems\//);
  expect(JSON.stringify(body)).not.toMatch(/at .+\.ts:\d+/);
  return body;
}

describe('partner API: public endpoints', () => {
  it('answers /healthz with ok', async () => {
    const h = await harness();
    const res = await h.get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document generated from the validating schemas', async () => {
    const h = await harness();
    const doc = (await (await h.get('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/requests', '/v1/requests/{id}', '/v1/deadlines', '/healthz']));
    expect(Object.keys(doc.components.schemas.NewRequest?.properties ?? {})).toEqual(
      expect.arrayContaining(['rights', 'subject', 'language', 'callbackUrl', 'identity', 'representative']),
    );
  });

  it('serves a human-readable reference page', async () => {
    const h = await harness();
    const res = await h.get('/docs');
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('POST</span> <code>/v1/requests</code>');
    expect(html).not.toContain('<script');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const h = await harness();
    await problem(await h.get('/v2/nothing'), 404);
  });
});

describe('partner API: POST /v1/requests', () => {
  it.each(TENANTS)('creates a case for %s with its due date and acknowledges it by e-mail', async (tenant) => {
    const h = await harness({ now: '2026-11-23T09:00:00Z' });
    const res = await h.post('/v1/requests', accessRequest(), { token: await h.token(tenant) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown> & { id: string; identity: { status: string } };
    expect(res.headers.get('location')).toBe(`/v1/requests/${body.id}`);
    expect(body).toMatchObject({ tenantId: tenant, channel: 'api', status: 'received', receivedAt: '2026-11-23T09:00:00.000Z', rights: [{ type: 'access', status: 'pending' }] });
    // 23 Nov 2026 + 1 month = Wed 23 Dec 2026; Lytagra's 30 days = Wed 23 Dec 2026 too.
    expect(body.dueDate).toBe('2026-12-23');
    expect(body.dueAt).toBe('2026-12-23T21:59:59.999Z');
    expect(body.identity.status).toBe('pending');
    expect(h.mailer.sent).toHaveLength(1);
    expect(h.mailer.sent[0]?.to).toEqual(['ona@example.lt']);
    expect(h.mailer.sent[0]?.text).toContain(body.reference as string);
  });

  it('needs no identity for a request for general information only', async () => {
    const h = await harness();
    const res = await h.post('/v1/requests', { rights: [{ type: 'information' }], subject: { name: 'Jonas' } }, { token: await h.token('gautora') });
    const body = (await res.json()) as { identity: { status: string }; acknowledgement: { status: string; text?: string } };
    expect(body.identity.status).toBe('not_required');
    expect(body.acknowledgement.status).toBe('in_response');
    expect(body.acknowledgement.text).toContain('GAU-2026-');
    expect(h.mailer.sent).toHaveLength(0);
  });

  it('gives a Lytagra direct marketing objection its 72-hour deadline and no identity step (004 §3.4.3, §3.7)', async () => {
    const h = await harness({ now: '2026-11-21T10:15:00Z' });
    const res = await h.post('/v1/requests', { rights: [{ type: 'direct_marketing_objection' }], subject: { name: 'Ona', email: 'ona@example.lt' } }, { token: await h.token('lytagra') });
    const body = (await res.json()) as { identity: { status: string }; deadlines: { directMarketingObjection: { dueAt: string; rule: string } } };
    expect(body.identity.status).toBe('not_required');
    expect(body.deadlines.directMarketingObjection).toEqual({ dueAt: '2026-11-24T11:00:00.000Z', rule: expect.stringMatching(/^004 §3\.7/) });
  });

  it('writes the acknowledgement in Lithuanian and English when the request is in English', async () => {
    const h = await harness();
    await h.post('/v1/requests', accessRequest(), { token: await h.token('softera') });
    const mail = h.mailer.sent[0];
    expect(mail?.subject).toMatch(/^Request received – SOF-2026-\d{6} \/ Prašymas gautas – SOF-2026-\d{6}$/);
    expect(mail?.text).toContain('We will answer by 2026-12-23');
    expect(mail?.text).toContain('Atsakysime ne vėliau kaip iki 2026-12-23');
  });

  it('keeps the case when the acknowledgement e-mail fails, and says so', async () => {
    const h = await harness();
    h.mailer.failWith = new Error('SES throttled');
    const res = await h.post('/v1/requests', accessRequest(), { token: await h.token('bajtel') });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; acknowledgement: { status: string } };
    expect(body.acknowledgement.status).toBe('failed');
    const stored = await h.repo.getCase('bajtel', body.id);
    expect(stored?.acknowledgement.status).toBe('failed');
    const events = await h.repo.listEvents('bajtel', body.id);
    expect(events.map((e) => e.type)).toEqual(['case.received', 'acknowledgement.failed']);
  });

  it('flags a repeat access request for Lytagra within six months', async () => {
    const h = await harness({ now: '2026-11-23T09:00:00Z' });
    const token = await h.token('lytagra');
    await h.post('/v1/requests', accessRequest(), { token });
    h.clock.set('2027-02-01T09:00:00Z');
    const second = (await (await h.post('/v1/requests', accessRequest(), { token })).json()) as { id: string };
    const stored = await h.repo.getCase('lytagra', second.id);
    expect(stored?.repeat?.rule).toMatch(/^004 /);
    expect(stored?.repeat?.previousCaseIds).toHaveLength(1);
  });

  it('rejects malformed JSON with 400', async () => {
    const h = await harness();
    const body = await problem(await h.post('/v1/requests', null, { token: await h.token('softera'), raw: '{"rights": [' }), 400);
    expect(body.type).toBe('/problems/malformed-json');
  });

  it('rejects a body that is not JSON with 415', async () => {
    const h = await harness();
    await problem(await h.post('/v1/requests', null, { token: await h.token('softera'), raw: 'rights=access', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
  });

  it('rejects an oversized body with 413', async () => {
    const h = await harness({ maxBodyBytes: 1024 });
    const big = { ...accessRequest(), rights: [{ type: 'access', details: 'x'.repeat(2000) }] };
    await problem(await h.post('/v1/requests', big, { token: await h.token('softera') }), 413);
  });

  it('rejects an unknown right type with 422 naming the field', async () => {
    const h = await harness();
    const body = await problem(await h.post('/v1/requests', { rights: [{ type: 'forget_me' }], subject: { name: 'A' } }, { token: await h.token('softera') }), 422);
    expect(body.errors?.map((e) => e.field)).toContain('rights.0.type');
  });

  it('rejects missing subject, duplicate rights, bad e-mail and unknown fields with 422', async () => {
    const h = await harness();
    const token = await h.token('softera');
    const cases: Array<[unknown, string]> = [
      [{ rights: [{ type: 'access' }] }, 'subject'],
      [{ rights: [{ type: 'access' }, { type: 'access' }], subject: { name: 'A' } }, 'rights'],
      [{ rights: [{ type: 'access' }], subject: { name: 'A', email: 'not-an-email' } }, 'subject.email'],
      [{ rights: [{ type: 'access' }], subject: { name: 'A' }, colour: 'blue' }, '(body)'],
      [{ rights: [], subject: { name: 'A' } }, 'rights'],
      [{ rights: [{ type: 'access' }], subject: { name: 'A' }, callbackUrl: 'http://insecure.example' }, 'callbackUrl'],
    ];
    for (const [payload, field] of cases) {
      const body = await problem(await h.post('/v1/requests', payload, { token }), 422);
      expect(body.errors?.map((e) => e.field)).toContain(field);
    }
  });
});

describe('partner API: authentication and tenant isolation', () => {
  it('rejects a request without a token with 401 and a WWW-Authenticate header', async () => {
    const h = await harness();
    const res = await h.post('/v1/requests', accessRequest());
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    await problem(res, 401);
  });

  it('rejects an expired token', async () => {
    const h = await harness();
    const expired = await h.issuer.mintPartnerToken({ tenant: 'softera', ttlSeconds: -120 });
    const body = await problem(await h.post('/v1/requests', accessRequest(), { token: expired }), 401);
    expect(body.detail).toBe('The token has expired.');
  });

  it('rejects a token signed by a key it does not trust', async () => {
    const h = await harness();
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ token_use: 'partner', tenant: 'softera', scope: 'requests:write' })
      .setProtectedHeader({ alg: 'ES256', kid: (h.issuer.jwks.keys[0]?.kid as string) })
      .setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setSubject('evil').setExpirationTime('1h')
      .sign(privateKey);
    await problem(await h.post('/v1/requests', accessRequest(), { token: forged }), 401);
  });

  it('rejects unsigned (alg none) and symmetric (HS256) tokens', async () => {
    const h = await harness();
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const claims = { token_use: 'partner', tenant: 'softera', sub: 'x', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 };
    const none = `${b64({ alg: 'none' })}.${b64(claims)}.`;
    await problem(await h.post('/v1/requests', accessRequest(), { token: none }), 401);
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!'));
    await problem(await h.post('/v1/requests', accessRequest(), { token: hs }), 401);
  });

  it('rejects a staff token on the partner API', async () => {
    const h = await harness();
    const staff = await h.issuer.mintStaffToken({ tenant: 'softera', role: 'admin' });
    await problem(await h.post('/v1/requests', accessRequest(), { token: staff }), 401);
  });

  it('rejects a token without the needed scope with 403', async () => {
    const h = await harness();
    const readOnly = await h.token('softera', { scopes: ['requests:read'] });
    await problem(await h.post('/v1/requests', accessRequest(), { token: readOnly }), 403);
  });

  it("does not show another tenant's case (404, not 403)", async () => {
    const h = await harness();
    const created = (await (await h.post('/v1/requests', accessRequest(), { token: await h.token('gautora') })).json()) as { id: string };
    await problem(await h.get(`/v1/requests/${created.id}`, await h.token('lytagra')), 404);
    const own = await h.get(`/v1/requests/${created.id}`, await h.token('gautora'));
    expect(own.status).toBe(200);
  });

  it("does not show another partner's case of the same tenant, nor a case that came by e-mail (404)", async () => {
    const h = await harness();
    const shop = await h.token('gautora', { partnerId: 'gautora-shop' });
    const app = await h.token('gautora', { partnerId: 'gautora-app' });
    const created = (await (await h.post('/v1/requests', accessRequest(), { token: shop })).json()) as { id: string };
    expect((await h.get(`/v1/requests/${created.id}`, shop)).status).toBe(200);
    await problem(await h.get(`/v1/requests/${created.id}`, app), 404);
    const stored = await h.repo.getCase('gautora', created.id);
    const byEmail = { ...stored!, channel: 'email' as const, version: stored!.version + 1 };
    delete (byEmail as { partnerId?: string }).partnerId;
    await h.repo.saveCase(byEmail, []);
    await problem(await h.get(`/v1/requests/${created.id}`, shop), 404);
  });

  it('answers an unknown case id with 404 and a malformed one with 422', async () => {
    const h = await harness();
    const token = await h.token('softera');
    await problem(await h.get('/v1/requests/does-not-exist', token), 404);
    await problem(await h.get(`/v1/requests/${'%27%20OR%201=1'}`, token), 422);
  });
});

describe('partner API: GET /v1/requests/{id}', () => {
  it('returns the case with its public timeline only', async () => {
    const h = await harness();
    const token = await h.token('lytagra');
    await h.post('/v1/requests', accessRequest(), { token });
    h.clock.set('2026-12-01T09:00:00Z');
    const created = (await (await h.post('/v1/requests', accessRequest(), { token })).json()) as { id: string };
    const res = await h.get(`/v1/requests/${created.id}`, token);
    const body = (await res.json()) as { events: Array<{ type: string }> };
    expect(body.events.map((e) => e.type)).toEqual(['case.received', 'acknowledgement.sent']);
    const all = await h.repo.listEvents('lytagra', created.id);
    expect(all.map((e) => e.type)).toContain('case.repeat_detected');
  });
});

describe('partner API: idempotency', () => {
  it('returns the same case for the same key and body', async () => {
    const h = await harness();
    const token = await h.token('softera');
    const headers = { 'idempotency-key': 'order-42' };
    const first = await h.post('/v1/requests', accessRequest(), { token, headers });
    const again = await h.post('/v1/requests', { language: 'en', subject: { email: 'ona@example.lt', name: 'Ona Petraitienė' }, rights: [{ type: 'access' }] }, { token, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    expect(h.mailer.sent).toHaveLength(1);
  });

  it('rejects the same key with a different body with 422', async () => {
    const h = await harness();
    const token = await h.token('softera');
    const headers = { 'idempotency-key': 'order-43' };
    await h.post('/v1/requests', accessRequest(), { token, headers });
    const body = await problem(await h.post('/v1/requests', accessRequest('Someone Else'), { token, headers }), 422);
    expect(body.type).toBe('/problems/idempotency-key-reused');
  });

  it('scopes keys per partner: two partners may use the same key', async () => {
    const h = await harness();
    const headers = { 'idempotency-key': 'same' };
    const a = (await (await h.post('/v1/requests', accessRequest(), { token: await h.token('softera', { partnerId: 'shop' }), headers })).json()) as { id: string };
    const b = (await (await h.post('/v1/requests', accessRequest(), { token: await h.token('softera', { partnerId: 'portal' }), headers })).json()) as { id: string };
    expect(a.id).not.toBe(b.id);
  });

  it('makes exactly one case from 20 concurrent calls with one key', async () => {
    const h = await harness();
    const token = await h.token('gautora');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => h.post('/v1/requests', accessRequest(), { token, headers: { 'idempotency-key': 'burst-1' } })),
    );
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(ids.size).toBe(1);
    expect((await h.repo.listOpen('gautora', { limit: 100 })).items).toHaveLength(1);
  });

  it('rejects an Idempotency-Key with control characters or over 255 characters', async () => {
    const h = await harness();
    await problem(await h.post('/v1/requests', accessRequest(), { token: await h.token('softera'), headers: { 'idempotency-key': 'x'.repeat(256) } }), 422);
  });
});

describe('partner API: GET /v1/deadlines', () => {
  it('computes the docs/design.md §1.4 examples per tenant policy', async () => {
    const h = await harness();
    const softera = await (await h.get(`/v1/deadlines?receivedAt=${encodeURIComponent('2028-01-31T10:00:00Z')}`, await h.token('softera'))).json();
    expect(softera).toMatchObject({ answer: { dueDate: '2028-02-29' }, invalidRequestNotice: null, directMarketingObjection: null });
    const gautora = (await (await h.get(`/v1/deadlines?receivedAt=${encodeURIComponent('2026-12-10T10:00:00Z')}`, await h.token('gautora'))).json()) as { invalidRequestNotice: { dueDate: string } };
    expect(gautora.invalidRequestNotice.dueDate).toBe('2027-01-04');
    const lytagra = (await (await h.get(`/v1/deadlines?receivedAt=${encodeURIComponent('2026-11-21T10:15:00Z')}`, await h.token('lytagra'))).json()) as { directMarketingObjection: { dueAt: string } };
    expect(lytagra.directMarketingObjection.dueAt).toBe('2026-11-24T11:00:00.000Z');
  });

  it('rejects a missing or malformed receivedAt with 422', async () => {
    const h = await harness();
    const token = await h.token('softera');
    await problem(await h.get('/v1/deadlines', token), 422);
    await problem(await h.get('/v1/deadlines?receivedAt=yesterday', token), 422);
  });

  it('answers 422, never 500, for a receipt outside the years the holiday data covers', async () => {
    const h = await harness();
    const token = await h.token('softera');
    for (const at of ['1969-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2100-06-01T00:00:00Z', '1999-12-31T21:59:59Z']) {
      const body = await problem(await h.get(`/v1/deadlines?receivedAt=${encodeURIComponent(at)}`, token), 422);
      expect(JSON.stringify(body)).toContain('receivedAt');
    }
    expect(h.errors).toEqual([]);
    expect((await h.get(`/v1/deadlines?receivedAt=${encodeURIComponent('2098-12-31T10:00:00Z')}`, token)).status).toBe(200);
  });
});

describe('partner API: outages are bounded and visible', () => {
  it('answers 503 problem+json with Retry-After when the table times out, and /readyz says which dependency is down', async () => {
    const h = await harness();
    expect(await (await h.get('/readyz')).json()).toEqual({ status: 'ready', checks: { table: 'ok', mailSender: 'not_configured', workflows: 'not_configured' } });
    const timeout = Object.assign(new Error('Connection timed out after 10000 ms'), { name: 'TimeoutError' });
    h.repo.findBySubject = () => Promise.reject(timeout);
    h.repo.getCase = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }));
    const res = await h.post('/v1/requests', accessRequest(), { token: await h.token('softera') });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await res.json())).not.toContain('10000 ms');
    const ready = await h.get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');
    expect(await ready.json()).toMatchObject({ status: 503, checks: { table: 'down' } });
    expect((await h.get('/healthz')).status).toBe(200);
  });
});

describe('partner API: unexpected failures', () => {
  it('answers 500 with a correlation id and logs the error, never leaking it', async () => {
    const h = await harness();
    h.repo.findBySubject = () => Promise.reject(new Error('DynamoDB exploded at secret-host:8000'));
    const res = await h.post('/v1/requests', accessRequest(), { token: await h.token('softera') });
    const body = (await problem(res, 500)) as { correlationId?: string };
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.toContain('secret-host');
    expect(h.errors).toHaveLength(1);
  });
});
