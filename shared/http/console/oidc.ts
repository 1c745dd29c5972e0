import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '#domain/errors.ts';
import type { CognitoConfig } from '#config/console-config.ts';
import { ALLOWED_ALGORITHMS, type StaffPrincipal, type StaffRole } from '../auth.ts';
import * as z from 'zod/mini';

/**
 * Cognito sign-in for the console: OIDC authorization code flow with PKCE (RFC 7636, S256)
 * through the hosted UI. The ID token is verified with jose against the user pool's JWKS; the
 * tenant comes from the `custom:tenant` attribute and the role from `cognito:groups`.
 */

/** A PKCE verifier (43 chars of base64url, 256 bits) and its S256 challenge. */
export async function pkcePair(verifier = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')): Promise<{ verifier: string; challenge: string }> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: Buffer.from(digest).toString('base64url') };
}

export function authorizeUrl(cfg: CognitoConfig, p: { state: string; nonce: string; challenge: string }): string {
  const url = new URL('/oauth2/authorize', cfg.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: cfg.redirectUri,
    scope: 'openid email',
    state: p.state,
    nonce: p.nonce,
    code_challenge: p.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

// Built on the first sign-in (z.lazy), which most requests are not.
const TokenResponse = z.lazy(() => z.object({ id_token: z.string().check(z.minLength(20)), token_type: z.string() }));

/** Exchanges the authorization code (with the PKCE verifier) for tokens at the hosted UI. */
export async function exchangeCode(cfg: CognitoConfig, code: string, verifier: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (cfg.clientSecret) headers.authorization = `Basic ${Buffer.from(`${cfg.clientId}:${cfg.clientSecret}`).toString('base64')}`;
  const response = await fetchImpl(new URL('/oauth2/token', cfg.domain), {
    method: 'POST',
    headers,
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: cfg.clientId, code, redirect_uri: cfg.redirectUri, code_verifier: verifier }),
  });
  if (!response.ok) throw new UnauthenticatedError(`The sign-in could not be completed (token endpoint answered ${response.status}).`);
  const parsed = TokenResponse.safeParse(await response.json());
  if (!parsed.success) throw new UnauthenticatedError('The sign-in could not be completed (no ID token).');
  return parsed.data.id_token;
}

const IdClaims = z.lazy(() => z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(256)),
  token_use: z.literal('id'),
  nonce: z.string(),
  email: z.optional(z.string()),
  'custom:tenant': z.string().check(z.regex(/^[a-z][a-z0-9]{1,30}$/)),
  'cognito:groups': z.optional(z.array(z.string())),
}));

/** Highest role first: a member of several groups gets the strongest. */
const ROLE_ORDER: readonly StaffRole[] = ['admin', 'approver', 'agent'];

export function poolKeys(cfg: CognitoConfig): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(`${cfg.issuer}/.well-known/jwks.json`));
}

/**
 * Verifies a Cognito ID token: signature against the pool's keys (asymmetric only), `iss` is the
 * pool, `aud` the app client, `exp`, `token_use: id`, and the nonce of this sign-in (replay).
 * Example: `await verifyIdToken(cfg, idToken, nonce, poolKeys(cfg))` → `{ userId, tenantId, role }`.
 */
export async function verifyIdToken(cfg: CognitoConfig, idToken: string, nonce: string, keys: JWTVerifyGetKey): Promise<StaffPrincipal> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(idToken, keys, { algorithms: ALLOWED_ALGORITHMS, issuer: cfg.issuer, audience: cfg.clientId, requiredClaims: ['exp', 'sub'], clockTolerance: 30 }));
  } catch (error) {
    throw new UnauthenticatedError('The ID token could not be verified.', { cause: error });
  }
  const claims = IdClaims.safeParse(payload);
  if (!claims.success) throw new UnauthenticatedError('The ID token lacks the staff claims (custom:tenant, token_use).');
  if (claims.data.nonce !== nonce) throw new UnauthenticatedError('The ID token belongs to another sign-in (nonce).');
  const groups = claims.data['cognito:groups'] ?? [];
  const role = ROLE_ORDER.find((r) => groups.includes(r));
  if (!role) throw new UnauthenticatedError('This user is in none of the staff groups (agent, approver, admin).');
  return { userId: claims.data.sub, tenantId: claims.data['custom:tenant'], role, ...(claims.data.email ? { email: claims.data.email } : {}) };
}
