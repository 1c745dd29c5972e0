import { detail, noParams } from '#domain/error-details.ts';
import type { AnswerContent, AnswerFileRef } from '#domain/answer.ts';
import type { Actor } from '#domain/audit.ts';
import { transition, type Case, type CaseStatus } from '#domain/case.ts';
import { ConcurrentUpdateError, ConflictError, ForbiddenError, ValidationError, WorkflowNotWaitingError } from '#domain/errors.ts';
import type { IdentityMethod } from '#domain/identity.ts';
import { minimiseEvidence, type IdentityEvidence } from '#domain/identity-evidence.ts';
import {
  CLARIFY_FROM_STEPS,
  DECISIONS_BY_STEP,
  DECISIONS_NEEDING_QUESTIONS,
  DECISIONS_NEEDING_REASONS,
  type ClarifyFromStep,
  updateCase,
  type AnswerDraft,
  type Decision,
  type WaitStep,
} from '#domain/workflow.ts';
import { isTaskOpen } from '#domain/fulfilment/tasks.ts';
import { fulfilmentOnSettle } from '#usecases/fulfilment/plan.ts';
import { CASE_WRITE_ATTEMPTS } from '#usecases/case-writes.ts';
import { loadCase, type CaseRef, type WorkflowDeps } from './deps.ts';

export interface DecideInput extends CaseRef {
  readonly step: WaitStep;
  readonly decision: Decision;
  readonly reasons?: readonly string[];
  /** What the subject is asked for (`clarify`): which account, which period, what the request is about. */
  readonly questions?: readonly string[];
  /** The answer text (`draft`). */
  readonly body?: string;
  /** The answer's per-right content and the subject's data (`draft`). */
  readonly answer?: AnswerContent;
  /** Files attached to the answer (`draft`), already checked in storage (answer-files.ts). */
  readonly files?: readonly AnswerFileRef[];
  /** How identity was established (`approve` at an identity step). */
  readonly method?: IdentityMethod;
  /** The evidence record of how identity was established (`approve` at an identity step); kept minimised. */
  readonly evidence?: IdentityEvidence;
  readonly actor: Actor;
  /** The deciding staff member's role; decisions at the approval step need one of APPROVER_ROLES. */
  readonly role?: 'agent' | 'approver' | 'admin';
}

/** Who may decide on a drafted answer (approve it, or send it back). */
export const APPROVER_ROLES: readonly string[] = ['approver', 'admin'];

export interface DecideResult {
  readonly case: Case;
  /** What the workflow was resumed with. */
  readonly outcome: string;
}

type Effect = { status?: CaseStatus; patch?: Partial<Case>; outcome: string; summary: string; visibility: 'public' | 'internal'; more?: ReturnType<typeof fulfilmentOnSettle>['events'] };

/**
 * A staff decision at the step where the case workflow waits: recorded on the case with its
 * audit event, then the waiting execution is resumed with the outcome.
 *
 * Primary course: the case must be waiting at `step` (else 409, the decision is not silently
 * dropped) → the decision must be one the step accepts, with reasons where the subject will read
 * them → the approval step needs the approver or admin role, and four-eyes on approving →
 * status, identity or draft change + audit event, saved with a version check → SendTaskSuccess
 * with the outcome.
 * Example: `await decide(deps, { tenantId, caseId, step: 'approval', decision: 'approve', actor })`.
 */
export type DecisionDeps = Pick<WorkflowDeps, 'tenants' | 'repo' | 'clock' | 'workflows'>;

export async function decide(deps: DecisionDeps, input: DecideInput): Promise<DecideResult> {
  // Another write may land between the read and the version-checked save (the workflow recording
  // its acknowledgement, a webhook's delivery, a task result): read again and decide again, as
  // writeCase does, rather than answer the staff member 409 for a race they did not cause.
  for (let attempt = 1; ; attempt++) {
    try {
      return await decideOnce(deps, input);
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= CASE_WRITE_ATTEMPTS) throw error;
    }
  }
}

async function decideOnce(deps: DecisionDeps, input: DecideInput): Promise<DecideResult> {
  const c = await loadCase(deps, input);
  if (!c.waiting || c.waiting.step !== input.step) {
    throw new WorkflowNotWaitingError(
      `Case ${c.reference} is not waiting for "${input.step}" (status "${c.status}", ${c.waiting ? `waiting for "${c.waiting.step}"` : 'not waiting for anyone'}).`,
      { detail: detail('not_waiting_for', { reference: c.reference }) },
    );
  }
  if (!DECISIONS_BY_STEP[input.step].includes(input.decision)) {
    throw new ValidationError(`"${input.decision}" is not a decision for "${input.step}".`, [
      { field: 'decision', message: `one of ${DECISIONS_BY_STEP[input.step].join(', ')}` },
    ], detail('not_a_decision_here', noParams));
  }
  // The one place for this rule (the JSON API and the console both call here); no role, no approval.
  if (input.step === 'approval' && !(input.role && APPROVER_ROLES.includes(input.role))) {
    throw new ForbiddenError('Approving an answer, or sending it back, needs the approver or admin role.', { detail: detail('approver_role_needed', noParams) });
  }
  const reasons = (input.reasons ?? []).map((r) => r.trim()).filter(Boolean);
  if (DECISIONS_NEEDING_REASONS.includes(input.decision) && reasons.length === 0) {
    throw new ValidationError(`"${input.decision}" needs written reasons.`, [{ field: 'reasons', message: 'at least one reason' }], detail('reasons_needed', noParams));
  }
  const questions = (input.questions ?? []).map((q) => q.trim()).filter(Boolean);
  if (DECISIONS_NEEDING_QUESTIONS.includes(input.decision) && questions.length === 0) {
    throw new ValidationError(`"${input.decision}" needs the questions to ask the subject.`, [{ field: 'questions', message: 'at least one question' }], detail('questions_needed', noParams));
  }
  const now = deps.clock.now();
  const effect = effectOf(deps, c, input, reasons, now, questions);
  const taskToken = c.waiting.taskToken;
  const moved = effect.status && effect.status !== c.status ? transition(c, effect.status, now) : c;
  const { case: next, events } = updateCase(
    moved,
    now,
    {
      ...effect.patch,
      waiting: null,
      decision: { step: input.step, decision: input.decision, ...(reasons.length ? { reasons } : {}), by: input.actor, at: now.toISOString() },
    },
    [
      // Tasks planned by this decision come first: the decision stays the last event of the write.
      ...(effect.more ?? []),
      {
        type: `decision.${input.decision}`,
        actor: input.actor,
        visibility: effect.visibility,
        summary: effect.summary,
        details: { step: input.step, ...(reasons.length ? { reasons } : {}), ...(questions.length ? { questions } : {}), ...(effect.status ? { status: effect.status } : {}) },
      },
    ],
  );
  await deps.repo.saveCase(next, events);
  await deps.workflows.sendDecision(taskToken, { decision: effect.outcome, ...(reasons.length ? { reasons } : {}) });
  return { case: next, outcome: effect.outcome };
}

function effectOf(deps: DecisionDeps, c: Case, input: DecideInput, reasons: readonly string[], now: Date, questions: readonly string[]): Effect {
  const by = input.actor.id;
  switch (input.decision) {
    case 'approve':
      if (input.step === 'approval') {
        const draft = c.draft;
        if (!draft) throw new WorkflowNotWaitingError(`Case ${c.reference} has no drafted answer to approve.`, { detail: detail('no_draft_to_approve', { reference: c.reference }) });
        // The answer is assembled from the tasks: none may still be open (docs/fulfilment.md).
        const open = (c.fulfilment?.tasks ?? []).filter(isTaskOpen);
        if (open.length > 0) throw new ConflictError(`The answer cannot be approved while ${open.length} fulfilment task(s) are open: ${open.map((t) => t.id).join(', ')}.`, { detail: detail('tasks_open', { count: open.length }) });
        if (deps.tenants.get(c.tenantId).approvals.fourEyes && draft.draftedBy === by) {
          throw new ForbiddenError('Four-eyes: the answer must be approved by someone other than the person who drafted it.', { detail: detail('four_eyes', noParams) });
        }
        const approved: AnswerDraft = { ...draft, approvedBy: by, approvedAt: now.toISOString() };
        return { status: 'answered', patch: { draft: approved }, outcome: 'approved', summary: 'Answer approved for sending.', visibility: 'internal' };
      }
      {
        const method = input.method ?? (c.channel === 'in_person' ? 'in_person' : 'id_document');
        if (!c.identity.acceptedMethods.includes(method)) {
          throw new ValidationError(`"${method}" does not establish identity here (${c.identity.rule}).`, [{ field: 'method', message: `one of ${c.identity.acceptedMethods.join(', ')}` }], detail('method_not_accepted', noParams));
        }
        const identity = { ...c.identity, status: 'verified' as const, method, ...(input.evidence ? { evidence: minimiseEvidence(input.evidence) } : {}) };
        // Identity is settled: the tasks per right and system come with the same write.
        const planned = fulfilmentOnSettle({ ...c, identity }, now);
        return {
          status: 'in_progress',
          patch: {
            identity,
            rights: c.rights.map((r) => (r.status === 'pending' ? { ...r, status: 'in_progress' as const } : r)),
            ...planned.patch,
          },
          more: planned.events,
          outcome: 'approved',
          // The subject's own confirmation (an e-mail control link) resumes through here too.
          summary: input.actor.kind === 'staff' ? `Identity verified by staff (${method}).` : `Identity verified (${method}).`,
          visibility: 'public',
        };
      }
    case 'reject':
      if (input.step === 'approval') {
        return { status: 'in_progress', outcome: 'rejected', summary: 'Drafted answer sent back for changes.', visibility: 'internal' };
      }
      return { patch: { identity: { ...c.identity, status: 'failed' } }, outcome: 'rejected', summary: 'Identity could not be established.', visibility: 'public' };
    case 'request_more':
      return { outcome: 'request_more', summary: 'More identity information to be asked from the subject.', visibility: 'internal' };
    case 'invalid':
      return { status: 'invalid', outcome: 'invalid', summary: 'The request is not valid; the subject will be told why.', visibility: 'public' };
    case 'withdraw':
      return { status: 'withdrawn', outcome: 'withdrawn', summary: 'The request was withdrawn.', visibility: 'public' };
    case 'draft': {
      const body = input.body?.trim();
      if (!body) throw new ValidationError('A drafted answer needs its text.', [{ field: 'body', message: 'required' }], detail('draft_text_needed', noParams));
      const draft: AnswerDraft = { body, ...(input.answer ? { answer: input.answer } : {}), ...(input.files?.length ? { files: input.files } : {}), draftedBy: by, draftedAt: now.toISOString() };
      const attached = input.files?.length ? ` with ${input.files.length} file(s)` : '';
      return { status: 'awaiting_approval', patch: { draft }, outcome: 'drafted', summary: `Answer drafted${attached}; awaiting approval.`, visibility: 'internal' };
    }
    case 'extend':
      if (c.extended) throw new WorkflowNotWaitingError(`Case ${c.reference} was already extended to ${c.dueDate}.`, { detail: detail('already_extended', { reference: c.reference, dueDate: c.dueDate }) });
      // The notice must reach the subject within the first period (001 §7.2, 003 §21.10).
      if (now.getTime() > Date.parse(c.deadlines.answer.dueAt)) {
        throw new ValidationError(`The extension had to be decided and notified by ${c.deadlines.answer.dueDate}.`, [{ field: 'decision', message: 'too late to extend' }], detail('too_late_to_extend', { dueDate: c.deadlines.answer.dueDate ?? c.deadlines.answer.dueAt.slice(0, 10) }));
      }
      return { outcome: 'extend', summary: `Extension decided: ${reasons.join('; ')}`, visibility: 'internal' };
    case 'fee':
      return { outcome: 'fee', summary: `Fee decided: ${reasons.join('; ')}`, visibility: 'internal' };
    case 'clarify': {
      const restart = deps.tenants.get(c.tenantId).deadlines.restartOnRevisedRequest;
      const fromStep = input.step as ClarifyFromStep;
      if (!CLARIFY_FROM_STEPS.includes(fromStep)) throw new ValidationError(`"clarify" is not a decision for "${input.step}".`, [{ field: 'step', message: `one of ${CLARIFY_FROM_STEPS.join(', ')}` }]);
      return {
        patch: {
          clarification: { questions, askedBy: input.actor, askedAt: now.toISOString(), fromStep, restartsPeriod: restart.applies, rule: restart.source ?? c.deadlines.answer.rule },
        },
        outcome: 'clarify',
        summary: restart.applies
          ? `More information asked from the subject; the period restarts from their answer (${restart.source ?? c.deadlines.answer.rule}).`
          : `More information asked from the subject; the period keeps running (${restart.source ?? c.deadlines.answer.rule}): due ${c.dueDate}.`,
        visibility: 'public',
      };
    }
    case 'refuse':
      return { status: 'refused', outcome: 'refused', summary: 'The request is refused; the subject will be told why.', visibility: 'public' };
  }
}
