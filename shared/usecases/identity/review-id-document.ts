import type { Actor } from '#domain/audit.ts';
import { WorkflowNotWaitingError } from '#domain/errors.ts';
import { checkIdDocument, idDocumentEvidence, type IdDocumentReview } from '#domain/id-document.ts';
import { minimiseEvidence, type IdentityEvidence } from '#domain/identity-evidence.ts';
import { peopleOf } from '#domain/identity-matching.ts';
import type { BlobEraser } from '#ports/identity.ts';
import type { Case } from '#domain/case.ts';
import { updateCase } from '#domain/workflow.ts';
import { decide, type DecisionDeps } from '#usecases/workflow/decide.ts';
import { loadCase, type CaseRef } from '#usecases/workflow/deps.ts';
import { eraseIdScan, type EraseIdScanDeps } from './erase-id-scan.ts';

export interface ReviewIdDocumentDeps extends DecisionDeps {
  /** Deletes the document scan after the decision; without it nothing is deleted (and the result says so). */
  readonly eraser?: BlobEraser;
  /**
   * Where else intake kept the scan (the message record, the raw MIME in the table and the
   * receiving bucket): given, the scan is erased from all of them (eraseIdScan), not only the copy.
   */
  readonly scanStores?: Omit<EraseIdScanDeps, 'evidenceEraser' | 'clock'>;
}

export interface ReviewIdDocumentInput extends CaseRef {
  readonly review: IdDocumentReview;
  /** The scan in the evidence bucket, deleted once identity is decided. */
  readonly imageKey?: string;
  /** Staff saw the document at the office (`in_person`), rather than a copy (`id_document`). */
  readonly inPerson?: boolean;
  readonly actor: Actor;
}

export interface ReviewIdDocumentResult {
  readonly case: Case;
  readonly evidence: IdentityEvidence;
  /** True when the checks passed and the waiting workflow was resumed with "approved". */
  readonly resumed: boolean;
  readonly outcome: string | null;
  readonly imageDeleted: boolean;
}

const IDENTITY_STEPS = ['identity_review', 'subject_identity'] as const;

/**
 * Staff's review of an identity document, for a case waiting on identity.
 *
 * Primary course: the case waits at an identity step → the document checks (expiry, MRZ
 * check digits and transcription, holder = requester or represented person) → the evidence
 * record (the fact, never the image) is saved on the case → when verified, the decisions use
 * case approves identity with the method and resumes the workflow → the scan is erased from
 * every place it was stored (the copy, the raw message in table and bucket, every version).
 * When a check fails nothing is decided: the reasons come back, the scan stays for a second
 * look, and staff can still decide `request_more`/`reject` through the decisions API.
 * Example: `await reviewIdDocument(deps, { tenantId, caseId, review, imageKey, actor })`.
 */
export async function reviewIdDocument(deps: ReviewIdDocumentDeps, input: ReviewIdDocumentInput): Promise<ReviewIdDocumentResult> {
  const c = await loadCase(deps, input);
  const step = c.waiting?.step;
  if (!step || !(IDENTITY_STEPS as readonly string[]).includes(step)) {
    throw new WorkflowNotWaitingError(`Case ${c.reference} is not waiting for identity (status "${c.status}"${step ? `, waiting for "${step}"` : ''}).`);
  }
  const now = deps.clock.now();
  const method = input.inPerson ? 'in_person' : 'id_document';
  const check = checkIdDocument(input.review, peopleOf(c), now);
  const evidence = minimiseEvidence(idDocumentEvidence(input.review, check, { method, reviewer: input.actor.id, at: now }));

  const { case: withEvidence, events } = updateCase(c, now, { identity: { ...c.identity, evidence } }, [
    {
      type: 'identity.checked',
      actor: input.actor,
      visibility: 'internal',
      summary: evidence.verdict === 'verified' ? `Identity document checked (${evidence.document?.type ?? method}).` : `Identity document not accepted yet: ${evidence.reasons.join(' ')}`,
      details: { method, verdict: evidence.verdict, reasons: [...evidence.reasons] },
    },
  ]);
  await deps.repo.saveCase(withEvidence, events);
  if (evidence.verdict !== 'verified') return { case: withEvidence, evidence, resumed: false, outcome: null, imageDeleted: false };
  // A representative is identified, but acts for someone else: staff check the authorization next
  // (reviewRepresentation), which approves with this evidence. The scan is no longer needed.
  if (c.representative && !c.identity.evidence?.representation) {
    const imageDeleted = await erase(deps, input.imageKey, input);
    return { case: withEvidence, evidence, resumed: false, outcome: null, imageDeleted };
  }

  const decided = await decide(deps, { tenantId: input.tenantId, caseId: input.caseId, step: step as (typeof IDENTITY_STEPS)[number], decision: 'approve', method, actor: input.actor });
  const imageDeleted = await erase(deps, input.imageKey, input);
  return { case: decided.case, evidence, resumed: true, outcome: decided.outcome, imageDeleted };
}

async function erase(deps: ReviewIdDocumentDeps, key: string | undefined, ref: CaseRef): Promise<boolean> {
  if (!key || !deps.eraser) return false;
  if (deps.scanStores) await eraseIdScan({ ...deps.scanStores, evidenceEraser: deps.eraser, clock: deps.clock }, { tenantId: ref.tenantId, caseId: ref.caseId, key });
  else await deps.eraser.delete(key);
  return true;
}
