import type { RightsConfirmation } from './rights-confirmation.ts';
import type { SenderAuthentication } from './sender-authentication.ts';
import type { Actor, AuditEvent } from './audit.ts';
import type { Channel, Language } from './channels.ts';
import { InvalidTransitionError } from './errors.ts';
import type { IdentityMethod, IdentityStatus } from './identity.ts';
import type { IdentityEvidence } from './identity-evidence.ts';
import type { RightStatus, RightType } from './rights.ts';
import type { CaseDeadlines } from '#deadlines/engine.ts';
import type { AnswerDraft, Attention, Clarification, RecordedDecision, TimerState, Waiting } from './workflow-state.ts';
import type { Fulfilment } from './fulfilment/tasks.ts';
import type { Handling } from './handling.ts';

/**
 * The lifecycle of a case. `received` is where every case starts; terminal statuses end the
 * deadline timer. Each right inside the case has its own status as well.
 */
export const CASE_STATUSES = [
  'received',
  'awaiting_identity',
  'in_progress',
  'awaiting_approval',
  'answered',
  'refused',
  'invalid',
  'withdrawn',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ['awaiting_identity', 'in_progress', 'invalid', 'withdrawn', 'refused'],
  awaiting_identity: ['in_progress', 'invalid', 'withdrawn', 'closed'],
  // → closed: the subject never answered a request for missing details (clarification).
  in_progress: ['awaiting_identity', 'awaiting_approval', 'refused', 'withdrawn', 'closed'],
  awaiting_approval: ['in_progress', 'answered', 'refused'],
  answered: ['closed'],
  refused: ['closed'],
  invalid: ['closed', 'received'],
  withdrawn: ['closed'],
  closed: [],
};

export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'awaiting_identity', 'in_progress', 'awaiting_approval'];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface Subject {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postalAddress?: string;
}

export interface Representative {
  readonly name: string;
  readonly email?: string;
  /** Reference to the stored authorization document (evidence), not its content. */
  readonly authorizationDocument?: string;
}

export interface CaseRight {
  readonly type: RightType;
  readonly details?: string;
  readonly status: RightStatus;
}

export interface CaseIdentity {
  readonly status: IdentityStatus;
  /** The method that established identity, once it is established. */
  readonly method: IdentityMethod | null;
  /** Any one of these satisfies the tenant's policy for the case's channel. */
  readonly acceptedMethods: readonly IdentityMethod[];
  readonly rule: string;
  /** A partner's identity assertion was supplied and awaits verification. */
  readonly assertionSupplied: boolean;
  /** How identity was (or could not yet be) established: the minimal evidence record. */
  readonly evidence?: IdentityEvidence | null;
}

export interface RepeatFlag {
  readonly rule: string;
  readonly reason: string;
  readonly previousCaseIds: readonly string[];
}

export interface Acknowledgement {
  readonly status: 'pending' | 'sent' | 'failed' | 'in_response';
  readonly messageId?: string;
  readonly at?: string;
  /**
   * Web form: the acknowledgement carried the one-time link that confirms the address (the
   * e-mail control method where the controller accepts it), valid until then.
   */
  readonly confirmationLinkExpiresAt?: string;
  /**
   * The acknowledgement said what is missing for identity (and carried the e-mail control link
   * until `confirmationLinkExpiresAt` where one applies): it was the identity request, so the
   * workflow does not send another one at intake (one e-mail per event).
   */
  readonly identityRequested?: boolean;
}

export interface Case {
  readonly id: string;
  readonly reference: string;
  readonly tenantId: string;
  readonly channel: Channel;
  readonly status: CaseStatus;
  readonly language: Language;
  readonly receivedAt: string;
  readonly subject: Subject;
  /** Lower-cased e-mail, or a normalised name when there is none: finds earlier requests. */
  readonly subjectKey: string;
  readonly representative?: Representative;
  readonly rights: readonly CaseRight[];
  readonly identity: CaseIdentity;
  readonly deadlines: CaseDeadlines;
  /** The due date in force: the answer deadline, or the extended one once extended. */
  readonly dueDate: string;
  readonly dueAt: string;
  readonly extended: boolean;
  readonly repeat: RepeatFlag | null;
  readonly acknowledgement: Acknowledgement;
  readonly partnerId?: string;
  readonly callbackUrl?: string;
  readonly createdBy: Actor;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic-locking counter: every write must name the version it read. */
  readonly version: number;
  /** Sequence number of the last audit event written for this case. */
  readonly lastEventSeq: number;
  /** Where the case workflow waits for a person, with the task token that resumes it. */
  readonly waiting?: Waiting | null;
  /** The last staff decision taken in the workflow (kept so a restarted workflow can act on it). */
  readonly decision?: RecordedDecision | null;
  /** The answer being prepared, and who drafted and approved it (four-eyes). */
  readonly draft?: AnswerDraft | null;
  /** Set when staff must look at the case: overdue, or a workflow step failed. */
  readonly attention?: Attention | null;
  /** The deadline timer's memory of the alerts it already sent. */
  readonly timer?: TimerState;
  /** E-mail cases whose rights were read with too little confidence: staff confirm them first (rights-confirmation.ts). */
  readonly rightsConfirmation?: RightsConfirmation | null;
  /** E-mail cases: what the message proved about its sender (sender-authentication.ts). */
  readonly sender?: SenderAuthentication;
  /** The latest request to the subject for missing details, and what became of it. */
  readonly clarification?: Clarification | null;
  /** When the subject's revised request arrived, where it restarted the period (001 §7.2). */
  readonly revisedRequestAt?: string;
  /** Verified identifiers and the tasks per right and system (docs/fulfilment.md), once identity is settled. */
  readonly fulfilment?: Fulfilment | null;
  /** The team's own organisation of the work: assignee, pause, spam mark (handling.ts); never a legal state. */
  readonly handling?: Handling | null;
}

/**
 * Moves a case to another status, or throws when the law/process does not allow the step.
 * Example: `transition(c, 'in_progress', now)` after identity is verified.
 */
export function transition(current: Case, to: CaseStatus, at: Date): Case {
  if (!canTransition(current.status, to)) {
    throw new InvalidTransitionError(`A case in status "${current.status}" cannot move to "${to}".`);
  }
  return { ...current, status: to, updatedAt: at.toISOString() };
}

/** Builds the audit events that follow `current.lastEventSeq`, numbering them in order. */
export function nextEvents(
  current: Pick<Case, 'id' | 'tenantId' | 'lastEventSeq'>,
  at: Date,
  drafts: ReadonlyArray<Omit<AuditEvent, 'caseId' | 'tenantId' | 'seq' | 'at'>>,
): AuditEvent[] {
  return drafts.map((draft, index) => ({
    ...draft,
    caseId: current.id,
    tenantId: current.tenantId,
    at: at.toISOString(),
    seq: current.lastEventSeq + index + 1,
  }));
}

/** The key under which a subject's earlier requests are found (repeat detection, search). */
export function subjectKeyOf(subject: Subject): string {
  if (subject.email) return `email:${subject.email.trim().toLowerCase()}`;
  const name = subject.name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  return `name:${name}`;
}
