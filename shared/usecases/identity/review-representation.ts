import type { Actor } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { ValidationError, WorkflowNotWaitingError } from '#domain/errors.ts';
import type { IdentityMethod } from '#domain/identity.ts';
import { minimiseEvidence, type IdentityEvidence } from '#domain/identity-evidence.ts';
import type { BlobEraser } from '#ports/identity.ts';
import { checkRepresentation, representationEvidence, type RepresentationReview } from '#domain/representation.ts';
import { updateCase } from '#domain/workflow.ts';
import { decide, type DecisionDeps } from '#usecases/workflow/decide.ts';
import { loadCase, type CaseRef } from '#usecases/workflow/deps.ts';

export interface ReviewRepresentationDeps extends DecisionDeps {
  /** Deletes a scanned authorization kept in the evidence bucket (an e-mail attachment) after the decision. */
  readonly eraser?: BlobEraser;
}

export interface ReviewRepresentationInput extends CaseRef {
  readonly review: RepresentationReview;
  /**
   * How staff established the representative's own identity when nothing on the case did yet
   * (e.g. `in_person`: they saw the representative's ID at the office).
   */
  readonly requesterMethod?: IdentityMethod;
  /** The authorization scan in our evidence bucket (an e-mail attachment), deleted once decided. */
  readonly documentKey?: string;
  readonly actor: Actor;
}

export interface ReviewRepresentationResult {
  readonly case: Case;
  readonly verdict: IdentityEvidence['verdict'];
  readonly reasons: readonly string[];
  readonly evidence: IdentityEvidence | null;
  readonly resumed: boolean;
  readonly documentDeleted: boolean;
}

const IDENTITY_STEPS = ['identity_review', 'subject_identity'] as const;

/**
 * Staff check a representative's authorization (the partner's `authorizationDocument` reference,
 * or an e-mail attachment) for a case waiting on identity.
 *
 * Primary course: the case has a representative and waits at an identity step → the document
 * names the represented person (the subject) and the representative, is in force and covers the
 * request → the representative's own identity is established (the case's verified evidence, or
 * the method staff name) → the decisions use case approves identity with the evidence record
 * (`representation`, matched: represented) and resumes the workflow → a scan we hold is deleted.
 * A failed check decides nothing: the reasons come back (and are on the audit trail), the scan
 * stays for a second look, and staff can still ask for more or reject through the decisions API.
 * Example: `await reviewRepresentation(deps, { tenantId, caseId, review, actor })`.
 */
export async function reviewRepresentation(deps: ReviewRepresentationDeps, input: ReviewRepresentationInput): Promise<ReviewRepresentationResult> {
  const c = await loadCase(deps, input);
  const step = c.waiting?.step;
  if (!step || !(IDENTITY_STEPS as readonly string[]).includes(step)) {
    throw new WorkflowNotWaitingError(`Case ${c.reference} is not waiting for identity (status "${c.status}"${step ? `, waiting for "${step}"` : ''}).`);
  }
  if (!c.representative) throw new ValidationError(`Case ${c.reference} was not made by a representative.`, [{ field: 'case', message: 'no representative' }]);
  // Only this case's own attachments or scans may be deleted through here.
  if (input.documentKey && !input.documentKey.split('/').slice(1, 3).every((part, i) => part === [c.tenantId, c.id][i])) {
    throw new ValidationError('The document key does not belong to this case.', [{ field: 'documentKey', message: 'not this case' }]);
  }
  const now = deps.clock.now();
  const check = checkRepresentation(input.review, c, now);
  const prior = c.identity.evidence?.verdict === 'verified' ? c.identity.evidence : null;
  const method = prior?.method ?? input.requesterMethod;
  const reasons = [...check.reasons];
  if (!method) reasons.push('The representative’s own identity is not established yet: review their identity document first, or say how staff established it (requesterMethod).');
  else if (!c.identity.acceptedMethods.includes(method)) reasons.push(`"${method}" does not establish identity here (${c.identity.rule}).`);

  if (check.verdict !== 'verified' || reasons.length > 0) {
    const verdict = check.verdict === 'verified' ? 'needs_review' : check.verdict;
    const { case: next, events } = updateCase(c, now, {}, [
      { type: 'identity.checked', actor: input.actor, visibility: 'internal', summary: `Representative’s authorization not accepted yet: ${reasons.join(' ')}`, details: { document: input.review.document, verdict, reasons } },
    ]);
    await deps.repo.saveCase(next, events);
    return { case: next, verdict, reasons, evidence: null, resumed: false, documentDeleted: false };
  }

  const requester: IdentityEvidence = prior ?? { method: method!, verdict: 'verified', reasons: [], signer: { name: c.representative.name }, reviewer: input.actor.id, checkedAt: now.toISOString() };
  const evidence = minimiseEvidence(representationEvidence(requester, input.review, { reviewer: input.actor.id, at: now }));
  const { case: checked, events } = updateCase(c, now, {}, [
    { type: 'identity.checked', actor: input.actor, visibility: 'internal', summary: `Representative’s authorization checked (${input.review.document}).`, details: { document: input.review.document, verdict: 'verified' } },
  ]);
  await deps.repo.saveCase(checked, events);
  const decided = await decide(deps, { tenantId: input.tenantId, caseId: input.caseId, step: step as (typeof IDENTITY_STEPS)[number], decision: 'approve', method: method!, evidence, actor: input.actor });
  let documentDeleted = false;
  if (input.documentKey && deps.eraser) {
    await deps.eraser.delete(input.documentKey);
    documentDeleted = true;
  }
  return { case: decided.case, verdict: 'verified', reasons: [], evidence, resumed: true, documentDeleted };
}
