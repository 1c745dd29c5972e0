import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { JosePartnerAssertions } from '#adapters/identity/jose-partner-assertions.ts';
import { loadApiConfig } from '#config/api-config.ts';
import { assertionEvidence } from '#domain/partner-assertion.ts';
import { accessRequest, harness } from '../support/harness.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const nowS = Math.floor(NOW.getTime() / 1000);
let privateKey: CryptoKey;
let otherKey: CryptoKey;
let publicJwk: JWK;
let verifier: JosePartnerAssertions;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  otherKey = (await generateKeyPair('ES256')).privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
  verifier = new JosePartnerAssertions({ softera: { 'softera-partner': { keys: [publicJwk] } } });
});

function assertion(claims: Record<string, unknown> = {}, o: { iss?: string; aud?: string; exp?: number; key?: CryptoKey; kid?: string } = {}) {
  return new SignJWT({ sub: 'ona@example.lt', name: 'Ona Petraitienė', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: o.kid ?? 'k1' })
    .setIssuer(o.iss ?? 'softera-partner')
    .setAudience(o.aud ?? 'softera')
    .setIssuedAt(nowS - 10)
    .setExpirationTime(o.exp ?? nowS + 300)
    .sign(o.key ?? privateKey);
}

const verify = async (token: string, partnerId = 'softera-partner', tenantId = 'softera') => verifier.verify({ tenantId, partnerId, assertion: token, now: NOW });

describe('JosePartnerAssertions', () => {
  it('accepts an assertion signed with the partner’s registered key, naming the key by its thumbprint', async () => {
    const result = await verify(await assertion({ personal_code: '48001010000' }));
    expect(result).toEqual({ ok: true, person: { sub: 'ona@example.lt', name: 'Ona Petraitienė', personalCode: '48001010000', issuedAt: '2026-11-23T08:59:50.000Z', keySha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it.each([
    ['another tenant as audience', { aud: 'gautora' }, /"aud" claim/],
    ['another issuer than the calling partner', { iss: 'someone-else' }, /"iss" claim/],
    ['an expired assertion', { exp: nowS - 120 }, /expired/],
  ])('refuses %s with a plain reason', async (_label, o, reason) => {
    const result = await verify(await assertion({}, o));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reasons[0]).toMatch(reason);
  });

  it('refuses an assertion signed with a key the partner did not register', async () => {
    expect(await verify(await assertion({}, { key: otherKey }))).toEqual({ ok: false, reasons: [expect.stringMatching(/signature is not valid/)] });
    expect(await verify(await assertion({}, { kid: 'unknown' }))).toEqual({ ok: false, reasons: [expect.stringMatching(/not signed with a key registered/)] });
  });

  it('refuses symmetric algorithms (HS256) and unsigned tokens', async () => {
    const hs = await new SignJWT({ sub: 'ona@example.lt' }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setIssuer('softera-partner').setAudience('softera').setExpirationTime(nowS + 60).sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await verify(hs)).toEqual({ ok: false, reasons: [expect.stringMatching(/algorithm that is not accepted/)] });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', iss: 'softera-partner', aud: 'softera', exp: nowS + 60 })).toString('base64url')}.`;
    expect((await verify(none)).ok).toBe(false);
  });

  it('refuses a partner without registered keys for the tenant', async () => {
    expect(await verify(await assertion(), 'softera-partner', 'gautora')).toEqual({ ok: false, reasons: ['No identity-assertion keys are registered for partner "softera-partner".'] });
  });

  it('reads PARTNER_ASSERTION_KEYS from the configuration and rejects a malformed one', () => {
    const base = { RIGHTSDESK_TABLE: 'rightsdesk', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a', AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'EC' }] }) };
    expect(loadApiConfig({ ...base, PARTNER_ASSERTION_KEYS: JSON.stringify({ softera: { p: { keys: [{ kty: 'EC' }] } } }) }).partnerAssertionKeys.softera?.p?.keys).toHaveLength(1);
    expect(loadApiConfig(base).partnerAssertionKeys).toEqual({});
    expect(() => loadApiConfig({ ...base, PARTNER_ASSERTION_KEYS: '{"softera":[1]}' })).toThrow(/PARTNER_ASSERTION_KEYS/);
  });
});

describe('assertionEvidence (matching)', () => {
  const c = { subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' } };
  it('verifies the requester when e-mail and name match, and keeps only the fact', () => {
    const e = assertionEvidence(c, { sub: 'ONA@example.lt', name: 'PETRAITIENĖ Ona', keySha256: 'ab' }, NOW);
    expect(e).toEqual({ method: 'partner_assertion', verdict: 'verified', reasons: [], signer: { name: 'PETRAITIENĖ Ona' }, matched: 'requester', certificateSha256: 'ab', signedAt: NOW.toISOString(), reviewer: null, checkedAt: NOW.toISOString() });
  });
  it('rejects an assertion about another e-mail address without naming it', () => {
    const e = assertionEvidence(c, { sub: 'mallory@example.lt', keySha256: 'ab' }, NOW);
    expect(e.verdict).toBe('rejected');
    expect(JSON.stringify(e)).not.toContain('mallory');
  });
  it('asks staff when the asserted name is someone else, and matches the represented person', () => {
    expect(assertionEvidence(c, { sub: 'acct-42', name: 'Jonas Jonaitis', keySha256: 'ab' }, NOW).verdict).toBe('needs_review');
    const represented = { subject: { name: 'Ona Petraitienė' }, representative: { name: 'Rūta Rūtaitė', email: 'ruta@example.lt' } };
    expect(assertionEvidence(represented, { sub: 'ruta@example.lt', name: 'Ona Petraitienė', keySha256: 'ab' }, NOW)).toMatchObject({ verdict: 'verified', matched: 'represented' });
  });
});

describe('POST /v1/requests with identity.assertion', () => {
  it('verifies identity at intake with a valid assertion and keeps no token on the case', async () => {
    const h = await harness({ now: NOW.toISOString(), partnerAssertions: verifier });
    const token = await assertion();
    const res = await h.post('/v1/requests', { ...accessRequest(), identity: { assertion: token } }, { token: await h.token('softera') });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; identity: unknown };
    expect(body.identity).toMatchObject({ status: 'verified', method: 'partner_assertion' });
    const stored = (await h.repo.getCase('softera', body.id))!;
    expect(stored.identity.evidence).toMatchObject({ method: 'partner_assertion', verdict: 'verified', matched: 'requester', reviewer: null });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await h.repo.listEvents('softera', body.id)).map((e) => e.type)).toContain('identity.verified');
  });

  it('records an invalid assertion with its reasons and lets the case wait (never a 500)', async () => {
    const h = await harness({ now: NOW.toISOString(), partnerAssertions: verifier });
    const res = await h.post('/v1/requests', { ...accessRequest(), identity: { assertion: await assertion({}, { aud: 'gautora' }) } }, { token: await h.token('softera') });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; identity: unknown };
    expect(body.identity).toMatchObject({ status: 'pending', method: null });
    const stored = (await h.repo.getCase('softera', body.id))!;
    expect(stored.identity.evidence).toMatchObject({ method: 'partner_assertion', verdict: 'rejected', reasons: [expect.stringMatching(/"aud" claim/)] });
    expect(h.errors).toEqual([]);
  });

  it('records a garbage assertion or one from a partner without keys as not verified', async () => {
    const h = await harness({ now: NOW.toISOString(), partnerAssertions: verifier });
    const res = await h.post('/v1/requests', { ...accessRequest(), identity: { assertion: 'eyJhbGciOiJFUzI1NiJ9.e30.AAAA' } }, { token: await h.token('gautora') });
    expect(res.status).toBe(201);
    const stored = (await h.repo.getCase('gautora', ((await res.json()) as { id: string }).id))!;
    expect(stored.identity).toMatchObject({ status: 'pending', evidence: { verdict: 'rejected', reasons: ['No identity-assertion keys are registered for partner "gautora-partner".'] } });
  });
});
