import type { Case } from '#domain/case.ts';
import { ConcurrentUpdateError } from '#domain/errors.ts';
import type { Tombstone } from '#domain/retention.ts';
import type { BlobPurger, CaseFootprint, CaseRecordEraser, ReceiptIndex, StatisticsSnapshot, StatisticsStore } from '#ports/accountability.ts';
import type { InMemoryCaseRepository } from './case-repository.ts';
import type { InMemoryInboundLedger } from './inbound-ledger.ts';
import type { InMemoryMessageStore } from './message-store.ts';

/**
 * In-memory twins of the accountability ports (docs/accountability.md), with the DynamoDB and S3
 * adapters' semantics, so the register, retention and statistics use cases are tested without
 * module mocks. They work on the in-memory repository, message store, inbound ledger and buckets.
 */

/** Cases and tombstones by receipt instant, [from, to), oldest first (GSI4's twin). */
export class InMemoryReceiptIndex implements ReceiptIndex {
  constructor(private readonly repo: InMemoryCaseRepository, private readonly records: InMemoryCaseRecordEraser) {}

  async receivedBetween(tenantId: string, fromIso: string, toIso: string): Promise<{ cases: Case[]; tombstones: Tombstone[] }> {
    const inPeriod = (t: { tenantId: string; receivedAt: string }) => t.tenantId === tenantId && t.receivedAt >= fromIso && t.receivedAt < toIso;
    const byReceipt = <T extends { receivedAt: string }>(a: T, b: T) => a.receivedAt.localeCompare(b.receivedAt);
    return { cases: this.repo.allCases().filter(inPeriod).sort(byReceipt), tombstones: this.records.allTombstones().filter(inPeriod).sort(byReceipt) };
  }
}

/** Table items of a purged case, and its tombstone (the DynamoDB eraser's twin). */
export class InMemoryCaseRecordEraser implements CaseRecordEraser {
  private readonly tombstones = new Map<string, Tombstone>();

  constructor(private readonly repo: InMemoryCaseRepository, private readonly messages: InMemoryMessageStore, private readonly ledger?: InMemoryInboundLedger) {}

  async eraseAround(f: CaseFootprint): Promise<void> {
    const deliveries = (f.inboundDeliveries ?? []).map((d) => d.id);
    this.messages.forgetCase(f.tenantId, f.caseId, deliveries);
    this.repo.notices.forgetCase(f.tenantId, f.caseId);
    for (const id of deliveries) this.ledger?.forget(id);
  }

  async putTombstone(tombstone: Tombstone): Promise<void> {
    const key = `${tombstone.tenantId}/${tombstone.caseId}`;
    if (!this.tombstones.has(key)) this.tombstones.set(key, structuredClone(tombstone));
  }

  async replaceWithTombstone(tombstone: Tombstone, expectedVersion: number): Promise<void> {
    if (!this.repo.forgetCase(tombstone.tenantId, tombstone.caseId, expectedVersion)) throw new ConcurrentUpdateError(`Case ${tombstone.caseId} changed during the purge.`);
    this.tombstones.set(`${tombstone.tenantId}/${tombstone.caseId}`, structuredClone(tombstone));
  }

  async getTombstone(tenantId: string, caseId: string): Promise<Tombstone | null> {
    const found = this.tombstones.get(`${tenantId}/${caseId}`);
    return found ? structuredClone(found) : null;
  }

  allTombstones(): Tombstone[] {
    return [...this.tombstones.values()].map((t) => structuredClone(t));
  }
}

/**
 * A versioned bucket's purger: every key under the prefix, with its older versions (the twin
 * keeps versions as `<key>` plus `<key>#v<n>` entries, as a versioned bucket keeps them).
 */
export class InMemoryBlobPurger implements BlobPurger {
  constructor(private readonly objects: Map<string, unknown>) {}

  async purge(prefix: string, options: { readonly exact?: boolean } = {}): Promise<number> {
    let n = 0;
    for (const key of [...this.objects.keys()]) {
      const base = key.replace(/#v\d+$/, '');
      if (options.exact ? base === prefix : base.startsWith(prefix)) {
        this.objects.delete(key);
        n++;
      }
    }
    return n;
  }
}

/** The dashboard's statistics snapshot, one per tenant. */
export class InMemoryStatisticsStore implements StatisticsStore {
  private readonly snapshots = new Map<string, StatisticsSnapshot>();

  async put(snapshot: StatisticsSnapshot): Promise<void> {
    this.snapshots.set(snapshot.tenantId, structuredClone(snapshot));
  }

  async get(tenantId: string): Promise<StatisticsSnapshot | null> {
    const found = this.snapshots.get(tenantId);
    return found ? structuredClone(found) : null;
  }
}
