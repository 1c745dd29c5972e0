import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import * as z from 'zod/mini';
import { UnauthenticatedError } from '#domain/errors.ts';
import { STAFF_ROLES, type StaffPrincipal } from './staff-roles.ts';

/** Only asymmetric algorithms: a verifier must never be able to mint tokens (no HS256, no `none`). */
export const ALLOWED_ALGORITHMS = ['ES256', 'EdDSA', 'RS256'];

/** Clock skew tolerated between the token issuer and us. */
const CLOCK_TOLERANCE_SECONDS = 30;

export interface TokenVerifierConfig {
  readonly issuer: string;
  readonly audience: string;
  /** The issuer's public keys, inline (local stack, tests) or at a JWKS URL (Cognito, KMS-backed issuer). */
  readonly jwks: JSONWebKeySet | URL;
  /**
   * Longest lifetime (`exp` − `iat`) a partner token may have; longer ones are refused, so a
   * leaked long-lived token is not a standing key. Default: DEFAULT_PARTNER_TOKEN_MAX_LIFETIME_SECONDS.
   */
  readonly maxLifetimeSeconds?: number;
}

/** 7 days: the lifetime of the local stack's partner tokens (.local/dev.json, docs/design.md §4.1). */
export const DEFAULT_PARTNER_TOKEN_MAX_LIFETIME_SECONDS = 7 * 24 * 3600;

export interface PartnerPrincipal {
  readonly partnerId: string;
  readonly tenantId: string;
  readonly scopes: readonly string[];
}

// Each built with the first token of its kind (z.lazy): a partner request never needs the staff claims, nor the reverse.
const PartnerClaims = z.lazy(() => z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(128)),
  exp: z.number(),
  iat: z.optional(z.number()),
  token_use: z.literal('partner'),
  tenant: z.string().check(z.regex(/^[a-z][a-z0-9]{1,30}$/)),
  scope: z.optional(z.string()),
}));

/** Signature, algorithm allow-list, `iss`, `aud` and `exp`: the checks every token gets. */
async function verifiedPayload(token: string, keys: JWTVerifyGetKey, config: TokenVerifierConfig): Promise<unknown> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: config.issuer,
      audience: config.audience,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    return payload;
  } catch (error) {
    throw new UnauthenticatedError(reasonOf(error), { cause: error });
  }
}

function keySource(jwks: JSONWebKeySet | URL): JWTVerifyGetKey {
  if (!(jwks instanceof URL)) return createLocalJWKSet(jwks);
  // Made on the first token, not at init: jose's remote set loads Node's fetch (undici, ~30 ms of
  // every cold start), which the first request needs only if it carries a token (issue 15).
  let remote: JWTVerifyGetKey | undefined;
  return (header, token) => (remote ??= createRemoteJWKSet(jwks))(header, token);
}

/** Plain-words reasons a partner developer can act on, without leaking verification internals. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not valid for this API.`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this API does not accept.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token was not signed by a key this API trusts.';
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return 'The token is malformed.';
  return 'The token could not be verified.';
}

/**
 * Verifies partner API tokens: signature against the issuer's keys, algorithm allow-list,
 * `iss`, `aud`, `exp` (required) and the partner claims.
 * Example: `const verify = partnerTokenVerifier(cfg); const p = await verify(token)` →
 * `{ partnerId: 'gautora-shop', tenantId: 'gautora', scopes: ['requests:write'] }`.
 */
export function partnerTokenVerifier(config: TokenVerifierConfig): (token: string) => Promise<PartnerPrincipal> {
  const keys = keySource(config.jwks);
  // Partners send the same token for many calls. A token string that verified once verifies
  // again until it expires, so the result is remembered until `exp` (checked on every use) —
  // the signature check was the largest fixed cost per request (npm run bench).
  const verified = new Map<string, { principal: PartnerPrincipal; expiresAtMs: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit) {
      if (hit.expiresAtMs > Date.now()) return hit.principal;
      verified.delete(token);
    }
    const { principal, exp } = await verifyPartnerToken(token, keys, config);
    if (verified.size >= VERIFIED_TOKEN_CACHE_LIMIT) verified.clear();
    verified.set(token, { principal, expiresAtMs: exp * 1000 + CLOCK_TOLERANCE_SECONDS * 1000 });
    return principal;
  };
}

const VERIFIED_TOKEN_CACHE_LIMIT = 1_000;

async function verifyPartnerToken(
  token: string,
  keys: JWTVerifyGetKey,
  config: TokenVerifierConfig,
): Promise<{ principal: PartnerPrincipal; exp: number }> {
  const claims = PartnerClaims.safeParse(await verifiedPayload(token, keys, config));
  if (!claims.success) throw new UnauthenticatedError('The token is not a partner API token.');
  const { iat, exp } = claims.data;
  const max = config.maxLifetimeSeconds ?? DEFAULT_PARTNER_TOKEN_MAX_LIFETIME_SECONDS;
  // Without `iat` the lifetime is unknown; an `iat` in the future would stretch it past `exp - iat`.
  if (iat === undefined) throw new UnauthenticatedError('The token has no "iat" claim; its lifetime cannot be checked.');
  if (iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new UnauthenticatedError('The token\'s "iat" claim is in the future.');
  if (exp - iat > max) throw new UnauthenticatedError(`The token is valid for longer than this API accepts (at most ${max} seconds from "iat" to "exp").`);
  return {
    exp: claims.data.exp,
    principal: Object.freeze({
      partnerId: claims.data.sub,
      tenantId: claims.data.tenant,
      scopes: Object.freeze(claims.data.scope ? claims.data.scope.split(' ').filter(Boolean) : []),
    }),
  };
}

export { STAFF_ROLES, type StaffPrincipal, type StaffRole } from './staff-roles.ts';

const StaffClaims = z.lazy(() => z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(256)),
  exp: z.number(),
  token_use: z.literal('staff'),
  tenant: z.string().check(z.regex(/^[a-z][a-z0-9]{1,30}$/)),
  role: z.enum(STAFF_ROLES),
  email: z.optional(z.string()),
}));

/**
 * Verifies staff tokens (locally: the development issuer; on AWS: Cognito ID tokens mapped to
 * the same claims). Same checks as partner tokens; partner tokens are refused.
 */
export function staffTokenVerifier(config: TokenVerifierConfig): (token: string) => Promise<StaffPrincipal> {
  const keys = keySource(config.jwks);
  return async (token) => {
    const claims = StaffClaims.safeParse(await verifiedPayload(token, keys, config));
    if (!claims.success) throw new UnauthenticatedError('The token is not a staff token.');
    return { userId: claims.data.sub, tenantId: claims.data.tenant, role: claims.data.role, ...(claims.data.email ? { email: claims.data.email } : {}) };
  };
}

/** Extracts the bearer token, or explains what is wrong with the header. */
export function bearerToken(header: string | undefined): string {
  if (!header) throw new UnauthenticatedError('Send an "Authorization: Bearer <token>" header.');
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1];
}
