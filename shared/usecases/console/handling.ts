import { detail, noParams, type ErrorDetail } from '#domain/error-details.ts';
import type { Actor } from '#domain/audit.ts';
import { isOpen, type Case } from '#domain/case.ts';
import { ConflictError, DomainError, ValidationError, type DomainErrorCode } from '#domain/errors.ts';
import type { Handling } from '#domain/handling.ts';
import { updateCase } from '#domain/workflow.ts';
import type { CaseRepository, Clock, SubjectNotifier, WorkflowEngine } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { decide } from '#usecases/workflow/decide.ts';
import { loadCase, type CaseRef } from '#usecases/workflow/deps.ts';
import { extendDeadline } from '#usecases/workflow/notices.ts';

/**
 * The team's own handling of a case (domain/handling.ts): assign, note, pause, spam, and an
 * extension at any open step. One audit event per action, internal (never shown to the subject).
 */
export interface HandlingDeps {
  readonly repo: CaseRepository;
  readonly clock: Clock;
}

export type HandlingAction =
  | { readonly kind: 'assign'; readonly userId: string | null }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'pause'; readonly reason: string }
  | { readonly kind: 'resume' }
  | { readonly kind: 'spam'; readonly reason: string }
  | { readonly kind: 'not_spam' };

export const HANDLING_KINDS = ['assign', 'note', 'pause', 'resume', 'spam', 'not_spam'] as const;

export interface HandleInput extends CaseRef {
  readonly action: HandlingAction;
  readonly actor: Actor;
}

const text = (value: string, field: string, max: number) => {
  const t = value.trim();
  if (!t) throw new ValidationError('The form is not valid.', [{ field, message: 'required' }], detail('text_needed', noParams));
  if (t.length > max) throw new ValidationError('The form is not valid.', [{ field, message: `at most ${max} characters` }], detail('text_too_long', { max }));
  return t;
};

/**
 * One handling action on an open case.
 *
 * Primary course: the case exists and is open (a closed case's handling is history) → the
 * action's text is checked (notes and reasons are required, bounded) → the handling changes and
 * one internal audit event is written with a version check. A pause never moves the due date:
 * the event says so, and the deadline timer keeps its alerts.
 * Example: `await handleCase(deps, { tenantId, caseId, action: { kind: 'pause', reason: 'Waiting for IT' }, actor })`.
 */
export async function handleCase(deps: HandlingDeps, input: HandleInput): Promise<Case> {
  const c = await loadCase(deps, input);
  // A note may still be added to a closed case (what happened after); the rest only while open.
  if (input.action.kind !== 'note' && !isOpen(c.status)) throw new ConflictError(`Case ${c.reference} is ${c.status}; its handling can no longer change.`, { detail: detail('case_closed', { reference: c.reference }) });
  const now = deps.clock.now();
  const at = now.toISOString();
  const by = input.actor.id;
  const h: Handling = c.handling ?? {};
  const a = input.action;
  let handling: Handling = h;
  let event: { type: `${string}.${string}`; summary: string; details: Record<string, unknown> };
  switch (a.kind) {
    case 'assign': {
      const userId = a.userId?.trim() || null;
      if (userId && userId.length > 254) throw new ValidationError('The form is not valid.', [{ field: 'assignee', message: 'at most 254 characters' }], detail('text_too_long', { max: 254 }));
      handling = { ...h, assignee: userId ? { userId, by, at } : null };
      event = { type: 'handling.assigned', summary: userId ? `Assigned to ${userId}.` : 'Unassigned.', details: { assignee: userId } };
      break;
    }
    case 'note': {
      const note = text(a.text, 'note', 4000);
      event = { type: 'handling.note', summary: 'Internal note.', details: { note } };
      break;
    }
    case 'pause': {
      const reason = text(a.reason, 'reason', 1000);
      handling = { ...h, pause: { reason, by, at } };
      event = { type: 'handling.paused', summary: `Paused; the deadline ${c.dueDate} still applies.`, details: { reasons: [reason], dueAt: c.dueAt } };
      break;
    }
    case 'resume':
      if (!h.pause) throw new ConflictError(`Case ${c.reference} is not paused.`, { detail: detail('not_paused', { reference: c.reference }) });
      handling = { ...h, pause: null };
      event = { type: 'handling.resumed', summary: 'Pause ended.', details: {} };
      break;
    case 'spam': {
      const reason = text(a.reason, 'reason', 1000);
      handling = { ...h, spam: { reason, by, at } };
      event = { type: 'handling.spam', summary: 'Marked as spam.', details: { reasons: [reason] } };
      break;
    }
    case 'not_spam':
      if (!h.spam) throw new ConflictError(`Case ${c.reference} is not marked as spam.`, { detail: detail('not_spam', { reference: c.reference }) });
      handling = { ...h, spam: null };
      event = { type: 'handling.not_spam', summary: 'Spam mark removed.', details: {} };
      break;
  }
  const { case: next, events } = updateCase(c, now, { handling }, [{ type: event.type, actor: input.actor, visibility: 'internal', summary: event.summary, details: event.details }]);
  await deps.repo.saveCase(next, events);
  return next;
}

export interface ExtendDeps extends HandlingDeps {
  readonly tenants: TenantRegistry;
  readonly workflows?: WorkflowEngine;
  readonly notifier?: SubjectNotifier;
}

/**
 * An extension (Art. 12(3)) at whatever step the case is, not only while the answer is drafted.
 *
 * Primary course: the case is open and not yet extended → reasons are given → the first period
 * has not ended (the subject must be told within it) → where the workflow waits at the draft step
 * the decision goes through it (it sends the notice); at any other step the notice is sent here
 * and the due date in force becomes the extended one. The workflow's wait is untouched.
 * Example: `await extendCase(deps, { tenantId, caseId, reasons: ['Many systems to search'], actor, role: 'agent' })`.
 */
export async function extendCase(deps: ExtendDeps, input: CaseRef & { readonly reasons: readonly string[]; readonly actor: Actor; readonly role?: 'agent' | 'approver' | 'admin' }): Promise<Case> {
  const c = await loadCase(deps, input);
  const reasons = input.reasons.map((r) => r.trim()).filter(Boolean);
  if (!isOpen(c.status)) throw new ConflictError(`Case ${c.reference} is ${c.status}; it can no longer be extended.`, { detail: detail('case_closed', { reference: c.reference }) });
  if (c.extended) throw new ConflictError(`Case ${c.reference} was already extended to ${c.dueDate}.`, { detail: detail('already_extended', { reference: c.reference, dueDate: c.dueDate }) });
  if (reasons.length === 0) throw new ValidationError('"extend" needs written reasons.', [{ field: 'reasons', message: 'at least one reason' }], detail('reasons_needed', noParams));
  const now = deps.clock.now();
  if (now.getTime() > Date.parse(c.deadlines.answer.dueAt)) {
    throw new ValidationError(`The extension had to be decided and notified by ${c.deadlines.answer.dueDate}.`, [{ field: 'reasons', message: 'too late to extend' }], detail('too_late_to_extend', { dueDate: c.deadlines.answer.dueDate ?? c.deadlines.answer.dueAt.slice(0, 10) }));
  }
  if (c.waiting?.step === 'answer_draft' && deps.workflows) {
    await decide({ tenants: deps.tenants, repo: deps.repo, clock: deps.clock, workflows: deps.workflows }, { tenantId: input.tenantId, caseId: input.caseId, step: 'answer_draft', decision: 'extend', reasons, actor: input.actor, ...(input.role ? { role: input.role } : {}) });
    return loadCase(deps, input);
  }
  if (!deps.notifier) throw new ConflictError('No notifier is configured here to tell the subject; extend from the draft step.', { detail: detail('no_notifier', noParams) });
  const { case: decided, events } = updateCase(c, now, {}, [
    { type: 'decision.extend', actor: input.actor, visibility: 'internal', summary: `Extension decided: ${reasons.join('; ')}`, details: { step: c.waiting?.step ?? null, reasons } },
  ]);
  await deps.repo.saveCase(decided, events);
  await extendDeadline({ repo: deps.repo, notifier: deps.notifier, clock: deps.clock }, { tenantId: input.tenantId, caseId: input.caseId, reasons });
  return loadCase(deps, input);
}

/** One case's result in a bulk action: done, or the reason it was not (the others still run). */
export interface BulkResult {
  readonly caseId: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly code?: DomainErrorCode;
  /** The error's key and parameters, for pages that word it in their language. */
  readonly detail?: ErrorDetail;
}

/**
 * The same action on several cases, one at a time: each case succeeds or fails on its own (a
 * closed or already-extended case does not stop the rest), and the results say which.
 * Example: `await bulk(['c1', 'c2'], (id) => handleCase(deps, { tenantId, caseId: id, action, actor }))`.
 */
export async function bulk(caseIds: readonly string[], run: (caseId: string) => Promise<unknown>): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const caseId of [...new Set(caseIds)]) {
    try {
      await run(caseId);
      results.push({ caseId, ok: true });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ caseId, ok: false, error: error.message, code: error.code, ...(error.detail ? { detail: error.detail } : {}) });
    }
  }
  return results;
}
