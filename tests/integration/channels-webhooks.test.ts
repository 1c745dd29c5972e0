import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DynamoWebhookOutbox } from '#adapters/dynamodb/webhook-outbox.ts';
import { FetchWebhookTransport } from '#adapters/webhooks/fetch-transport.ts';
import { JoseWebhookSigner, newTenantWebhookKey, webhookJwks, WEBHOOK_JWS_TYPE } from '#adapters/webhooks/jose-signer.ts';
import { transition } from '#domain/case.ts';
import { randomIds } from '#adapters/system.ts';
import { updateCase } from '#domain/workflow.ts';
import { createApp } from '#http/app.ts';
import { partnerTokenVerifier, staffTokenVerifier } from '#http/auth.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { submitRequest } from '#usecases/submit-request.ts';
import { deliverDueWebhooks, withWebhookOutbox } from '#usecases/webhooks.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens.ts';
import { fixedClock, RecordingMailer } from '../support/harness.ts';
import { dynamoClientFor } from './helpers.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
const received: Received[] = [];
let failNext = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = failNext > 0 ? 500 : 204;
      failNext = Math.max(0, failNext - 1);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('partner webhooks (DynamoDB Local outbox, loopback partner)', () => {
  it('signs every public step of an api case, retries after a 500 with backoff, and logs each attempt on the case', async () => {
    const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
    const plain = new DynamoCaseRepository(dynamo, inject('tableName'));
    const outbox = new DynamoWebhookOutbox(dynamo, inject('tableName'));
    // Start later than anything else in the shared table, so only this test's deliveries are due.
    const clock = fixedClock('2031-01-06T09:00:00Z');
    const repo = withWebhookOutbox(plain, outbox, clock);
    const keys = { softera: await newTenantWebhookKey('softera') };
    const deps = { outbox, signer: new JoseWebhookSigner(keys), transport: new FetchWebhookTransport(2000), repo: plain, clock };
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/rightsdesk`;

    const { case: c } = await submitRequest(
      { tenants: tenantRegistry, repo, mailer: new RecordingMailer(), clock, ids: randomIds },
      { tenantId: 'softera', channel: 'api', actor: { kind: 'partner', id: 'shop' }, partnerId: 'shop', request: { rights: [{ type: 'access' }], subject: { name: 'Ona' }, callbackUrl: url } },
    );
    received.length = 0;
    failNext = 1;

    // First sweep: the partner answers 500 → attempt logged, next attempt in 30 s.
    expect(await deliverDueWebhooks(deps, { limit: 50 })).toEqual({ attempted: 1, delivered: 0 });
    expect(received).toHaveLength(1);
    expect(await deliverDueWebhooks(deps, { limit: 50 })).toEqual({ attempted: 0, delivered: 0 }); // not due yet
    clock.set('2031-01-06T09:00:31Z');
    expect(await deliverDueWebhooks(deps, { limit: 50 })).toEqual({ attempted: 1, delivered: 1 });
    expect(received).toHaveLength(2);
    expect(received[1]?.headers['webhook-attempt']).toBe('2');
    expect(received[1]?.headers['content-type']).toBe('application/jose');

    // The signature verifies with the JWKS the API publishes.
    const issuer = await ephemeralIssuer();
    const app = createApp({
      tenants: tenantRegistry,
      repo: plain,
      mailer: new RecordingMailer(),
      clock,
      ids: randomIds,
      verifyPartnerToken: partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks }),
      verifyStaffToken: staffTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks }),
      limits: { maxBodyBytes: 65536 },
      webhookJwks: webhookJwks(keys),
    });
    const jwks = (await (await app.request('/.well-known/jwks.json')).json()) as JSONWebKeySet;
    const verified = await compactVerify(received[1]!.body, createLocalJWKSet(jwks), { algorithms: ['ES256'] });
    expect(verified.protectedHeader).toMatchObject({ alg: 'ES256', typ: WEBHOOK_JWS_TYPE, kid: keys.softera.publicJwk.kid });
    const event = JSON.parse(new TextDecoder().decode(verified.payload)) as { type: string; caseId: string; reference: string; status: string };
    expect(event).toMatchObject({ type: 'case.received', caseId: c.id, reference: c.reference, status: 'received' });

    // A status change is the next webhook.
    const stored = (await plain.getCase('softera', c.id))!;
    const now = clock.now();
    const moved = updateCase(transition(stored, 'in_progress', now), now, {}, [
      { type: 'case.status_changed', actor: { kind: 'system', id: 'test' }, visibility: 'public', summary: 'Request in progress.', details: { from: 'received', to: 'in_progress' } },
    ]);
    await repo.saveCase(moved.case, moved.events);
    expect(await deliverDueWebhooks(deps, { limit: 50 })).toEqual({ attempted: 1, delivered: 1 });
    const last = JSON.parse(new TextDecoder().decode((await compactVerify(received[2]!.body, createLocalJWKSet(jwks))).payload)) as { type: string; status: string };
    expect(last).toMatchObject({ type: 'case.status_changed', status: 'in_progress' });

    const log = (await plain.listEvents('softera', c.id)).filter((e) => e.type.startsWith('webhook.'));
    expect(log.map((e) => [e.type, e.details?.statusCode, e.details?.attempt])).toEqual([
      ['webhook.attempt_failed', 500, 1],
      ['webhook.delivered', 204, 2],
      ['webhook.delivered', 204, 1],
    ]);
    expect(log.every((e) => e.visibility === 'internal')).toBe(true);
    dynamo.destroy();
  });
});
