import type { Actor } from '#domain/audit.ts';
import { decide, type DecideResult } from '#usecases/workflow/decide.ts';
import type { CaseRef } from '#usecases/workflow/deps.ts';
import type { ReviewIdDocumentDeps } from './review-id-document.ts';
import { eraseIdScan } from './erase-id-scan.ts';

/**
 * Staff reject the identity document they reviewed: the review is decided, so the scan goes, as
 * after an approval (EDPB 01/2022: keep the fact, not the image). The decision keeps the reasons.
 *
 * Primary course: the `reject` decision at `identity_review` (reasons required, 409 when not
 * waiting there) → the reviewed scan erased from every place intake stored it (eraseIdScan: the
 * evidence copy, the raw message in table and bucket, every version). Nothing is erased when the
 * decision is refused.
 * Example: `await rejectIdDocument(deps, { tenantId, caseId, reasons: ['The photo is unreadable.'], imageKey, actor })`.
 */
export async function rejectIdDocument(
  deps: ReviewIdDocumentDeps,
  input: CaseRef & { readonly reasons: readonly string[]; readonly imageKey?: string; readonly actor: Actor; readonly role?: 'agent' | 'approver' | 'admin' },
): Promise<DecideResult & { readonly imageDeleted: boolean }> {
  const decided = await decide(deps, { tenantId: input.tenantId, caseId: input.caseId, step: 'identity_review', decision: 'reject', reasons: input.reasons, actor: input.actor, ...(input.role ? { role: input.role } : {}) });
  if (!input.imageKey || !deps.eraser) return { ...decided, imageDeleted: false };
  if (deps.scanStores) await eraseIdScan({ ...deps.scanStores, evidenceEraser: deps.eraser, clock: deps.clock }, { tenantId: input.tenantId, caseId: input.caseId, key: input.imageKey });
  else await deps.eraser.delete(input.imageKey);
  return { ...decided, imageDeleted: true };
}
