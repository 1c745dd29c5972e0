import type { NoticeOutbox } from '#ports/cases.ts';
import type { Case } from '#domain/case.ts';
import type { AcknowledgeDeps } from './acknowledge-case.ts';

// The acknowledgement (its templates) loads with the first one owed: most sweeps owe none (issue 15).
const acknowledgeCase = async (deps: AcknowledgeDeps, c: Case) => (await import('./acknowledge-case.ts')).acknowledgeCase(deps, c);

export type OutboxSweepDeps = AcknowledgeDeps & { readonly outbox: NoticeOutbox };

/**
 * One sweep of the notice outbox: every acknowledgement still owed (pending, a failed send due
 * again, or a claim whose sender died) is sent through the same claim → send → record path, so a
 * sender that is still alive keeps its claim and nothing goes out twice. Runs with the inbound
 * sweeper (locally every second, on AWS every minute) and on resume.
 *
 * Primary course: list due entries → read the case → a case that already records the sending
 * only needs the outbox mark (done by the claim) → otherwise acknowledge it.
 * Example: `await sweepOutbox(deps, { limit: 25 })` → `{ attempted: 1 }`.
 */
export async function sweepOutbox(deps: OutboxSweepDeps, input: { limit: number }): Promise<{ attempted: number; skipped: number }> {
  const due = await deps.outbox.listDue(deps.clock.now(), input.limit);
  let attempted = 0;
  let skipped = 0;
  for (const entry of due) {
    const c = await deps.repo.getCase(entry.tenantId, entry.caseId);
    // A web-form acknowledgement sent from here carries no confirmation link when the sweeper has
    // no `webFormLinks`; the identity step then asks for identity by its own notice.
    if (!c || entry.kind !== 'acknowledgement') {
      skipped += 1;
      continue;
    }
    if (c.acknowledgement.status === 'sent') {
      await deps.outbox.markSent(c.tenantId, c.id, 'acknowledgement', c.acknowledgement.messageId, deps.clock.now());
      continue;
    }
    attempted += 1;
    await acknowledgeCase(deps, c);
  }
  return { attempted, skipped };
}
