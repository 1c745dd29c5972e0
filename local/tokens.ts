import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StaffRole } from '#http/auth.ts';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JSONWebKeySet, type CryptoKey } from 'jose';

/**
 * The local stack's token issuer: an ES256 key pair kept in `.local/keys/issuer.json`, so tokens
 * minted by the CLI stay valid across restarts. On AWS, partner tokens come from the deployed
 * issuer and staff tokens from Cognito; the API only ever sees public keys (AUTH_JWKS).
 */
export const LOCAL_ISSUER = 'https://rightsdesk.local/issuer';
export const LOCAL_AUDIENCE = 'rightsdesk-api';
export { STAFF_ROLES, type StaffRole } from '#http/auth.ts';

export interface LocalIssuer {
  readonly jwks: JSONWebKeySet;
  mintPartnerToken(input: { tenant: string; partnerId?: string; ttlSeconds?: number; scopes?: readonly string[] }): Promise<string>;
  mintStaffToken(input: { tenant: string; role: StaffRole; user?: string; ttlSeconds?: number }): Promise<string>;
}

const DAY = 24 * 3600;

/** Seconds since the epoch; a test can pass its own to mint at a second's edge. */
export type EpochSeconds = () => number;
const systemSeconds: EpochSeconds = () => Math.floor(Date.now() / 1000);

function issuerFrom(privateKey: CryptoKey, publicJwk: JWK, nowSeconds: EpochSeconds = systemSeconds): LocalIssuer {
  const kid = publicJwk.kid ?? 'local-1';
  const sign = (claims: Record<string, unknown>, subject: string, ttl: number) => {
    // One reading of the clock for both claims: two readings that straddle a second make the
    // lifetime ttl + 1, which the API refuses when ttl is its maximum (7 days, auth.ts).
    const iat = nowSeconds();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .sign(privateKey);
  };
  return {
    jwks: { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] },
    mintPartnerToken: ({ tenant, partnerId = `${tenant}-partner`, ttlSeconds = 7 * DAY, scopes = ['requests:read', 'requests:write'] }) =>
      sign({ token_use: 'partner', tenant, scope: scopes.join(' ') }, partnerId, ttlSeconds),
    mintStaffToken: ({ tenant, role, user = `${role}@${tenant}.local`, ttlSeconds = 7 * DAY }) =>
      sign({ token_use: 'staff', tenant, role, email: user }, user, ttlSeconds),
  };
}

/** A throwaway issuer for tests. */
export async function ephemeralIssuer(nowSeconds?: EpochSeconds): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return issuerFrom(privateKey, { ...(await exportJWK(publicKey)), kid: `test-${Date.now()}` }, nowSeconds);
}

/** Loads the local issuer's key pair, creating it on first use. */
export async function localIssuer(file: string): Promise<LocalIssuer> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
    const privateKey = await importJWK(stored.privateJwk, 'ES256');
    if (privateKey instanceof Uint8Array) throw new Error(`${file} does not hold an ES256 private key.`);
    return issuerFrom(privateKey, stored.publicJwk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: `local-${Date.now()}` };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ privateJwk: await exportJWK(privateKey), publicJwk }, null, 2), { mode: 0o600 });
  return issuerFrom(privateKey, publicJwk);
}
