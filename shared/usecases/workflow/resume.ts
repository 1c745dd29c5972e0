import { planClarification } from './clarification.ts';
import { loadCase, type CaseRef, type WorkflowDeps, type WorkflowPlan } from './deps.ts';

/**
 * Where a case continues when its workflow is started again (after a restart, or after staff
 * asked the subject for more): a case waiting for details from the subject waits again; a case
 * awaiting identity goes back to the same wait, with only the time that is left.
 * Example: waiting for the subject since 4 days with a 10-day reminder → `reminderInSeconds` ≈ 6 days.
 */
export async function planResume(deps: WorkflowDeps, ref: CaseRef): Promise<WorkflowPlan> {
  const c = await loadCase(deps, ref);
  const now = deps.clock.now().getTime();
  const day = 86_400_000;
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  const clarifying = planClarification(deps, c);
  if (clarifying) return clarifying;
  if (c.status !== 'awaiting_identity') return { route: 'in_progress', reminderInSeconds: 1, closeInSeconds: 1 };
  if (c.waiting?.step === 'identity_review') return { route: 'identity_review', reminderInSeconds: 1, closeInSeconds: 1 };
  const waiting = c.waiting?.step === 'subject_identity' ? c.waiting : null;
  const closeAfter = deps.settings.identityCloseAfterReminderDays * day;
  if (waiting?.remindedAt) {
    return { route: 'subject_identity_reminded', reminderInSeconds: 1, closeInSeconds: seconds(Date.parse(waiting.remindedAt) + closeAfter - now) };
  }
  const since = waiting ? Date.parse(waiting.since) : now;
  return {
    route: 'subject_identity',
    reminderInSeconds: seconds(since + deps.settings.identityReminderAfterDays * day - now),
    closeInSeconds: seconds(closeAfter),
  };
}
