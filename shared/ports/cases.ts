import type { RateLimit } from '#domain/rate-limit.ts';
import type { Notice } from '#domain/notices.ts';
import type { AuditEvent } from '#domain/audit.ts';
import type { Case, CaseStatus } from '#domain/case.ts';
import type { Channel } from '#domain/channels.ts';
import type { EarlierRequest } from '#domain/repeats.ts';
import type { IdentityMethod } from '#domain/identity.ts';
import type { IdentityEvidence } from '#domain/identity-evidence.ts';

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
  /** Stores a new case with its first events (and idempotency record) atomically. */
  createCase(c: Case, events: readonly AuditEvent[], idempotency?: IdempotencyRecord): Promise<CreateCaseOutcome>;
  getCase(tenantId: string, caseId: string): Promise<Case | null>;
  /**
   * Writes `updated` only if the stored case still has `updated.version - 1`, together with
   * its new events; throws ConcurrentUpdateError otherwise, so no update is lost.
   */
  saveCase(updated: Case, events: readonly AuditEvent[]): Promise<void>;
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
}

/** Tells the controller's staff about a case (deadline reminders, escalations, failed steps). */
export interface StaffAlerts {
  alert(c: Case, alert: { readonly kind: string; readonly message: string; readonly dueAt?: string }): Promise<void>;
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
