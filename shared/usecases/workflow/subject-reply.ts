import { computeDeadlines } from '#deadlines/engine.ts';
import { holidayCalendar } from '#deadlines/calendar.ts';
import type { Actor, AuditEvent } from '#domain/audit.ts';
import { transition, type Case } from '#domain/case.ts';
import type { IdentityMethod } from '#domain/identity.ts';
import { updateCase } from '#domain/workflow.ts';
import { loadCase, type CaseRef, type WorkflowDeps } from './deps.ts';

export interface SubjectReplyInput extends CaseRef {
  readonly actor: Actor;
  /** When the reply reached the controller (defaults to now). */
  readonly receivedAt?: Date;
  /** Identity the reply established (a validated QES, e-mail control link, …). */
  readonly identity?: { readonly method: IdentityMethod; readonly evidence: string };
  /** The reply is a revised request: the period restarts where the policy says so (001 §7.2). */
  readonly revised?: boolean;
}

/**
 * The subject answered (an e-mail reply, a signed document, a confirmed link). The case records
 * it; a revised request restarts the answer period where the controller's policy says so; a
 * waiting identity step is resumed: verified → in progress, anything else → staff review.
 * Example: `await receiveSubjectReply(deps, { tenantId, caseId, actor, identity: { method: 'qes', evidence: '…' } })`.
 */
export async function receiveSubjectReply(deps: Pick<WorkflowDeps, 'tenants' | 'repo' | 'clock' | 'workflows'>, input: SubjectReplyInput): Promise<{ case: Case; resumed: boolean }> {
  let c = await loadCase(deps, input);
  const now = deps.clock.now();
  const at = input.receivedAt ?? now;
  const drafts: Array<Omit<AuditEvent, 'caseId' | 'tenantId' | 'seq' | 'at'>> = [
    { type: 'subject.replied', actor: input.actor, visibility: 'public', summary: input.revised ? 'The subject sent a revised request.' : 'The subject replied.', details: { receivedAt: at.toISOString() } },
  ];
  const tenant = deps.tenants.get(c.tenantId);
  if (input.revised && tenant.deadlines.restartOnRevisedRequest.applies) {
    const deadlines = computeDeadlines(tenant.deadlines, holidayCalendar(tenant.holidayCountry, tenant.timeZone), new Date(c.receivedAt), { revisedRequestAt: at });
    const inForce = c.extended ? deadlines.extended : deadlines.answer;
    c = { ...c, deadlines, dueDate: inForce.dueDate ?? c.dueDate, dueAt: inForce.dueAt };
    drafts.push({
      type: 'deadline.restarted',
      actor: input.actor,
      visibility: 'public',
      summary: `The period restarts from the revised request: due ${c.dueDate} (${tenant.deadlines.restartOnRevisedRequest.source ?? deadlines.answer.rule}).`,
      details: { countedFrom: deadlines.countedFrom, dueDate: c.dueDate, dueAt: c.dueAt },
    });
  }
  if (input.identity) {
    c = { ...c, identity: { ...c.identity, status: 'verified', method: input.identity.method } };
    drafts.push({ type: 'identity.verified', actor: input.actor, visibility: 'public', summary: `Identity verified (${input.identity.method}).`, details: { ...input.identity } });
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
