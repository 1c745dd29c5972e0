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
