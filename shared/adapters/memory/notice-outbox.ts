import type { NoticeKind } from '#domain/notices.ts';
import type { NoticeOutbox, OutboxClaim, OutboxEntry } from '#ports/cases.ts';

/** The NoticeOutbox in process memory, with the DynamoDB adapter's semantics (tests). */
export class InMemoryNoticeOutbox implements NoticeOutbox {
  private readonly entries = new Map<string, OutboxEntry>();
  private key = (tenantId: string, caseId: string, kind: NoticeKind) => `${tenantId}/${caseId}/${kind}`;

  /** The purge: a case's outbox entries go with its partition. */
  forgetCase(tenantId: string, caseId: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${tenantId}/${caseId}/`)) this.entries.delete(key);
  }

  /** A pending entry written with its case (InMemoryCaseRepository's createCase). */
  add(tenantId: string, caseId: string, kind: NoticeKind, now: Date): void {
    this.entries.set(this.key(tenantId, caseId, kind), { tenantId, caseId, kind, status: 'pending', attempts: 0, dueAt: now.toISOString() });
  }

  async claim(tenantId: string, caseId: string, kind: NoticeKind, now: Date, until: Date): Promise<OutboxClaim> {
    const k = this.key(tenantId, caseId, kind);
    const e = this.entries.get(k);
    if (e?.status === 'sent') return { state: 'sent', ...(e.messageId ? { messageId: e.messageId } : {}) };
    if (e?.status === 'claimed' && e.dueAt > now.toISOString()) return { state: 'held' };
    const attempts = (e?.attempts ?? 0) + 1;
    this.entries.set(k, { ...(e ?? { tenantId, caseId, kind }), status: 'claimed', attempts, dueAt: until.toISOString() });
    return { state: 'claimed', attempts };
  }

  async markSent(tenantId: string, caseId: string, kind: NoticeKind, messageId: string | undefined, at: Date): Promise<void> {
    const k = this.key(tenantId, caseId, kind);
    const e = this.entries.get(k) ?? { tenantId, caseId, kind, status: 'pending' as const, attempts: 1, dueAt: at.toISOString() };
    this.entries.set(k, { tenantId: e.tenantId, caseId: e.caseId, kind: e.kind, attempts: e.attempts, dueAt: e.dueAt, status: 'sent', sentAt: at.toISOString(), ...(messageId ? { messageId } : {}) });
  }

  async release(tenantId: string, caseId: string, kind: NoticeKind, retryAt: Date, error: string): Promise<void> {
    const k = this.key(tenantId, caseId, kind);
    const e = this.entries.get(k);
    if (!e || e.status !== 'claimed') return;
    this.entries.set(k, { ...e, status: 'pending', dueAt: retryAt.toISOString(), lastError: error });
  }

  async listDue(now: Date, limit: number): Promise<readonly OutboxEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.status !== 'sent' && e.dueAt <= now.toISOString())
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .slice(0, limit)
      .map((e) => ({ ...e }));
  }

  async countUnsent(): Promise<number> {
    return [...this.entries.values()].filter((e) => e.status !== 'sent').length;
  }
}
