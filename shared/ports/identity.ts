import type { AssertedPerson } from '#domain/partner-assertion.ts';
/**
 * Ports of identity verification (next to the domain; adapters in shared/adapters).
 */

/** Deletes stored evidence once it is no longer needed (an ID document scan after review). */
export interface BlobEraser {
  /** Succeeds when the object is already gone. */
  delete(key: string): Promise<void>;
  /** Erases every version of the key but the current one (after rewriting it without a scan). */
  deleteOlderVersions(key: string): Promise<void>;
}

/**
 * Remembers single-use tokens (e-mail control links): the first `consume` of an id wins, later
 * ones are refused. Example: `await store.consume('gautora', jti, expiresAt)` → `'consumed'`.
 */
export interface OneTimeTokenStore {
  consume(tenantId: string, tokenId: string, expiresAt: Date): Promise<'consumed' | 'already_used'>;
}

/** Fetches a public document (trusted lists); only the refresh job uses it, never a request path. */
export interface HttpFetcher {
  get(url: string): Promise<Uint8Array>;
}

/** A national trusted list as verified and cached by the refresh job. */
export interface CachedList {
  readonly territory: string;
  readonly sequenceNumber: number;
  readonly sha256: string;
  readonly fetchedAt: string;
}

/**
 * The verified trusted lists validation reads (from the cache only; never fetched on a
 * request). `T` is the parsed list type of the identity module.
 */
export interface TrustedListSource<T> {
  current(): Promise<{ readonly lists: readonly T[]; readonly fetchedAt: string } | null>;
}

/**
 * Signed single-use links for e-mail control (docs/design.md §1.3 `email_control`), bound to the case and
 * to the address they are mailed to. Example:
 * `await links.issue({ tenantId: 'softera', caseId }, await addressDigest('ona@example.lt'), 7 * 86_400)`
 * → `{ url: 'https://…/forms/softera/confirm?token=…', expiresAt: '2027-03-08T…' }`.
 */
export interface EmailControlLinks {
  issue(ref: { readonly tenantId: string; readonly caseId: string }, addressSha256: string, ttlSeconds: number): Promise<{ readonly url: string; readonly expiresAt: string }>;
}

/**
 * Verifies a partner's identity assertion (a JWT) against that partner's registered keys for the
 * tenant. Never throws for a bad assertion: it answers the reasons in plain words.
 */
export interface PartnerAssertionVerifier {
  verify(input: { readonly tenantId: string; readonly partnerId: string; readonly assertion: string; readonly now: Date }): Promise<{ readonly ok: true; readonly person: AssertedPerson } | { readonly ok: false; readonly reasons: readonly string[] }>;
}
