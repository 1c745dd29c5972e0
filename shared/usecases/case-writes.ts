import type { AuditEvent } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { ConcurrentUpdateError } from '#domain/errors.ts';
import { updateCase } from '#domain/workflow.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';

export type EventDraft = Omit<AuditEvent, 'caseId' | 'tenantId' | 'seq' | 'at'>;
export type CasePatch = Parameters<typeof updateCase>[2];

/** How often a write is re-read and tried again when another writer saved the case first. */
export const CASE_WRITE_ATTEMPTS = 5;

/**
 * Load → change → save one case, with the version bump and event numbering of `updateCase`,
 * retried from a fresh read when a concurrent writer (a workflow step, a staff decision, the
 * webhook sweep) saved it first.
 *
 * Primary course: read the case; `change` returns the patch and the events to append; save with
 * the version check. On ConcurrentUpdateError: read again and call `change` again (it must be
 * pure). `change` may return null to write nothing. Answers the saved case, or null when the
 * case does not exist or nothing was written.
 *
 * Example: `await writeCase(deps, { tenantId, caseId }, () => ({ events: [draft] }))` → the case
 * with one more audit event and `version + 1`.
 */
export async function writeCase(
  deps: { readonly repo: CaseRepository; readonly clock: Clock },
  ref: { readonly tenantId: string; readonly caseId: string },
  change: (current: Case, now: Date) => { readonly patch?: CasePatch; readonly events: readonly EventDraft[] } | null,
): Promise<Case | null> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.repo.getCase(ref.tenantId, ref.caseId);
    if (!current) return null;
    const now = deps.clock.now();
    const wanted = change(current, now);
    if (!wanted) return null;
    const { case: next, events } = updateCase(current, now, wanted.patch ?? {}, wanted.events);
    try {
      await deps.repo.saveCase(next, events);
      return next;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= CASE_WRITE_ATTEMPTS) throw error;
    }
  }
}

/** Appends one audit event to a case (see `writeCase`); false when the case does not exist. */
export async function appendCaseEvent(deps: { readonly repo: CaseRepository; readonly clock: Clock }, ref: { readonly tenantId: string; readonly caseId: string }, event: EventDraft): Promise<boolean> {
  return (await writeCase(deps, ref, () => ({ events: [event] }))) !== null;
}
