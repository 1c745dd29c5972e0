import type { Case } from '#domain/case.ts';
import type { RegisterStatistics } from '#domain/register.ts';
import type { Tombstone } from '#domain/retention.ts';

/**
 * Ports of accountability (docs/accountability.md): the register's receipt index, the purge's
 * erasers, and the evidence pack's seal. Adapters in shared/adapters (DynamoDB, S3, KMS/jose).
 */

/**
 * Cases and tombstones by receipt instant (DynamoDB: GSI4, one partition per tenant and month).
 * Example: `await index.receivedBetween('softera', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')`.
 */
export interface ReceiptIndex {
  /** Every case and tombstone of the tenant received in [fromIso, toIso), oldest first. */
  receivedBetween(tenantId: string, fromIso: string, toIso: string): Promise<{ readonly cases: readonly Case[]; readonly tombstones: readonly Tombstone[] }>;
}

/** What a purge erases besides the case's own partition: keys found on its messages and letters. */
export interface CaseFootprint {
  readonly tenantId: string;
  readonly caseId: string;
  readonly reference: string;
  /** Message-IDs (and provider ids) indexed for threading. */
  readonly threadIds: readonly string[];
  /** Event sequence numbers (webhook deliveries are keyed `<caseId>.<seq>`). */
  readonly eventSeqs: readonly number[];
  /** Print-queue items (letters), by id. */
  readonly printIds: readonly string[];
  /**
   * The case's received e-mails by delivery (the inbound ledger's key) and receipt instant: their
   * ledger entries and any flagged-mail items go too ("deleted" means gone from every copy).
   */
  readonly inboundDeliveries?: ReadonlyArray<{ readonly id: string; readonly at: string }>;
}

/**
 * Erases a closed case's table items and leaves its tombstone. Idempotent: items already gone are
 * skipped, so an interrupted purge is finished by the next run.
 */
export interface CaseRecordEraser {
  /** Deletes the footprint's outside items and the partition except the case item itself. */
  eraseAround(footprint: CaseFootprint): Promise<void>;
  /** Writes the tombstone of a purge that starts (`purgedAt` empty) unless one exists. */
  putTombstone(tombstone: Tombstone): Promise<void>;
  /** Deletes the case item (still at `expectedVersion`) and writes the final tombstone in one transaction. */
  replaceWithTombstone(tombstone: Tombstone, expectedVersion: number): Promise<void>;
  getTombstone(tenantId: string, caseId: string): Promise<Tombstone | null>;
}

/** Deletes every object (every version and delete marker) under a key prefix of one bucket. */
export interface BlobPurger {
  /** `exact`: only this key, not longer keys that share the prefix. Answers how many versions went. */
  purge(prefix: string, options?: { readonly exact?: boolean }): Promise<number>;
}

/**
 * Seals an evidence pack: a detached compact JWS (RFC 7515 Appendix F) over the manifest bytes,
 * ES256, signed by KMS on AWS and a local key in `npm start`; the `kid` is in the published JWKS.
 */
export interface PackSealer {
  seal(tenantId: string, payload: Uint8Array): Promise<string>;
}

/**
 * The dashboard's statistics, computed by the accountability sweep and read with one GetItem (the
 * console function stays small and a dashboard view reads no cases).
 * Example: `await snapshots.get('softera')` → `{ from: '2026-09-07', to: '2026-12-05', statistics, … }`.
 */
export interface StatisticsSnapshot {
  readonly tenantId: string;
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
  readonly statistics: RegisterStatistics;
}

export interface StatisticsStore {
  put(snapshot: StatisticsSnapshot): Promise<void>;
  get(tenantId: string): Promise<StatisticsSnapshot | null>;
}
