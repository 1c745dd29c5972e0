import { compactVerify, createLocalJWKSet } from 'jose';
import { describe, expect, it } from 'vitest';
import { JoseWebhookSigner, newTenantWebhookKey, webhookJwks } from '#adapters/webhooks/jose-signer.ts';
import { openCase } from '#domain/open-case.ts';
import { deliveriesFor, nextAttemptAt, WEBHOOK_MAX_ATTEMPTS } from '#domain/webhooks.ts';
import { tenantRegistry } from '#tenants/registry.ts';

const apiCase = (callbackUrl?: string) =>
  openCase({
    tenant: tenantRegistry.get('softera'),
    id: 'c1',
    referenceNumber: 1,
    channel: 'api',
    receivedAt: new Date('2026-12-10T10:00:00Z'),
    request: { rights: [{ type: 'access' }], subject: { name: 'Ona' }, ...(callbackUrl ? { callbackUrl } : {}) },
    actor: { kind: 'partner', id: 'shop' },
    earlierRequests: [],
    now: new Date('2026-12-10T10:00:00Z'),
  });

describe('webhook retry schedule', () => {
  it('backs off exponentially after each failed attempt and gives up after the last', () => {
    const now = new Date('2026-12-10T10:00:00Z');
    const waits = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => (nextAttemptAt(i + 1, now)!.getTime() - now.getTime()) / 1000);
    expect(waits).toEqual([30, 120, 600, 3600, 21600, 86400, 86400]);
    expect(nextAttemptAt(WEBHOOK_MAX_ATTEMPTS, now)).toBeNull();
  });
});

describe('webhook deliveries', () => {
  it('owes one delivery per public event of an api case with a callback URL, none otherwise', () => {
    const { case: c, events } = apiCase('https://shop.example/hooks');
    const owed = deliveriesFor(c, [...events, { ...events[0]!, seq: 9, visibility: 'internal' }], new Date('2026-12-10T10:00:00Z'));
    expect(owed.map((d) => [d.id, d.event.type, d.attempts, d.status])).toEqual([['c1.1', 'case.received', 0, 'pending']]);
    const plain = apiCase();
    expect(deliveriesFor(plain.case, plain.events, new Date())).toEqual([]);
  });
});

describe('webhook signatures', () => {
  it('signs with the tenant key so the published JWKS verifies it, and refuses an unknown tenant', async () => {
    const keys = { softera: await newTenantWebhookKey('softera'), gautora: await newTenantWebhookKey('gautora') };
    const signer = new JoseWebhookSigner(keys);
    const jws = await signer.sign('gautora', new TextEncoder().encode('{"a":1}'));
    const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(webhookJwks(keys)), { algorithms: ['ES256'] });
    expect(new TextDecoder().decode(payload)).toBe('{"a":1}');
    expect(protectedHeader.kid).toBe(keys.gautora.publicJwk.kid);
    expect(webhookJwks(keys).keys.every((k) => !('d' in k))).toBe(true);
    await expect(signer.sign('bajtel', new Uint8Array())).rejects.toThrow(/No webhook signing key/);
  });
});
