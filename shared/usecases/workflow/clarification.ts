import { SYSTEM } from '#domain/audit.ts';
import { isOpen, type Case } from '#domain/case.ts';
import { InvalidTransitionError } from '#domain/errors.ts';
import { updateCase, type Clarification, type Waiting } from '#domain/workflow.ts';
import { loadCase, type CaseRef, type WorkflowDeps, type WorkflowPlan } from './deps.ts';

export interface AwaitClarificationInput extends CaseRef {
  readonly taskToken: string;
  readonly notice: 'more_information_request' | 'more_information_reminder';
}

/** A request for details still waiting for the subject's answer (not answered, not closed). */
export function openClarification(c: Case): Clarification | null {
  const q = c.clarification;
  return q && !q.answeredAt && !q.closedAt && isOpen(c.status) ? q : null;
}

/** The step a case goes back to once the subject answered: drafting when identity is settled. */
export function resumeStepAfterClarification(c: Case): 'answer_draft' | 'identity_review' | 'subject_identity' {
  if (c.status !== 'awaiting_identity') return 'answer_draft';
  return c.clarification?.fromStep === 'identity_review' ? 'identity_review' : 'subject_identity';
}

/**
 * How long a case waiting for details still waits (tenant's `clarification` policy): a restart
 * continues with only the time left, never a fresh period.
 * Example: asked 4 days ago, 10-day reminder → `{ route: 'clarification', reminderInSeconds: ≈ 6 days }`.
 */
export function planClarification(deps: Pick<WorkflowDeps, 'tenants' | 'clock'>, c: Case): WorkflowPlan | null {
  const q = openClarification(c);
  if (!q) return null;
  const policy = deps.tenants.get(c.tenantId).clarification;
  const day = 86_400_000;
  const now = deps.clock.now().getTime();
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  if (q.remindedAt) return { route: 'clarification_reminded', reminderInSeconds: 1, closeInSeconds: seconds(Date.parse(q.remindedAt) + policy.closeAfterReminderDays * day - now) };
  return {
    route: 'clarification',
    reminderInSeconds: seconds(Date.parse(q.askedAt) + policy.reminderAfterDays * day - now),
    closeInSeconds: seconds(policy.closeAfterReminderDays * day),
  };
}

/**
 * The case waits for the subject's missing details: the question (or the reminder) goes out once
 * in the case's channel — a threaded e-mail, a letter in the print queue, and for partner cases
 * the public timeline that feeds the partner's webhook — and the task token the answer resumes
 * is stored on the case. An answer that arrived before the wait was stored resumes it at once.
 * Example: `await awaitClarification(deps, { tenantId, caseId, taskToken, notice: 'more_information_request' })`.
 */
export async function awaitClarification(deps: WorkflowDeps, input: AwaitClarificationInput): Promise<void> {
  let c = await loadCase(deps, input);
  const q = c.clarification;
  if (!q || q.closedAt || !isOpen(c.status)) throw new InvalidTransitionError(`Case ${c.id} is not waiting for details from the subject.`);
  const now = deps.clock.now();
  if (q.answeredAt) {
    await deps.workflows.sendDecision(input.taskToken, { decision: 'answered', resumeStep: resumeStepAfterClarification(c) });
    return;
  }
  const previous = c.waiting?.step === 'subject_clarification' ? c.waiting : null;
  const reminder = input.notice === 'more_information_reminder';
  const alreadySent = reminder ? q.remindedAt !== undefined : previous !== null;
  if (!alreadySent) {
    await deps.notifier.notify(c, { kind: input.notice, missing: q.questions });
    // The notifier may have recorded the notice on the case; continue from what is stored.
    c = await loadCase(deps, input);
  }
  const remindedAt = reminder ? (q.remindedAt ?? now.toISOString()) : q.remindedAt;
  const waiting: Waiting = { step: 'subject_clarification', taskToken: input.taskToken, since: q.askedAt, ...(remindedAt ? { remindedAt } : {}) };
  const policy = deps.tenants.get(c.tenantId).clarification;
  const drafts = alreadySent
    ? []
    : [
        {
          type: reminder ? 'clarification.reminder_sent' : 'clarification.requested',
          actor: SYSTEM,
          visibility: 'public' as const,
          summary: reminder
            ? `The subject was reminded of the details we asked for; without an answer the case closes in ${policy.closeAfterReminderDays} days (${policy.source}).`
            : `The subject was asked for more details: ${q.questions.join(' / ')}.`,
          details: { questions: q.questions, restartsPeriod: q.restartsPeriod, rule: q.rule, ...(q.restartsPeriod ? {} : { dueAt: c.dueAt }) },
        } as const,
      ];
  const { case: next, events } = updateCase(c, now, { waiting, ...(c.clarification ? { clarification: { ...c.clarification, ...(remindedAt ? { remindedAt } : {}) } } : {}) }, drafts);
  await deps.repo.saveCase(next, events);
}
