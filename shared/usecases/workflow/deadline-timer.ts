import { SYSTEM, type AuditEvent } from '#domain/audit.ts';
import { alertsToSend, planTimer, updateCase, type AlertKind, type TimerPoint } from '#domain/workflow.ts';
import { loadCase, type CaseRef, type WorkflowDeps } from './deps.ts';

export type TimerStep = { readonly action: 'stop' } | { readonly action: 'alert' } | { readonly action: 'wait'; readonly until: string };

/**
 * One wake-up of the deadline timer: read the case as it is now and decide: stop (no longer
 * open), alert (something is due), or sleep until the next point.
 * Example: `await planDeadlineTimer(deps, { tenantId, caseId })` → `{ action: 'wait', until: '2026-03-29T21:59:59.999Z' }`.
 */
export async function planDeadlineTimer(deps: WorkflowDeps, ref: CaseRef): Promise<TimerStep> {
  const plan = planTimer(await loadCase(deps, ref), deps.settings, deps.clock.now());
  return plan.action === 'alert' ? { action: 'alert' } : plan;
}

const MESSAGES: Record<AlertKind, (p: TimerPoint) => string> = {
  deadline_reminder: (p) => `Reminder: the answer is due ${p.dueAt}.`,
  deadline_escalation: (p) => `Escalation: the answer was due ${p.dueAt} and has not been sent.`,
  invalid_notice_reminder: (p) => `Reminder: if the request is not valid, the subject must be told why by ${p.dueAt}.`,
  invalid_notice_due: (p) => `The deadline to tell the subject the request is not valid (${p.dueAt}) has passed.`,
  marketing_objection_reminder: (p) => `Reminder: the direct marketing objection must be acted on by ${p.dueAt}.`,
  marketing_objection_due: (p) => `Escalation: the direct marketing objection was due ${p.dueAt}.`,
  workflow_failed: () => 'A workflow step failed.',
  task_reminder: (p) => `Reminder: fulfilment task ${p.taskId ?? ''} is due ${p.dueAt}.`,
  task_overdue: (p) => `Escalation: fulfilment task ${p.taskId ?? ''} was due ${p.dueAt} and is still open.`,
};

const ESCALATIONS: readonly AlertKind[] = ['deadline_escalation', 'invalid_notice_due', 'marketing_objection_due', 'task_overdue'];

/**
 * Sends the staff alerts that are due now and remembers them on the case, so a retry or a
 * restart never repeats one; an escalation also flags the case for attention.
 */
export async function sendDeadlineAlerts(deps: WorkflowDeps, ref: CaseRef): Promise<void> {
  const c = await loadCase(deps, ref);
  const now = deps.clock.now();
  const plan = planTimer(c, deps.settings, now);
  if (plan.action !== 'alert') return;
  const toSend = alertsToSend(plan.due);
  const drafts: Array<Omit<AuditEvent, 'caseId' | 'tenantId' | 'seq' | 'at'>> = toSend.map((p) => ({
    type: ESCALATIONS.includes(p.kind) ? 'deadline.escalated' : 'deadline.reminder_sent',
    actor: SYSTEM,
    visibility: 'internal',
    summary: MESSAGES[p.kind](p),
    details: { kind: p.kind, dueAt: p.dueAt, key: p.key, ...(p.taskId ? { taskId: p.taskId } : {}) },
  }));
  const escalation = toSend.find((p) => ESCALATIONS.includes(p.kind));
  const { case: next, events } = updateCase(
    c,
    now,
    {
      timer: { fired: [...(c.timer?.fired ?? []), ...plan.due.map((p) => p.key)] },
      ...(escalation ? { attention: { kind: 'overdue' as const, reason: MESSAGES[escalation.kind](escalation), since: now.toISOString() } } : {}),
    },
    drafts,
  );
  // Saved first: a lost alert e-mail is better than the same alert repeated on every retry.
  await deps.repo.saveCase(next, events);
  // A task's alerts go to its owner (and, for an escalation, to the usual staff address as well).
  for (const p of toSend) {
    const owner = p.taskId ? next.fulfilment?.tasks.find((t) => t.id === p.taskId)?.ownerEmail : undefined;
    await deps.alerts.alert(next, { kind: p.kind, message: MESSAGES[p.kind](p), dueAt: p.dueAt, ...(owner ? { to: p.kind === 'task_overdue' ? [owner, 'staff'] : [owner] } : {}) });
  }
}
