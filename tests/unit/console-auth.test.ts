import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadConsoleConfig, type CognitoConfig } from '#config/console-config.ts';
import { authorizeUrl, exchangeCode, pkcePair, verifyIdToken } from '#http/console/oidc.ts';
import { readSession, signSession } from '#http/console/session.ts';

const SECRET = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';
const cognitoEnv = {
  CONSOLE_AUTH: 'cognito',
  CONSOLE_SESSION_SECRET: SECRET,
  COGNITO_REGION: 'eu-central-1',
  COGNITO_USER_POOL_ID: 'eu-central-1_AbC123',
  COGNITO_CLIENT_ID: 'client-1',
  COGNITO_DOMAIN: 'https://rightsdesk.auth.eu-central-1.amazoncognito.com/',
  CONSOLE_BASE_URL: 'https://console.rightsdesk.example',
};
const cfg = loadConsoleConfig(cognitoEnv).cognito as CognitoConfig;

async function pool() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'pool-1', alg: 'RS256', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] });
  const idToken = (claims: Record<string, unknown>, options: { iss?: string; aud?: string; exp?: number } = {}) =>
    new SignJWT({ token_use: 'id', nonce: 'n-1', 'custom:tenant': 'softera', 'cognito:groups': ['agent'], email: 'rasa@softera.lt', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'pool-1' })
      .setIssuer(options.iss ?? cfg.issuer)
      .setAudience(options.aud ?? cfg.clientId)
      .setSubject('3f1c-user')
      .setIssuedAt()
      .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 3600)
      .sign(privateKey);
  return { keys, idToken };
}

describe('console config', () => {
  it('derives the pool issuer and the redirect URI when Cognito is configured', () => {
    expect(cfg).toMatchObject({ issuer: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbC123', redirectUri: 'https://console.rightsdesk.example/console/callback', domain: 'https://rightsdesk.auth.eu-central-1.amazoncognito.com' });
  });

  it('refuses to start when Cognito settings or a strong session secret are missing', () => {
    expect(() => loadConsoleConfig({ ...cognitoEnv, COGNITO_CLIENT_ID: undefined })).toThrow(/COGNITO_CLIENT_ID/);
    expect(() => loadConsoleConfig({ CONSOLE_AUTH: 'dev', CONSOLE_SESSION_SECRET: 'short' })).toThrow(/CONSOLE_SESSION_SECRET/);
    expect(() => loadConsoleConfig({ ...cognitoEnv, COGNITO_USER_POOL_ID: 'eu-west-1_AbC123' })).toThrow(/not in COGNITO_REGION/);
  });
});

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B when given its verifier', async () => {
    expect(await pkcePair('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toEqual({ verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' });
  });

  it('makes a fresh 43-character verifier each time when none is given', async () => {
    const [a, b] = await Promise.all([pkcePair(), pkcePair()]);
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
  });

  it('sends the challenge, state and nonce to the hosted UI and the verifier to the token endpoint', async () => {
    const url = new URL(authorizeUrl(cfg, { state: 's-1', nonce: 'n-1', challenge: 'c-1' }));
    expect(url.origin + url.pathname).toBe('https://rightsdesk.auth.eu-central-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: 'client-1', code_challenge: 'c-1', code_challenge_method: 'S256', state: 's-1', nonce: 'n-1', redirect_uri: cfg.redirectUri });

    let sent: URLSearchParams | undefined;
    const fakeFetch = (async (_url: URL, init: { body: URLSearchParams }) => {
      sent = init.body;
      return new Response(JSON.stringify({ id_token: 'header.payload.signature-long-enough', token_type: 'Bearer' }), { status: 200 });
    }) as unknown as typeof fetch;
    expect(await exchangeCode(cfg, 'code-1', 'verifier-1', fakeFetch)).toBe('header.payload.signature-long-enough');
    expect(Object.fromEntries(sent!)).toMatchObject({ grant_type: 'authorization_code', code: 'code-1', code_verifier: 'verifier-1' });
  });
});

describe('Cognito ID token verification', () => {
  it('maps tenant and the strongest group to a staff principal when the token is good', async () => {
    const { keys, idToken } = await pool();
    expect(await verifyIdToken(cfg, await idToken({ 'cognito:groups': ['agent', 'approver'] }), 'n-1', keys)).toEqual({ userId: '3f1c-user', tenantId: 'softera', role: 'approver', email: 'rasa@softera.lt' });
  });

  it('refuses a token for another client, issuer, nonce, expired or without a staff group', async () => {
    const { keys, idToken } = await pool();
    await expect(verifyIdToken(cfg, await idToken({}, { aud: 'other-client' }), 'n-1', keys)).rejects.toThrow(/could not be verified/);
    await expect(verifyIdToken(cfg, await idToken({}, { iss: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Other' }), 'n-1', keys)).rejects.toThrow(/could not be verified/);
    await expect(verifyIdToken(cfg, await idToken({}), 'n-2', keys)).rejects.toThrow(/nonce/);
    await expect(verifyIdToken(cfg, await idToken({}, { exp: Math.floor(Date.now() / 1000) - 120 }), 'n-1', keys)).rejects.toThrow(/could not be verified/);
    await expect(verifyIdToken(cfg, await idToken({ 'cognito:groups': ['readers'] }), 'n-1', keys)).rejects.toThrow(/staff groups/);
    await expect(verifyIdToken(cfg, await idToken({ token_use: 'access' }), 'n-1', keys)).rejects.toThrow(/staff claims/);
  });

  it('refuses a token signed by a key outside the pool JWKS', async () => {
    const { keys } = await pool();
    const other = await pool();
    await expect(verifyIdToken(cfg, await other.idToken({}), 'n-1', keys)).rejects.toThrow(/could not be verified/);
  });
});

describe('console session token', () => {
  const key = new Uint8Array(Buffer.from(SECRET, 'base64url'));

  it('round-trips the staff principal with a CSRF token when signed with the key', async () => {
    const session = await readSession(await signSession({ userId: 'agent@softera.local', tenantId: 'softera', role: 'agent' }, key, 600), key);
    expect(session?.staff).toEqual({ userId: 'agent@softera.local', tenantId: 'softera', role: 'agent' });
    expect(session?.csrf).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('reads nothing from a tampered, foreign-key or expired session', async () => {
    const token = await signSession({ userId: 'agent@softera.local', tenantId: 'softera', role: 'agent' }, key, 600);
    const [h, p, s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'admin' })).toString('base64url')}.${s}`;
    expect(await readSession(forged, key)).toBeNull();
    expect(await readSession(token, new Uint8Array(32))).toBeNull();
    expect(await readSession(await signSession({ userId: 'a', tenantId: 'softera', role: 'agent' }, key, -60), key)).toBeNull();
    expect(await readSession(undefined, key)).toBeNull();
  });
});
