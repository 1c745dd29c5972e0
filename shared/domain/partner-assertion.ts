import { SYSTEM, type AuditEvent } from './audit.ts';
import { nextEvents, type Case } from './case.ts';
import { minimiseEvidence, type IdentityEvidence } from './identity-evidence.ts';
import { matchSigner, peopleOf } from './identity-matching.ts';

/**
 * A partner's identity assertion (docs/design.md §1.3 `partner_assertion`) judged against the case: the
 * signature and claims were checked by the verifier; here the asserted person must be the one
 * who asks. `sub` that is an e-mail address must be the requester's address; a `name` claim (and
 * `personal_code` when both sides have one) is matched with the signer-matching rules, where the
 * represented person counts too. A name mismatch is not a refusal: staff look (`needs_review`).
 * Example: `assertionEvidence(c, { sub: 'ona@example.lt', name: 'Ona Petraitienė', keySha256 }, now)`
 * → `{ method: 'partner_assertion', verdict: 'verified', matched: 'requester', … }`.
 */
export function assertionEvidence(c: Pick<Case, 'subject' | 'representative'>, person: AssertedPerson, now: Date): IdentityEvidence {
  const base = {
    method: 'partner_assertion' as const,
    certificateSha256: person.keySha256,
    signedAt: person.issuedAt ?? now.toISOString(),
    reviewer: null,
    checkedAt: now.toISOString(),
    // An account id the partner vouches for is what the assertion proves (fulfilment searches by it).
    ...(person.sub.includes('@') ? {} : { partnerSubject: person.sub.trim() }),
  };
  const requesterEmail = (c.representative ? c.representative.email : c.subject.email)?.trim().toLowerCase();
  const sub = person.sub.trim().toLowerCase();
  if (sub.includes('@') && sub !== requesterEmail) {
    // Which address the partner named is not kept: the reason says only that it differs.
    return { ...base, verdict: 'rejected', reasons: [requesterEmail ? 'The partner asserted another e-mail address than the requester’s.' : 'The partner asserted an e-mail address, but the request gives none to compare it with.'] };
  }
  if (!person.name) {
    // Without a name the assertion vouches for the account (its e-mail, or the partner's own id).
    return { ...base, verdict: 'verified', reasons: [], matched: 'requester' };
  }
  const match = matchSigner({ commonName: person.name, serialNumber: person.personalCode ?? null }, peopleOf(c));
  const signer = { name: person.name, ...(person.personalCode ? { personalCode: person.personalCode } : {}) };
  if (match.kind === 'mismatch') return { ...base, verdict: 'needs_review', reasons: [match.reason.replace('who signed', 'whom the partner vouched for')], signer };
  return { ...base, verdict: 'verified', reasons: [], signer, matched: match.who };
}

/** The record kept when the assertion itself did not verify (bad signature, expired, unknown key, …). */
export function failedAssertionEvidence(reasons: readonly string[], now: Date): IdentityEvidence {
  return { method: 'partner_assertion', verdict: 'rejected', reasons: [...reasons], reviewer: null, checkedAt: now.toISOString() };
}

/**
 * Puts the assertion's evidence on a case being opened, with its audit event. A verified
 * assertion establishes identity at once, except for a representative's request: the
 * authorization still needs staff (the intake step routes it to them).
 */
export function withAssertionEvidence(opened: { case: Case; events: AuditEvent[] }, evidence: IdentityEvidence, now: Date): { case: Case; events: AuditEvent[] } {
  const c = opened.case;
  const record = minimiseEvidence(evidence);
  const verified = record.verdict === 'verified' && !c.representative;
  const [event] = nextEvents(c, now, [
    verified
      ? { type: 'identity.verified', actor: SYSTEM, visibility: 'public', summary: 'Identity verified by the partner’s signed assertion (partner_assertion).', details: { method: 'partner_assertion' } }
      : {
          type: 'identity.checked',
          actor: SYSTEM,
          visibility: 'internal',
          summary: record.verdict === 'verified' ? 'The partner’s assertion names the representative; the authorization is still to be checked.' : `The partner’s identity assertion was not accepted: ${record.reasons.join(' ')}`,
          details: { method: 'partner_assertion', verdict: record.verdict, reasons: [...record.reasons] },
        },
  ]);
  return {
    case: { ...c, identity: { ...c.identity, evidence: record, ...(verified ? { status: 'verified' as const, method: 'partner_assertion' as const } : {}) }, lastEventSeq: c.lastEventSeq + 1 },
    events: [...opened.events, event!],
  };
}

/** What a partner asserted about the signed-in person, once its signature and claims checked out. */
export interface AssertedPerson {
  /** The subject's e-mail address or the partner's account id for them. */
  readonly sub: string;
  readonly name?: string;
  readonly personalCode?: string;
  /** When the partner issued the assertion (ISO instant). */
  readonly issuedAt?: string;
  /** SHA-256 (hex) of the partner key that verified it (RFC 7638 thumbprint). */
  readonly keySha256: string;
}
