import type { RateLimit } from '#domain/rate-limit.ts';
import type { Notice } from '#domain/notices.ts';
import type { AuditEvent } from '#domain/audit.ts';
import type { Case, CaseStatus } from '#domain/case.ts';
import type { Channel } from '#domain/channels.ts';
import type { EarlierRequest } from '#domain/repeats.ts';
import type { IdentityMethod } from '#domain/identity.ts';
import type { IdentityEvidence } from '#domain/identity-evidence.ts';
import type { NoticeKind } from '#domain/notices.ts';
import type { WebhookDelivery } from '#domain/webhooks.ts';

/**
 * Ports the use cases depend on. Adapters (DynamoDB, in-memory, SES, …) implement them, and the
 * use cases receive them as arguments, so tests swap adapters without module mocking.
 */

/** Remembers which case an `Idempotency-Key` produced, and for which request body. */
export interface IdempotencyRecord {
  readonly tenantId: string;
  /** Who may reuse the key: the partner id (keys are per partner, as with any payment API). */
  readonly scope: string;
  readonly key: string;
  /** SHA-256 of the canonical request body: the same key with another body is a client bug. */
  readonly fingerprint: string;
  readonly caseId: string;
  readonly createdAt: string;
  /** Epoch seconds after which the record may be forgotten (DynamoDB TTL). */
  readonly expiresAt: number;
}

export type CreateCaseOutcome =
  | { readonly kind: 'created' }
  /** Another request with the same idempotency key won the race; this is its record. */
  | { readonly kind: 'idempotency_conflict'; readonly record: IdempotencyRecord };

/**
 * Effects owed because of a case write, stored in the same transaction as the case (outbox
 * pattern): a crash between the write and the effect cannot lose the effect.
 */
export interface CaseEffects {
  /** Notices to send (the acknowledgement): pending outbox entries the sender claims. */
  readonly notices?: readonly NoticeKind[];
  /**
   * When the outbox sweeper may take those notices (default: at once). A notice another sender
   * is expected to send first (the workflow's intake step) is due a little later, so the sweeper
   * is the backstop and not a racer; a claim does not wait for it.
   */
  readonly noticesDueAt?: Date;
  /** Partner webhook deliveries (shared/usecases/webhooks.ts). */
  readonly webhooks?: readonly WebhookDelivery[];
}

/**
 * One notice owed to a subject, in the outbox: claimed by one sender at a time (a lease), then
 * recorded as sent. `pending` entries (and claims whose lease ran out) are retried by the
 * sweeper and on resume.
 */
export interface OutboxEntry {
  readonly tenantId: string;
  readonly caseId: string;
  readonly kind: NoticeKind;
  readonly status: 'pending' | 'claimed' | 'sent';
  /** Claims so far. */
  readonly attempts: number;
  /** Pending: when it is due; claimed: when the claim's lease ends. */
  readonly dueAt: string;
  readonly messageId?: string;
  readonly sentAt?: string;
  readonly lastError?: string;
}

export type OutboxClaim =
  | { readonly state: 'claimed'; readonly attempts: number }
  /** Sent before (by this or another run): nothing to send. */
  | { readonly state: 'sent'; readonly messageId?: string }
  /** Another sender holds an unexpired claim; it will record the outcome (or its lease runs out). */
  | { readonly state: 'held' };

/**
 * The notice outbox: claim → send → record. A retried or concurrent sender finds the claim, so a
 * notice goes out once. Example: `await outbox.claim(c.tenantId, c.id, 'acknowledgement', now, leaseEnd)`.
 */
export interface NoticeOutbox {
  /** Takes the notice for sending until `until` (creating the entry when the case predates the outbox). */
  claim(tenantId: string, caseId: string, kind: NoticeKind, now: Date, until: Date): Promise<OutboxClaim>;
  markSent(tenantId: string, caseId: string, kind: NoticeKind, messageId: string | undefined, at: Date): Promise<void>;
  /** A failed send: pending again, due at `retryAt`. */
  release(tenantId: string, caseId: string, kind: NoticeKind, retryAt: Date, error: string): Promise<void>;
  /** Pending entries and expired claims due at or before `now`, oldest first. */
  listDue(now: Date, limit: number): Promise<readonly OutboxEntry[]>;
  /** Entries not yet sent (pending or claimed), whatever their due time. */
  countUnsent(): Promise<number>;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; pass it back to get the next page. `null` when there is none. */
  readonly nextCursor: string | null;
}

export interface ListOptions {
  readonly limit: number;
  readonly cursor?: string | null;
  /** Only cases whose due instant is at or before this ISO instant (deadline sweeps). */
  readonly dueBefore?: string;
}

/**
 * Where cases, their audit trails and idempotency records live.
 * Example: `await repo.createCase(newCase, events, record)` → `{ kind: 'created' }`.
 */
export interface CaseRepository {
  /**
   * True when `effects` are written in the same transaction as the case (DynamoDB). A wrapper
   * that owes effects to a repository without it stores them right after the write instead.
   */
  readonly writesEffects?: boolean;
  /** Stores a new case with its first events (and idempotency record) atomically. */
  createCase(c: Case, events: readonly AuditEvent[], idempotency?: IdempotencyRecord, effects?: CaseEffects): Promise<CreateCaseOutcome>;
  getCase(tenantId: string, caseId: string): Promise<Case | null>;
  /**
   * Writes `updated` only if the stored case still has `updated.version - 1`, together with
   * its new events; throws ConcurrentUpdateError otherwise, so no update is lost.
   */
  saveCase(updated: Case, events: readonly AuditEvent[], effects?: CaseEffects): Promise<void>;
  listEvents(tenantId: string, caseId: string): Promise<readonly AuditEvent[]>;
  findIdempotency(tenantId: string, scope: string, key: string): Promise<IdempotencyRecord | null>;
  /** The subject's earlier requests, newest first (repeat detection). */
  findBySubject(tenantId: string, subjectKey: string, limit: number): Promise<readonly EarlierRequest[]>;
  listByStatus(tenantId: string, status: CaseStatus, options: ListOptions): Promise<Page<Case>>;
  /** Open cases of a tenant, soonest due first (the console inbox, deadline sweeps). */
  listOpen(tenantId: string, options: ListOptions): Promise<Page<Case>>;
  /** How many open cases of a tenant were due before `instant` (ISO): the overdue gauge. */
  countOpenDueBefore(tenantId: string, instant: string): Promise<number>;
  /** The id of the case with this reference (GAU-2026-000042), or null. */
  findCaseIdByReference(tenantId: string, reference: string): Promise<string | null>;
  /** A per-tenant, per-year counter for human-readable references (GAU-2026-000042). */
  nextReferenceNumber(tenantId: string, year: number): Promise<number>;
}

export interface OutboundEmail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Threading and tracing headers (In-Reply-To, References, X-Rightsdesk-Case). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Files sent with the mail (SES v2 `Content.Simple.Attachments`). */
  readonly attachments?: ReadonlyArray<{ readonly filename: string; readonly contentType: string; readonly content: Uint8Array }>;
}

/** Sends e-mail (SES in both environments; the SES stand-in locally). */
export interface Mailer {
  send(message: OutboundEmail): Promise<{ readonly messageId: string }>;
  /** Readiness check (`/readyz`): resolves when the mail service answers. */
  ping?(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/**
 * Counts an action against a limit shared by every instance (DynamoDB on AWS and locally): one
 * atomic step, so concurrent Lambda instances cannot each let `max` through.
 * Example: `await limiter.take('softera|<address digest>', { max: 5, windowSeconds: 600 }, now)`
 * → `{ allowed: false, retryAfterSeconds: 312 }` on the sixth call in the window.
 */
export interface RateLimiter {
  take(key: string, limit: RateLimit, now: Date): Promise<{ readonly allowed: boolean; readonly retryAfterSeconds: number }>;
}

export interface IdGenerator {
  caseId(): string;
}

/**
 * Sends a notice to the subject in the case's channel and stores it on the case.
 * Example: `await notifier.notify(c, { kind: 'extension', reasons: ['Large volume of records'] })`.
 */
export interface SubjectNotifier {
  notify(c: Case, notice: Notice): Promise<{ readonly messageId?: string; readonly channel: Channel }>;
}

/**
 * Drives the Step Functions workflows of a case (Step Functions on AWS, the local
 * Step Functions-compatible service in development; always through @aws-sdk/client-sfn).
 * Example: `await workflows.startCase(c)` after the case is stored;
 * `await workflows.sendDecision(c.waiting.taskToken, { decision: 'approved' })` resumes it.
 */
export interface WorkflowEngine {
  /** Starts the case workflow and its deadline timer; a no-op for executions already running. */
  startCase(c: Pick<Case, 'id' | 'tenantId'>): Promise<void>;
  /** Stops the deadline timer (the case is closed). Succeeds when it is not running. */
  stopTimer(c: Pick<Case, 'id' | 'tenantId'>): Promise<void>;
  /** Resumes the execution waiting on `taskToken`; throws WorkflowNotWaitingError when none is. */
  sendDecision(taskToken: string, output: Readonly<Record<string, unknown>>): Promise<void>;
  /** Readiness check (`/readyz`): resolves when the workflow service answers. */
  ping?(): Promise<void>;
}

/** Tells the controller's staff about a case (deadline reminders, escalations, failed steps). */
export interface StaffAlerts {
  /** `to`: addresses to alert instead of the controller's staff address (`'staff'` names that one). */
  alert(c: Case, alert: { readonly kind: string; readonly message: string; readonly dueAt?: string; readonly to?: readonly string[] }): Promise<void>;
}

/**
 * Establishes identity automatically at intake where the method allows (a validated QES, a
 * verified partner assertion). Returns null when staff or the subject must act.
 */
export interface IdentityVerifier {
  verifyAtIntake(c: Case): Promise<{
    readonly method: IdentityMethod;
    readonly evidence: string;
    /** The evidence record kept on the case (identity.evidence). */
    readonly record?: IdentityEvidence;
    /** `needs_review`: e.g. a qualified signature by someone else than the requester; staff decide. */
    readonly verdict?: 'verified' | 'needs_review';
  } | null>;
}
