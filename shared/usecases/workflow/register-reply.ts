import { detail } from '#domain/error-details.ts';
import type { Actor } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { ValidationError, WorkflowNotWaitingError } from '#domain/errors.ts';
import { receiptInstant } from '../paper-requests.ts';
import { openClarification } from './clarification.ts';
import { loadCase } from './deps.ts';
import { receiveSubjectReply, type SubjectReplyDeps } from './subject-reply.ts';

export interface RegisterReplyInput {
  readonly tenantId: string;
  readonly caseId: string;
  /** What the answer says, in a line or two (the letter itself is scanned like any paper). */
  readonly note: string;
  /** `YYYY-MM-DD` (start of that day in the controller's zone) or an ISO 8601 instant; default now. */
  readonly receivedAt?: string;
  /** Staff registering a letter or a visit, or the partner passing on the subject's update. */
  readonly actor: Actor;
  /** How the answer came: `post`, `in_person`, `phone` (staff) or `api` (partner). */
  readonly via: string;
}

/**
 * The subject's answer to a request for details that did not arrive by e-mail in the thread: a
 * letter or a visit staff register, or a partner's update. It must answer an open request (409
 * otherwise) and cannot predate the question (422); then it is the same reply as an e-mail's.
 * Example: `await registerSubjectReply(deps, { tenantId, caseId, note: 'Account 123, 2025', receivedAt: '2026-12-02', via: 'post', actor })`.
 */
export async function registerSubjectReply(deps: SubjectReplyDeps, input: RegisterReplyInput): Promise<{ case: Case; resumed: boolean }> {
  const c = await loadCase(deps, input);
  const open = openClarification(c);
  if (!open) throw new WorkflowNotWaitingError(`Case ${c.reference} is not waiting for details from the subject.`, { detail: detail('not_waiting_for_reply', { reference: c.reference }) });
  const tenant = deps.tenants.get(c.tenantId);
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ? receiptInstant(input.receivedAt, tenant.timeZone, now) : now;
  if (receivedAt.getTime() < Date.parse(open.askedAt) - 86_400_000) {
    throw new ValidationError(`The answer cannot be received before the question was asked (${open.askedAt}).`, [{ field: 'receivedAt', message: 'before the question' }], detail('reply_before_question', { askedAt: open.askedAt }));
  }
  // A date-only receipt of the question's own day is taken as the moment of the question.
  const at = receivedAt.getTime() < Date.parse(open.askedAt) ? new Date(open.askedAt) : receivedAt;
  return receiveSubjectReply(deps, { tenantId: c.tenantId, caseId: c.id, actor: input.actor, receivedAt: at, via: input.via, note: input.note.trim(), revised: true });
}

/**
 * A reply in the case's e-mail thread while the case waits for details from the subject: it is
 * the answer (received at the mail server's timestamp). Called for every threaded mail, also on
 * a retried delivery, so a run that died after storing the mail still resumes the case; a case
 * not waiting for details is left alone.
 * Example: `await answerByEmail(deps, { tenantId, caseId, from: 'ona@example.lt', receivedAt, messageId })`.
 */
export async function answerByEmail(
  deps: Partial<SubjectReplyDeps> & Pick<SubjectReplyDeps, 'tenants' | 'repo' | 'clock'> & { readonly lettersOnPaper?: boolean },
  input: { tenantId: string; caseId: string; from: string; receivedAt: Date; messageId: string },
): Promise<boolean> {
  if (!deps.workflows) return false;
  const c = await deps.repo.getCase(input.tenantId, input.caseId);
  const open = c ? openClarification(c) : null;
  if (!c || !open || input.receivedAt.getTime() < Date.parse(open.askedAt)) return false;
  // A paper case's new date goes out as a letter in the print queue (the case's channel), so the
  // notifier must be able to make letters; without a renderer (a bare unit setup) it is not told.
  const { notifier, lettersOnPaper, ...rest } = deps;
  const paper = c.channel === 'post' || c.channel === 'in_person';
  await receiveSubjectReply(
    { ...rest, workflows: deps.workflows, ...(notifier && (!paper || lettersOnPaper) ? { notifier } : {}) },
    { tenantId: c.tenantId, caseId: c.id, actor: { kind: 'subject', id: input.from || 'unknown' }, receivedAt: input.receivedAt, via: 'email', note: `E-mail ${input.messageId}`, revised: true },
  );
  return true;
}
