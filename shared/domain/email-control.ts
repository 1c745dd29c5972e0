import type { IdentityEvidence } from './identity-evidence.ts';

/**
 * E-mail control (docs/design.md §1.3 `email_control`): the subject proves they read the mailbox we
 * already know for the case by confirming a signed single-use link sent there. The link names
 * the address only as a digest, so a link stays tied to the address it went to (a corrected
 * address voids older links) without the token carrying personal data.
 */

/** SHA-256 (hex) of the normalised address. Example: `await addressDigest(' Ona@Example.lt ')`. */
export async function addressDigest(address: string): Promise<string> {
  const bytes = new TextEncoder().encode(address.trim().toLowerCase());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The record kept once the link is confirmed: the fact and the time, never the address, the
 * token or its id (those identify nothing the case does not already hold).
 */
export function emailControlEvidence(o: { readonly matched: 'requester' | 'represented'; readonly at: Date }): IdentityEvidence {
  return { method: 'email_control', verdict: 'verified', reasons: [], matched: o.matched, signedAt: o.at.toISOString(), reviewer: null, checkedAt: o.at.toISOString() };
}
