import type { InboundEntry, InboundLedger, InboundOutcome, NewInboundEntry } from '#domain/inbound-ledger.ts';

/** The InboundLedger in process memory, with the DynamoDB adapter's semantics (tests). */
export class InMemoryInboundLedger implements InboundLedger {
  private readonly entries = new Map<string, InboundEntry>();

  async record(entry: NewInboundEntry): Promise<InboundEntry> {
    const existing = this.entries.get(entry.deliveryId);
    if (existing) return structuredClone(existing);
    const item: InboundEntry = { ...structuredClone(entry), status: 'pending', attempts: 0 };
    this.entries.set(entry.deliveryId, item);
    return structuredClone(item);
  }

  /** The purge (CaseRecordEraser twin): a purged case's received mail leaves no ledger entry. */
  forget(deliveryId: string): void {
    this.entries.delete(deliveryId);
  }

  async get(deliveryId: string): Promise<InboundEntry | null> {
    const e = this.entries.get(deliveryId);
    return e ? structuredClone(e) : null;
  }

  async claim(deliveryId: string, now: Date, next: Date): Promise<InboundEntry | null> {
    const e = this.entries.get(deliveryId);
    if (!e || e.status !== 'pending' || e.nextAttemptAt > now.toISOString()) return null;
    const claimed: InboundEntry = { ...e, attempts: e.attempts + 1, nextAttemptAt: next.toISOString() };
    this.entries.set(deliveryId, claimed);
    return structuredClone(claimed);
  }

  async complete(deliveryId: string, outcome: InboundOutcome, caseId: string | null, at: Date): Promise<void> {
    const e = this.entries.get(deliveryId);
    if (!e) throw new Error(`No ledger entry ${deliveryId}.`);
    if (e.status === 'done') return;
    const done: InboundEntry = { ...e, status: 'done', outcome, settledAt: at.toISOString(), ...(caseId ? { caseId } : {}) };
    delete (done as { lastError?: string }).lastError;
    this.entries.set(deliveryId, done);
  }

  async fail(deliveryId: string, error: string, at: Date, giveUp: boolean): Promise<void> {
    const e = this.entries.get(deliveryId);
    if (!e || e.status !== 'pending') return;
    this.entries.set(deliveryId, { ...e, lastError: error.slice(0, 1000), ...(giveUp ? { status: 'failed', settledAt: at.toISOString() } : {}) });
  }

  async retry(deliveryId: string, now: Date): Promise<boolean> {
    const e = this.entries.get(deliveryId);
    if (!e || e.status !== 'failed') return false;
    const again: InboundEntry = { ...e, status: 'pending', attempts: 0, nextAttemptAt: now.toISOString() };
    delete (again as { settledAt?: string }).settledAt;
    this.entries.set(deliveryId, again);
    return true;
  }

  async listDue(now: Date, limit: number): Promise<readonly InboundEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.status === 'pending' && e.nextAttemptAt <= now.toISOString())
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt))
      .slice(0, limit)
      .map((e) => structuredClone(e));
  }

  async listFailed(tenantId: string | null, limit: number): Promise<readonly InboundEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.status === 'failed' && e.tenantId === tenantId)
      .sort((a, b) => String(b.settledAt).localeCompare(String(a.settledAt)))
      .slice(0, limit)
      .map((e) => structuredClone(e));
  }

  async countPending(): Promise<number> {
    return [...this.entries.values()].filter((e) => e.status === 'pending').length;
  }
}
