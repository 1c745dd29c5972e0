import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from 'jose';
import * as z from 'zod/mini';
import type { PartnerAssertionKeys } from '#config/api-config.ts';
import type { PartnerAssertionVerifier } from '#ports/identity.ts';
import type { AssertedPerson } from '#domain/partner-assertion.ts';

/**
 * Partner identity assertions (docs/design.md §1.3 `partner_assertion`), checked with jose — already in
 * the API bundle for the partner tokens, so this costs a few hundred bytes. Each partner has its
 * own keys per tenant; `iss` must be the partner id of the calling token and `aud` the tenant, so
 * an assertion made for one controller cannot be replayed at another. Asymmetric algorithms only:
 * we must never hold a secret that could mint an assertion.
 */
const ASSERTION_ALGORITHMS = ['ES256', 'EdDSA', 'RS256'];
const CLOCK_TOLERANCE_SECONDS = 30;

// Built with the first assertion (z.lazy): most requests carry none.
const Claims = z.lazy(() => z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(254)),
  exp: z.number(),
  iat: z.optional(z.number()),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  given_name: z.optional(z.string().check(z.maxLength(100))),
  family_name: z.optional(z.string().check(z.maxLength(100))),
  personal_code: z.optional(z.string().check(z.maxLength(32))),
}));

export class JosePartnerAssertions implements PartnerAssertionVerifier {
  private readonly sets = new Map<string, JWTVerifyGetKey>();

  constructor(private readonly keys: PartnerAssertionKeys) {}

  async verify(input: { tenantId: string; partnerId: string; assertion: string; now: Date }): Promise<{ ok: true; person: AssertedPerson } | { ok: false; reasons: readonly string[] }> {
    const jwks = this.keys[input.tenantId]?.[input.partnerId];
    if (!jwks) return { ok: false, reasons: [`No identity-assertion keys are registered for partner "${input.partnerId}".`] };
    try {
      const { payload, protectedHeader } = await jwtVerify(input.assertion, this.keySet(input.tenantId, input.partnerId, jwks), {
        algorithms: ASSERTION_ALGORITHMS,
        issuer: input.partnerId,
        audience: input.tenantId,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: input.now,
      });
      const claims = Claims.safeParse(payload);
      if (!claims.success) return { ok: false, reasons: [`The assertion's claims are not valid (${claims.error.issues.map((i) => i.path.join('.')).join(', ')}).`] };
      const c = claims.data;
      const name = c.name ?? ([c.given_name, c.family_name].filter(Boolean).join(' ') || undefined);
      const jwk = keyUsed(jwks, protectedHeader.kid, protectedHeader.alg);
      const keySha256 = jwk ? await thumbprint(jwk) : 'unknown';
      return {
        ok: true,
        person: {
          sub: c.sub,
          ...(name ? { name } : {}),
          ...(c.personal_code ? { personalCode: c.personal_code } : {}),
          ...(c.iat ? { issuedAt: new Date(c.iat * 1000).toISOString() } : {}),
          keySha256,
        },
      };
    } catch (error) {
      return { ok: false, reasons: [reasonOf(error)] };
    }
  }

  private keySet(tenantId: string, partnerId: string, jwks: JSONWebKeySet): JWTVerifyGetKey {
    const id = `${tenantId}\u0000${partnerId}`;
    let set = this.sets.get(id);
    if (!set) this.sets.set(id, (set = createLocalJWKSet(jwks)));
    return set;
  }
}

/** The registered key that verified (jose picks it by `kid`/`alg` the same way). */
function keyUsed(jwks: JSONWebKeySet, kid: string | undefined, alg: string | undefined): JWK | undefined {
  const candidates = jwks.keys.filter((k) => (kid === undefined || k.kid === kid) && (k.alg === undefined || k.alg === alg));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * RFC 7638 thumbprint (SHA-256 of the key's required members, sorted, no whitespace), in hex
 * like the certificate digests. Written out because jose's helper costs the API bundle 1.8 KB.
 */
async function thumbprint(jwk: JWK): Promise<string> {
  const members = jwk.kty === 'RSA' ? ['e', 'kty', 'n'] : jwk.kty === 'OKP' ? ['crv', 'kty', 'x'] : ['crv', 'kty', 'x', 'y'];
  const json = JSON.stringify(Object.fromEntries(members.map((m) => [m, (jwk as Readonly<Record<string, unknown>>)[m]])));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Plain words for staff and the partner's developers (recorded on the case, never a 500). */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The partner’s identity assertion has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The partner’s identity assertion has an invalid "${error.claim}" claim (it must be issued by the partner, for this controller, and name the subject).`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The partner’s identity assertion signature is not valid.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The partner’s identity assertion uses a signature algorithm that is not accepted.';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'The partner’s identity assertion was not signed with a key registered for the partner.';
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid || error instanceof errors.JOSENotSupported) return 'The partner’s identity assertion is malformed.';
  return 'The partner’s identity assertion could not be verified.';
}
