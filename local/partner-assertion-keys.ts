import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

/**
 * The local stack's partner identity-assertion keys (docs/design.md §1.3 `partner_assertion`): one ES256
 * pair per tenant for its local partner (`<tenant>-partner`, the `sub` of the dev partner token),
 * in `.local/keys/partner-assertion.json` (created on first start, kept across restarts). The
 * public halves become `PARTNER_ASSERTION_KEYS`; the private halves let a developer play the
 * partner (dev.json names the file and carries a sample assertion per tenant).
 */
export interface LocalAssertionKey {
  readonly partnerId: string;
  readonly kid: string;
  readonly alg: 'ES256';
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export async function localPartnerAssertionKeys(file: string, tenantIds: readonly string[]): Promise<Record<string, LocalAssertionKey>> {
  let keys: Record<string, LocalAssertionKey> = {};
  try {
    keys = (JSON.parse(await readFile(file, 'utf8')) as { keys: Record<string, LocalAssertionKey> }).keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let added = false;
  for (const tenant of tenantIds) {
    if (keys[tenant]) continue;
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `${tenant}-partner-assertion-1`;
    keys[tenant] = { partnerId: `${tenant}-partner`, kid, alg: 'ES256', privateJwk: await exportJWK(privateKey), publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
    added = true;
  }
  if (added) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ keys }, null, 2), { mode: 0o600 });
  }
  return keys;
}

/** `PARTNER_ASSERTION_KEYS` for the local API: `{ tenant: { partnerId: { keys: [publicJwk] } } }`. */
export function partnerAssertionKeysEnv(keys: Record<string, LocalAssertionKey>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(keys).map(([tenant, k]) => [tenant, { [k.partnerId]: { keys: [k.publicJwk] } }])));
}

/**
 * Signs an assertion as the tenant's local partner would (`iss` partner, `aud` tenant), issued at
 * `at`: the API checks assertions on the stack's clock, which may run fast or resume ahead of the
 * wall clock, so the stack mints its sample on that clock.
 */
export async function mintLocalAssertion(
  key: LocalAssertionKey,
  tenant: string,
  claims: { readonly sub: string; readonly name?: string; readonly personal_code?: string },
  ttlSeconds: number,
  at: Date = new Date(),
): Promise<string> {
  const now = Math.floor(at.getTime() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(key.partnerId)
    .setAudience(tenant)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(await importJWK(key.privateJwk, key.alg));
}
