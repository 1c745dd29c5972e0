import { computeDeadlines } from '#deadlines/engine.ts';
import { holidayCalendar } from '#deadlines/calendar.ts';
import { SYSTEM, type Actor, type AuditEvent } from '#domain/audit.ts';
import { transition, type Case } from '#domain/case.ts';
import type { IdentityMethod } from '#domain/identity.ts';
import { updateCase } from '#domain/workflow.ts';
import { openClarification, resumeStepAfterClarification } from './clarification.ts';
import { loadCase, type CaseRef, type WorkflowDeps } from './deps.ts';

export interface SubjectReplyInput extends CaseRef {
  readonly actor: Actor;
  /** When the reply reached the controller (defaults to now). */
  readonly receivedAt?: Date;
  /** Identity the reply established (a validated QES, e-mail control link, …). */
  readonly identity?: { readonly method: IdentityMethod; readonly evidence: string };
  /**
   * The reply is a revised request: the period restarts where the policy says so (001 §7.2). An
   * answer to staff's request for details always is one.
   */
  readonly revised?: boolean;
  /** How the answer came (`email`, `post` registered by staff, `api` from the partner); recorded. */
  readonly via?: string;
  /** A short note of what the answer says (a registered letter, a partner's update), kept on the timeline. */
  readonly note?: string;
}

export type SubjectReplyDeps = Pick<WorkflowDeps, 'tenants' | 'repo' | 'clock' | 'workflows'> & Partial<Pick<WorkflowDeps, 'notifier'>>;

/**
 * The subject answered (an e-mail reply, a signed document, a confirmed link, a letter staff
 * registered, a partner's update). The case records it; a revised request restarts the answer
 * period where the controller's policy says so, and the subject is told the new date; a waiting
 * identity step is resumed: verified → in progress, anything else → staff review; a wait for
 * details is resumed at the step staff asked from.
 *
 * Primary course: record the reply → (answer to a request for details) the clarification is
 * answered, the reply counts as a revised request → (policy restarts) answer and extension
 * deadlines recomputed from the reply's receipt, the due date in force moves, `deadline.restarted`
 * says why → the `period_restarted` notice with the new date → save → resume the waiting workflow.
 * Example: `await receiveSubjectReply(deps, { tenantId, caseId, actor, receivedAt, via: 'email' })`.
 */
export async function receiveSubjectReply(deps: SubjectReplyDeps, input: SubjectReplyInput): Promise<{ case: Case; resumed: boolean }> {
  let c = await loadCase(deps, input);
  const now = deps.clock.now();
  const at = input.receivedAt ?? now;
  const clarification = openClarification(c);
  const revised = input.revised === true || clarification !== null;
  const drafts: Array<Omit<AuditEvent, 'caseId' | 'tenantId' | 'seq' | 'at'>> = [
    {
      type: 'subject.replied',
      actor: input.actor,
      visibility: 'public',
      summary: clarification ? 'The subject sent the details asked for (a revised request).' : revised ? 'The subject sent a revised request.' : 'The subject replied.',
      details: { receivedAt: at.toISOString(), ...(input.via ? { via: input.via } : {}), ...(input.note ? { note: input.note } : {}) },
    },
  ];
  const tenant = deps.tenants.get(c.tenantId);
  let restarted = false;
  if (clarification) c = { ...c, clarification: { ...clarification, answeredAt: at.toISOString() } };
  if (revised && tenant.deadlines.restartOnRevisedRequest.applies) {
    const deadlines = computeDeadlines(tenant.deadlines, holidayCalendar(tenant.holidayCountry, tenant.timeZone), new Date(c.receivedAt), { revisedRequestAt: at });
    const inForce = c.extended ? deadlines.extended : deadlines.answer;
    c = { ...c, deadlines, dueDate: inForce.dueDate ?? c.dueDate, dueAt: inForce.dueAt, revisedRequestAt: at.toISOString() };
    restarted = true;
    drafts.push({
      type: 'deadline.restarted',
      actor: input.actor,
      visibility: 'public',
      summary: `The period restarts from the revised request: due ${c.dueDate} (${tenant.deadlines.restartOnRevisedRequest.source ?? deadlines.answer.rule}).`,
      details: { countedFrom: deadlines.countedFrom, dueDate: c.dueDate, dueAt: c.dueAt, rule: tenant.deadlines.restartOnRevisedRequest.source ?? deadlines.answer.rule },
    });
  } else if (clarification) {
    drafts.push({
      type: 'deadline.kept',
      actor: input.actor,
      visibility: 'internal',
      summary: `The period did not stop or restart while we waited (${tenant.deadlines.restartOnRevisedRequest.source ?? c.deadlines.answer.rule}): still due ${c.dueDate}.`,
      details: { dueDate: c.dueDate, dueAt: c.dueAt },
    });
  }
  if (input.identity) {
    c = { ...c, identity: { ...c.identity, status: 'verified', method: input.identity.method } };
    drafts.push({ type: 'identity.verified', actor: input.actor, visibility: 'public', summary: `Identity verified (${input.identity.method}).`, details: { ...input.identity } });
  }
  if (restarted && deps.notifier) {
    // Told before the save: a retried reply finds the notice already sent (its key is the case version).
    await deps.notifier.notify(c, { kind: 'period_restarted' });
    const stored = await loadCase(deps, input);
    c = { ...c, version: stored.version, lastEventSeq: stored.lastEventSeq };
    drafts.push({ type: 'notice.period_restarted', actor: SYSTEM, visibility: 'public', summary: `The subject was told the new date: ${c.dueDate}.`, details: { dueDate: c.dueDate, dueAt: c.dueAt } });
  }
  const clarifying = c.waiting?.step === 'subject_clarification' ? c.waiting : null;
  if (clarifying) {
    const resumeStep = resumeStepAfterClarification(c);
    const { case: next, events } = updateCase({ ...c, waiting: null }, now, {}, drafts);
    await deps.repo.saveCase(next, events);
    await deps.workflows.sendDecision(clarifying.taskToken, { decision: 'answered', resumeStep });
    return { case: next, resumed: true };
  }
  const waiting = c.waiting?.step === 'subject_identity' ? c.waiting : null;
  let outcome: string | null = null;
  if (waiting) {
    outcome = input.identity ? 'verified' : 'review';
    if (input.identity) c = transition(c, 'in_progress', now);
    c = { ...c, ...(input.identity ? { rights: c.rights.map((r) => (r.status === 'pending' ? { ...r, status: 'in_progress' as const } : r)) } : {}), waiting: null };
  }
  const { case: next, events } = updateCase(c, now, {}, drafts);
  await deps.repo.saveCase(next, events);
  if (waiting && outcome) await deps.workflows.sendDecision(waiting.taskToken, { decision: outcome });
  return { case: next, resumed: waiting !== null };
}
