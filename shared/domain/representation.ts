import type { Case } from './case.ts';
import type { EvidenceVerdict, IdentityEvidence } from './identity-evidence.ts';
import { personalCodeOf, sameName } from './identity-matching.ts';

/**
 * A representative's authorization (docs/design.md §1.3; 003 §21.7, 004 §3.4.2.3): staff read the
 * document (the partner's `representative.authorizationDocument`, or an e-mail attachment) and
 * type who it names. It must name the represented person (the case's subject) as principal and
 * the representative as agent, be in force, and cover the request. The represented person is
 * what the matching checks; the representative's own identity is established by the usual
 * methods (QES, ID document, in person, …) first.
 */
export const AUTHORIZATION_DOCUMENTS = ['power_of_attorney', 'notarised_power_of_attorney', 'parental_responsibility', 'legal_guardianship', 'art80_mandate'] as const;
export type AuthorizationDocument = (typeof AUTHORIZATION_DOCUMENTS)[number];

export interface RepresentationReview {
  readonly document: AuthorizationDocument;
  /** The represented person as the document names them. */
  readonly principal: { readonly name: string; readonly personalCode?: string | null };
  /** The representative as the document names them. */
  readonly agent: { readonly name: string };
  /** Last day the authorization is in force (YYYY-MM-DD); none for open-ended ones. */
  readonly validUntil?: string | null;
  /** Staff: the mandate covers this kind of request (e.g. data access, not only banking). */
  readonly coversRequest: boolean;
}

export interface RepresentationCheck {
  readonly verdict: EvidenceVerdict;
  readonly reasons: readonly string[];
}

/**
 * Expired or out-of-scope authorizations are rejected; a document naming other people asks for
 * a second look. Example: `checkRepresentation(review, c, now)` → `{ verdict: 'verified', reasons: [] }`.
 */
export function checkRepresentation(review: RepresentationReview, c: Pick<Case, 'subject' | 'representative'>, today: Date, subjectCode?: string | null): RepresentationCheck {
  const rejected: string[] = [];
  const second: string[] = [];
  if (!c.representative) rejected.push('The request was not made by a representative.');
  if (review.validUntil && review.validUntil < today.toISOString().slice(0, 10)) rejected.push(`The authorization expired on ${review.validUntil}.`);
  if (!review.coversRequest) rejected.push('The authorization does not cover this request.');
  if (!sameName(review.principal.name, c.subject.name)) second.push(`The authorization names "${review.principal.name}" as the represented person, not "${c.subject.name}".`);
  const code = personalCodeOf(review.principal.personalCode);
  const claimed = personalCodeOf(subjectCode);
  if (code && claimed && code !== claimed) second.push(`The authorization gives the represented person's personal code ${code}, the request ${claimed}.`);
  if (c.representative && !sameName(review.agent.name, c.representative.name)) second.push(`The authorization is given to "${review.agent.name}", not to the representative "${c.representative.name}".`);
  const verdict: EvidenceVerdict = rejected.length > 0 ? 'rejected' : second.length > 0 ? 'needs_review' : 'verified';
  return { verdict, reasons: [...rejected, ...second] };
}

/**
 * The record once the representative's identity and the authorization are both established: the
 * representative's identity evidence, plus the kind of authorization seen, now establishing the
 * represented person's identity. The document itself is not kept.
 */
export function representationEvidence(requester: IdentityEvidence, review: RepresentationReview, o: { readonly reviewer: string; readonly at: Date }): IdentityEvidence {
  return { ...requester, verdict: 'verified', reasons: [], matched: 'represented', representation: { document: review.document }, reviewer: o.reviewer, checkedAt: o.at.toISOString() };
}
