import { SYSTEM } from '#domain/audit.ts';
import { updateCase } from '#domain/workflow.ts';
import { loadCase, type CaseRef, type WorkflowDeps } from './deps.ts';

export interface ReasonsInput extends CaseRef {
  readonly reasons: readonly string[];
}

/**
 * The extension: the subject is told, with the reasons (and, in the template, the right to
 * complain), and the due date in force becomes the extended one. The deadline timer reads it the
 * next time it wakes. Idempotent: an extended case is not extended or notified again.
 * Example: `await extendDeadline(deps, { tenantId, caseId, reasons: ['Large volume of records'] })`.
 */
export async function extendDeadline(deps: Pick<WorkflowDeps, 'repo' | 'notifier' | 'clock'>, input: ReasonsInput): Promise<void> {
  let c = await loadCase(deps, input);
  if (c.extended) return;
  await deps.notifier.notify(c, { kind: 'extension', reasons: input.reasons });
  c = await loadCase(deps, input);
  const now = deps.clock.now();
  const extended = c.deadlines.extended;
  const { case: next, events } = updateCase(c, now, { extended: true, dueDate: extended.dueDate ?? c.dueDate, dueAt: extended.dueAt }, [
    {
      type: 'deadline.extended',
      actor: SYSTEM,
      visibility: 'public',
      summary: `Extended to ${extended.dueDate} (${extended.rule}); the subject was told the reasons before ${c.deadlines.answer.dueDate}.`,
      details: { reasons: input.reasons, originalDueAt: c.deadlines.answer.dueAt, dueAt: extended.dueAt, rule: extended.rule },
    },
  ]);
  await deps.repo.saveCase(next, events);
}

/**
 * A fee decision (manifestly unfounded or excessive requests, 000 §9, 003 §13.1): the subject
 * gets the written reasons and the right to complain; the case stays in progress.
 */
export async function sendFeeNotice(deps: WorkflowDeps, input: ReasonsInput): Promise<void> {
  let c = await loadCase(deps, input);
  await deps.notifier.notify(c, { kind: 'fee', reasons: input.reasons });
  c = await loadCase(deps, input);
  const { case: next, events } = updateCase(c, deps.clock.now(), {}, [
    { type: 'notice.fee', actor: SYSTEM, visibility: 'public', summary: 'Fee notice sent with reasons.', details: { reasons: input.reasons } },
  ]);
  await deps.repo.saveCase(next, events);
}
