import { dataFiles } from '#domain/answer.ts';
import { SYSTEM, type AuditEvent } from '#domain/audit.ts';
import { transition, type Case, type CaseStatus } from '#domain/case.ts';
import { InvalidTransitionError } from '#domain/errors.ts';
import type { Notice } from '#domain/notices.ts';
import { updateCase } from '#domain/workflow.ts';
import { loadCase, type CaseRef, type WorkflowDeps } from './deps.ts';

export interface ConcludeInput extends CaseRef {
  /** `from_status`: the outcome the case's status stands for (answered, refused, invalid, withdrawn). */
  /** `clarification_unanswered`: the subject never sent the details asked for; closed with a notice. */
  readonly outcome: 'from_status' | 'identity_not_established' | 'clarification_unanswered';
}

type Draft = Omit<AuditEvent, 'caseId' | 'tenantId' | 'seq' | 'at'>;

function noticeFor(c: Case, outcome: ConcludeInput['outcome'], now: Date): { notice: Notice | null; via: CaseStatus[] ; summary: string } {
  const reasons = c.decision?.reasons ?? [];
  if (outcome === 'clarification_unanswered') {
    return { notice: { kind: 'more_information_closed', missing: c.clarification?.questions ?? [] }, via: [], summary: 'Closed: the subject did not send the details asked for.' };
  }
  if (outcome === 'identity_not_established') {
    return { notice: { kind: 'identity_not_established' }, via: [], summary: 'Closed: identity could not be established.' };
  }
  switch (c.status) {
    case 'answered': {
      const marketingOnly = c.rights.every((r) => r.type === 'direct_marketing_objection');
      if (marketingOnly) return { notice: { kind: 'marketing_objection_confirmed', body: c.draft?.body ?? '' }, via: [], summary: 'Answer sent; case closed.' };
      // The subject's data travel as JSON + CSV files (a copy for access, machine-readable for portability).
      const answer = c.draft?.answer;
      const files = answer?.data ? dataFiles(c.reference, answer.data, now) : [];
      return {
        notice: { kind: 'answer', body: c.draft?.body ?? '', ...(answer ? { answer } : {}), ...(files.length > 0 ? { attachments: files } : {}) },
        via: [],
        summary: 'Answer sent; case closed.',
      };
    }
    case 'refused':
      return { notice: { kind: 'refusal', reasons }, via: [], summary: 'Refusal sent with reasons; case closed.' };
    case 'invalid':
      return { notice: { kind: 'invalid_request', reasons }, via: [], summary: 'Invalid-request notice sent with reasons; case closed.' };
    case 'withdrawn':
      return { notice: null, via: [], summary: 'Withdrawn; case closed.' };
    default:
      throw new InvalidTransitionError(`Case ${c.reference} is ${c.status}: nothing to conclude.`);
  }
}

/**
 * The last step of a case: the outcome notice in the case's channel (answer, refusal,
 * invalid-request notice, identity not established), the case closed, its deadline timer stopped.
 * Example: `await concludeCase(deps, { tenantId, caseId, outcome: 'from_status' })`.
 */
export async function concludeCase(deps: WorkflowDeps, input: ConcludeInput): Promise<void> {
  let c = await loadCase(deps, input);
  if (c.status === 'closed') {
    await deps.workflows.stopTimer(c);
    return;
  }
  const { notice, summary } = noticeFor(c, input.outcome, deps.clock.now());
  let channel: string | null = null;
  if (notice) {
    channel = (await deps.notifier.notify(c, await withAttachedFiles(deps, c, notice))).channel;
    c = await loadCase(deps, input);
  }
  const now = deps.clock.now();
  const drafts: Draft[] = [];
  if (notice) {
    drafts.push({ type: `notice.${notice.kind}`, actor: SYSTEM, visibility: 'public', summary: `Notice sent (${notice.kind}) via ${channel}.`, details: { kind: notice.kind, channel, ...(notice.reasons ? { reasons: notice.reasons } : {}) } });
  }
  drafts.push({ type: 'case.status_changed', actor: SYSTEM, visibility: 'public', summary, details: { from: c.status, to: 'closed' } });
  const rightStatus = c.status === 'answered' ? 'fulfilled' : c.status === 'refused' ? 'refused' : c.status === 'withdrawn' ? 'withdrawn' : null;
  const closed = transition(c, 'closed', now);
  const { case: next, events } = updateCase(
    closed,
    now,
    {
      waiting: null,
      attention: null,
      ...(input.outcome === 'clarification_unanswered' && c.clarification ? { clarification: { ...c.clarification, closedAt: now.toISOString() } } : {}),
      ...(rightStatus ? { rights: c.rights.map((r) => ({ ...r, status: rightStatus })) } : {}),
    },
    drafts,
  );
  await deps.repo.saveCase(next, events);
  await deps.workflows.stopTimer(next);
}

/**
 * The files staff attached to the answer, read back from storage and sent with it (the notifier
 * turns them into download links above the mail size limit; on paper they are enclosures).
 */
async function withAttachedFiles(deps: WorkflowDeps, c: Case, notice: Notice): Promise<Notice> {
  const refs = notice.kind === 'answer' ? (c.draft?.files ?? []) : [];
  if (refs.length === 0) return notice;
  if (!deps.answerFiles) throw new Error(`Case ${c.reference} has attached files but no answer file store is configured.`);
  const store = deps.answerFiles;
  const files = await Promise.all(refs.map(async (f) => ({ filename: f.filename, contentType: f.contentType, content: await store.read(f.key) })));
  return { ...notice, attachments: [...(notice.attachments ?? []), ...files] };
}
