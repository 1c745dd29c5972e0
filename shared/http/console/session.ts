import { jwtVerify, SignJWT } from 'jose';
import { STAFF_ROLES, type StaffPrincipal } from '../staff-roles.ts';
import * as z from 'zod/mini';

/**
 * The console's browser session: a short-lived HS256 JWT in a Secure, HttpOnly, SameSite=Lax
 * cookie, naming (`jti`) a server-side session record that sign-out ends (ConsoleSessions). It carries the staff principal (from the dev identity provider or a verified Cognito
 * ID token) and the CSRF token that every state-changing form must echo. Symmetric is right
 * here: only this API signs and reads it (third-party tokens stay asymmetric, see auth.ts).
 */
export const SESSION_COOKIE = 'rd_session';
const SESSION_AUDIENCE = 'rightsdesk-console';
const SESSION_ISSUER = 'rightsdesk-console';

export interface Session {
  /** The server-side record's id (the token's `jti`): signing out ends it (ConsoleSessions). */
  readonly id: string;
  readonly staff: StaffPrincipal;
  readonly csrf: string;
}

const SessionClaims = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(256)),
  tenant: z.string().check(z.regex(/^[a-z][a-z0-9]{1,30}$/)),
  role: z.enum(STAFF_ROLES),
  email: z.optional(z.string()),
  csrf: z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/)),
  jti: z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/)),
});

export function randomToken(bytes = 24): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
}

/** Signs a session cookie; `id` names its server-side record (a fresh random one by default). */
export async function signSession(staff: StaffPrincipal, key: Uint8Array, ttlSeconds: number, id: string = randomToken()): Promise<string> {
  const iat = Math.floor(Date.now() / 1000); // one reading for both claims: the lifetime is exactly ttlSeconds
  return new SignJWT({ tenant: staff.tenantId, role: staff.role, ...(staff.email ? { email: staff.email } : {}), csrf: randomToken() })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(SESSION_ISSUER)
    .setAudience(SESSION_AUDIENCE)
    .setSubject(staff.userId)
    .setJti(id)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

/** The session in a cookie value, or null when it is missing, forged, expired or malformed. */
export async function readSession(token: string | undefined, key: Uint8Array): Promise<Session | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: SESSION_ISSUER, audience: SESSION_AUDIENCE, requiredClaims: ['exp', 'sub', 'jti'] });
    const claims = SessionClaims.safeParse(payload);
    if (!claims.success) return null;
    const c = claims.data;
    return { id: c.jti, staff: { userId: c.sub, tenantId: c.tenant, role: c.role, ...(c.email ? { email: c.email } : {}) }, csrf: c.csrf };
  } catch {
    return null;
  }
}

/** Constant-time string comparison for CSRF tokens. */
export function sameToken(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
