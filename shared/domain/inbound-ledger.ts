import type { AuthVerdicts } from './sender-authentication.ts';

/**
 * The inbound ledger: one entry for every raw message the receiving side stored (SES's S3 action
 * on AWS, the local SMTP listener), written before the sender is told "accepted". An entry stays
 * `pending` until processing gives it an outcome; a sweeper re-drives pending entries with
 * backoff, and after `maxAttempts` re-drives an entry is `failed`: listed for staff as "could not
 * be processed", with the raw message and a one-click retry. A handler may fail; a message may
 * not vanish.
 */

/** What became of a stored message. */
export const INBOUND_OUTCOMES = ['case', 'reply', 'duplicate', 'flagged', 'ignored_automated'] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

export const INBOUND_ENTRY_STATUSES = ['pending', 'done', 'failed'] as const;
export type InboundEntryStatus = (typeof INBOUND_ENTRY_STATUSES)[number];

export interface InboundEntry {
  /** The receiving service's id of the delivery (SES `mail.messageId`). */
  readonly deliveryId: string;
  /** Object key of the raw message in the receiving bucket. */
  readonly rawKey: string;
  /** The mail server's moment of receipt (ISO). */
  readonly receivedAt: string;
  /** Envelope recipients. */
  readonly recipients: readonly string[];
  /** The tenant the envelope routes to, when one matched (who sees it in the console). */
  readonly tenantId: string | null;
  /** The receiving side's SPF/DKIM/DMARC verdicts (SES receipt event; mailauth locally), kept for a re-drive. */
  readonly authentication?: AuthVerdicts;
  readonly status: InboundEntryStatus;
  /** Re-drives by the sweeper so far (the first delivery and its platform retries are attempt 0). */
  readonly attempts: number;
  /** When a pending entry is next due for a re-drive (ISO). */
  readonly nextAttemptAt: string;
  readonly lastError?: string;
  readonly outcome?: InboundOutcome;
  readonly caseId?: string;
  /** When it got its outcome, or was given up (ISO). */
  readonly settledAt?: string;
}

export type NewInboundEntry = Pick<InboundEntry, 'deliveryId' | 'rawKey' | 'receivedAt' | 'recipients' | 'tenantId' | 'nextAttemptAt' | 'authentication'>;

/**
 * Where ledger entries live (DynamoDB on AWS and locally; a Map in tests).
 * Example: `await ledger.record(entry)`; `await ledger.claim(id, now, next)` → the entry, or null
 * when another sweeper has it or it is not due.
 */
export interface InboundLedger {
  /** Writes a new pending entry; an entry that exists already is returned unchanged. */
  record(entry: NewInboundEntry): Promise<InboundEntry>;
  get(deliveryId: string): Promise<InboundEntry | null>;
  /**
   * Takes a due pending entry for one re-drive: counts the attempt and moves `nextAttemptAt` to
   * `next` (the lease, and the backoff if this attempt fails). Null when it is not pending or not due.
   */
  claim(deliveryId: string, now: Date, next: Date): Promise<InboundEntry | null>;
  /** Records the outcome: the entry leaves the pending list. */
  complete(deliveryId: string, outcome: InboundOutcome, caseId: string | null, at: Date): Promise<void>;
  /** Notes the last error of a pending entry; `giveUp` moves it to the "could not be processed" list. */
  fail(deliveryId: string, error: string, at: Date, giveUp: boolean): Promise<void>;
  /** Staff's retry of a failed entry: pending again, due at `now`, attempts reset. False when not failed. */
  retry(deliveryId: string, now: Date): Promise<boolean>;
  /** Pending entries due at or before `now`, oldest due first. */
  listDue(now: Date, limit: number): Promise<readonly InboundEntry[]>;
  /** Entries given up for this tenant (null: no tenant matched), newest first. */
  listFailed(tenantId: string | null, limit: number): Promise<readonly InboundEntry[]>;
  /** How many entries are pending (any due time); the end-of-run checks and the bench. */
  countPending(): Promise<number>;
}
