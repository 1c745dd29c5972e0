import type { AnswerContent, AnswerFileRef } from './answer.ts';
import type { Actor } from './audit.ts';

/**
 * The workflow-driven parts of a case's state (docs/design.md §2): where it waits for a person,
 * the staff decisions it accepts, the answer draft, attention flags and timer progress. Kept apart
 * from the workflow rules (`workflow.ts`) so that the case type can hold them without a cycle.
 */

/** Steps at which a case workflow waits for a person; each holds a task token while waiting. */
export const WAIT_STEPS = ['identity_review', 'subject_identity', 'answer_draft', 'approval', 'rights_confirmation', 'subject_clarification'] as const;
export type WaitStep = (typeof WAIT_STEPS)[number];

export interface Waiting {
  readonly step: WaitStep;
  /** Resumes the waiting execution (SendTaskSuccess); never shown to clients. */
  readonly taskToken: string;
  /** When the case began waiting at this step (a restart keeps the original instant). */
  readonly since: string;
  /** When the subject was reminded (subject_identity and subject_clarification). */
  readonly remindedAt?: string;
}

export const DECISIONS = ['approve', 'reject', 'request_more', 'invalid', 'withdraw', 'draft', 'extend', 'fee', 'refuse', 'clarify'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Which decisions each waiting step accepts. */
export const DECISIONS_BY_STEP: Readonly<Record<WaitStep, readonly Decision[]>> = {
  identity_review: ['approve', 'reject', 'request_more', 'clarify', 'invalid', 'withdraw'],
  subject_identity: ['approve', 'clarify', 'invalid', 'withdraw'],
  answer_draft: ['draft', 'clarify', 'extend', 'fee', 'refuse', 'withdraw'],
  approval: ['approve', 'reject'],
  // Staff confirm rights with their own action (usecases/confirm-rights.ts), not a decision.
  rights_confirmation: [],
  // The subject's answer itself resumes this step (a reply in the thread, a registered letter, a
  // partner update: subject-reply.ts); staff may still end the case while it waits.
  subject_clarification: ['invalid', 'withdraw'],
};

/** The steps at which staff may ask the subject for missing details (`clarify`). */
export const CLARIFY_FROM_STEPS = ['identity_review', 'subject_identity', 'answer_draft'] as const;
export type ClarifyFromStep = (typeof CLARIFY_FROM_STEPS)[number];

/**
 * Staff asked the subject for missing details (what the request is about, which account, which
 * period): the question went out in the case's channel and the case waits for the answer.
 * Where the policy restarts the period on a revised request (001 §7.2) the answer moves the due
 * date; elsewhere the clock keeps running while the case waits.
 */
export interface Clarification {
  readonly questions: readonly string[];
  readonly askedBy: Actor;
  readonly askedAt: string;
  /** The step the case was at, and returns to once the subject answered. */
  readonly fromStep: ClarifyFromStep;
  /** Whether the subject's answer restarts the answer period, and the clause that says so or not. */
  readonly restartsPeriod: boolean;
  readonly rule: string;
  readonly remindedAt?: string;
  readonly answeredAt?: string;
  /** When the case was closed because no answer came. */
  readonly closedAt?: string;
}

/** Decisions that must carry written reasons (they are sent to the subject, or explain a rejection). */
export const DECISIONS_NEEDING_REASONS: readonly Decision[] = ['invalid', 'extend', 'fee', 'refuse', 'reject'];

/** Decisions that must name what the subject is asked for (`questions`). */
export const DECISIONS_NEEDING_QUESTIONS: readonly Decision[] = ['clarify'];

export interface RecordedDecision {
  readonly step: WaitStep;
  readonly decision: Decision;
  readonly reasons?: readonly string[];
  readonly by: Actor;
  readonly at: string;
}

export interface AnswerDraft {
  readonly body: string;
  /** Per-right content and the subject's data (access, portability, erasure outcome). */
  readonly answer?: AnswerContent;
  /** Files staff attached (exports, PDFs), sent with the answer or as download links. */
  readonly files?: readonly AnswerFileRef[];
  readonly draftedBy: string;
  readonly draftedAt: string;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
}

export const ATTENTION_KINDS = ['overdue', 'workflow_failed'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export interface Attention {
  readonly kind: AttentionKind;
  readonly reason: string;
  readonly since: string;
}

export interface TimerState {
  /** Keys of the deadline alerts already sent (see `timerPoints`), so a restart never repeats one. */
  readonly fired: readonly string[];
}
