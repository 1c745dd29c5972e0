import { isOpen, type Case } from './case.ts';
import type { WaitStep } from './workflow-state.ts';
import { isTaskOpen } from './fulfilment/tasks.ts';

/**
 * How the privacy team organises its own work on a case (docs/console.md): who handles it, a
 * pause with its reason, a spam mark. None of it is a legal state: the GDPR clock and the
 * workflow ignore it (a paused case keeps its due date and its alerts), and nothing here is ever
 * sent to the subject.
 */
export interface Handling {
  /** The staff member who handles the case ("my cases"). */
  readonly assignee?: { readonly userId: string; readonly by: string; readonly at: string } | null;
  /** Staff put the case aside (waiting for a colleague, a system owner); the clock keeps running. */
  readonly pause?: { readonly reason: string; readonly by: string; readonly at: string } | null;
  /** Staff judged the message not to be a request (spam, advertising): kept, shown apart. */
  readonly spam?: { readonly reason: string; readonly by: string; readonly at: string } | null;
}

/** Who must act for the case to move: the inbox's first question. */
export const NEXT_ACTORS = ['staff', 'subject', 'approver', 'system', 'nobody'] as const;
export type NextActor = (typeof NEXT_ACTORS)[number];

const BY_STEP: Readonly<Record<WaitStep, NextActor>> = {
  identity_review: 'staff',
  subject_identity: 'subject',
  answer_draft: 'staff',
  approval: 'approver',
  rights_confirmation: 'staff',
  subject_clarification: 'subject',
};

/**
 * The next actor, read from where the workflow waits; without a wait, from the status and the
 * fulfilment tasks (staff work them), else the system is working (intake, sending, a timer).
 * Example: a case waiting at `approval` → `'approver'`; an answered case → `'nobody'`.
 */
export function nextActor(c: Pick<Case, 'status' | 'waiting' | 'fulfilment' | 'attention'>): NextActor {
  if (!isOpen(c.status)) return 'nobody';
  if (c.waiting) return BY_STEP[c.waiting.step];
  if (c.attention?.kind === 'workflow_failed') return 'staff';
  if (c.status === 'awaiting_approval') return 'approver';
  if ((c.fulfilment?.tasks ?? []).some(isTaskOpen)) return 'staff';
  return 'system';
}

/**
 * Flags the inbox row carries: overdue, escalated (the timer sent an escalation), a failed
 * workflow step, a pause, spam.
 */
export function handlingFlags(c: Pick<Case, 'attention' | 'handling' | 'timer' | 'dueAt' | 'status'>, now: Date): { overdue: boolean; escalated: boolean; failed: boolean; paused: boolean; spam: boolean } {
  return {
    overdue: isOpen(c.status) && (now.getTime() > Date.parse(c.dueAt) || c.attention?.kind === 'overdue'),
    escalated: (c.timer?.fired ?? []).some((k) => k.startsWith('escalation:')),
    failed: c.attention?.kind === 'workflow_failed',
    paused: Boolean(c.handling?.pause),
    spam: Boolean(c.handling?.spam),
  };
}
