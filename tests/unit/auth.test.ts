import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnauthenticatedError } from '#domain/errors.ts';
import { bearerToken, partnerTokenVerifier } from '#http/auth.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens.ts';

describe('partnerTokenVerifier', () => {
  afterEach(() => vi.useRealTimers());

  it('returns the partner and tenant named by a valid token', async () => {
    const issuer = await ephemeralIssuer();
    const verify = partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks });
    const principal = await verify(await issuer.mintPartnerToken({ tenant: 'gautora', partnerId: 'shop' }));
    expect(principal).toEqual({ partnerId: 'shop', tenantId: 'gautora', scopes: ['requests:read', 'requests:write'] });
  });

  it('stops accepting a remembered token once it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-21T10:00:00Z'));
    const issuer = await ephemeralIssuer();
    const verify = partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks });
    const token = await issuer.mintPartnerToken({ tenant: 'softera', ttlSeconds: 60 });
    await expect(verify(token)).resolves.toMatchObject({ tenantId: 'softera' });
    vi.setSystemTime(new Date('2026-11-21T10:00:45Z'));
    await expect(verify(token)).resolves.toMatchObject({ tenantId: 'softera' });
    vi.setSystemTime(new Date('2026-11-21T10:02:00Z'));
    await expect(verify(token)).rejects.toThrow('The token has expired.');
  });

  it('refuses a token whose lifetime (exp − iat) exceeds the configured maximum, or that has no iat or one in the future', async () => {
    const issuer = await ephemeralIssuer();
    const verify = partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks, maxLifetimeSeconds: 3600 });
    await expect(verify(await issuer.mintPartnerToken({ tenant: 'softera', ttlSeconds: 3600 }))).resolves.toMatchObject({ tenantId: 'softera' });
    await expect(verify(await issuer.mintPartnerToken({ tenant: 'softera', ttlSeconds: 3601 }))).rejects.toThrow(/longer than this API accepts/);
    // The default maximum is the local tokens' 7 days.
    const byDefault = partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks });
    await expect(byDefault(await issuer.mintPartnerToken({ tenant: 'softera' }))).resolves.toMatchObject({ tenantId: 'softera' });
    await expect(byDefault(await issuer.mintPartnerToken({ tenant: 'softera', ttlSeconds: 8 * 24 * 3600 }))).rejects.toThrow(/longer than this API accepts/);
    // Tokens shaped by hand (the local issuer always sets iat to now).
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const own = partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] }, maxLifetimeSeconds: 3600 });
    const now = Math.floor(Date.now() / 1000);
    const sign = (times: { iat?: number; exp: number }) => {
      const jwt = new SignJWT({ token_use: 'partner', tenant: 'softera', scope: 'requests:read' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setSubject('shop').setExpirationTime(times.exp);
      return (times.iat === undefined ? jwt : jwt.setIssuedAt(times.iat)).sign(privateKey);
    };
    await expect(own(await sign({ iat: now, exp: now + 600 }))).resolves.toMatchObject({ partnerId: 'shop' });
    await expect(own(await sign({ exp: now + 600 }))).rejects.toThrow(/no "iat"/);
    await expect(own(await sign({ iat: now + 86_400, exp: now + 86_400 + 600 }))).rejects.toThrow(/in the future/);
  });

  it('mints a token that lives exactly its ttl when the clock ticks over a second while minting', async () => {
    // Each reading of this clock is a second later: two readings (iat, then exp) would make the
    // lifetime 7 days + 1 s, which the default verifier refuses (the flaky 401 this test pins down).
    let next = Math.floor(Date.now() / 1000);
    const issuer = await ephemeralIssuer(() => next++);
    const verify = partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks });
    const token = await issuer.mintPartnerToken({ tenant: 'softera' });
    const { iat, exp } = decodeJwt(token);
    expect(exp! - iat!).toBe(7 * 24 * 3600);
    await expect(verify(token)).resolves.toMatchObject({ tenantId: 'softera' });
  });

  it('rejects a token for another audience', async () => {
    const issuer = await ephemeralIssuer();
    const verify = partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: 'someone-else', jwks: issuer.jwks });
    await expect(verify(await issuer.mintPartnerToken({ tenant: 'softera' }))).rejects.toThrow(/"aud" claim/);
  });
});

describe('bearerToken', () => {
  it('explains a missing or malformed Authorization header', () => {
    expect(() => bearerToken(undefined)).toThrow(UnauthenticatedError);
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow('must be "Bearer <token>"');
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
  });
});

describe('staff API authentication', () => {
  it('admits staff tokens to /console/api and refuses partner tokens there', async () => {
    const { harness } = await import('../support/harness.ts');
    const h = await harness();
    const staff = await h.issuer.mintStaffToken({ tenant: 'gautora', role: 'approver' });
    const me = await h.get('/console/api/me', staff);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ tenantId: 'gautora', role: 'approver' });
    const partner = await h.get('/console/api/me', await h.token('gautora'));
    expect(partner.status).toBe(401);
    expect((await h.get('/console/api/me')).status).toBe(401);
  });
});
