import type { AuditEvent } from '#domain/audit.ts';
import { isOpen, type Case, type CaseStatus } from '#domain/case.ts';
import { ConcurrentUpdateError, ValidationError } from '#domain/errors.ts';
import type { CaseEffects, CaseRepository, CreateCaseOutcome, IdempotencyRecord, ListOptions, Page } from '#ports/cases.ts';
import { InMemoryNoticeOutbox } from './notice-outbox.ts';
import type { EarlierRequest } from '#domain/repeats.ts';

const tenantCase = (tenantId: string, caseId: string) => `${tenantId}/${caseId}`;

/**
 * The CaseRepository in process memory, with the same semantics as the DynamoDB adapter
 * (atomic create, version-checked save, due-date order). For unit tests and the benchmark's
 * "DynamoDB stubbed in memory" run; never for production.
 */
export class InMemoryCaseRepository implements CaseRepository {
  /** The notice outbox its cases' pending notices are written to (with the case, as in DynamoDB). */
  readonly notices = new InMemoryNoticeOutbox();
  private readonly cases = new Map<string, Case>();
  private readonly events = new Map<string, AuditEvent[]>();
  private readonly idempotency = new Map<string, IdempotencyRecord>();
  private readonly counters = new Map<string, number>();
  private readonly references = new Map<string, string>();
  /** Mirrors the DynamoDB subject index, so lookups stay O(subject's cases) as the store grows. */
  private readonly bySubject = new Map<string, string[]>();

  async createCase(c: Case, events: readonly AuditEvent[], record?: IdempotencyRecord, effects?: CaseEffects): Promise<CreateCaseOutcome> {
    if (record) {
      const key = `${record.tenantId}/${record.scope}/${record.key}`;
      const existing = this.idempotency.get(key);
      if (existing) return { kind: 'idempotency_conflict', record: existing };
      this.idempotency.set(key, record);
    }
    const id = tenantCase(c.tenantId, c.id);
    if (this.cases.has(id)) throw new ConcurrentUpdateError(`Case ${c.id} already exists.`);
    this.cases.set(id, structuredClone(c));
    this.events.set(id, events.map((e) => structuredClone(e)));
    this.indexSubject(c, id);
    this.references.set(`${c.tenantId}/${c.reference}`, c.id);
    for (const kind of effects?.notices ?? []) this.notices.add(c.tenantId, c.id, kind, effects?.noticesDueAt ?? new Date(c.updatedAt));
    return { kind: 'created' };
  }

  async getCase(tenantId: string, caseId: string): Promise<Case | null> {
    const found = this.cases.get(tenantCase(tenantId, caseId));
    return found ? structuredClone(found) : null;
  }

  async saveCase(updated: Case, events: readonly AuditEvent[]): Promise<void> {
    const id = tenantCase(updated.tenantId, updated.id);
    const stored = this.cases.get(id);
    if (!stored || stored.version !== updated.version - 1) {
      throw new ConcurrentUpdateError(`Case ${updated.id} was changed concurrently (expected version ${updated.version - 1}).`);
    }
    this.cases.set(id, structuredClone(updated));
    this.events.get(id)?.push(...events.map((e) => structuredClone(e)));
  }

  async listEvents(tenantId: string, caseId: string): Promise<readonly AuditEvent[]> {
    return structuredClone(this.events.get(tenantCase(tenantId, caseId)) ?? []);
  }

  async findIdempotency(tenantId: string, scope: string, key: string): Promise<IdempotencyRecord | null> {
    const record = this.idempotency.get(`${tenantId}/${scope}/${key}`);
    return record && record.expiresAt * 1000 > Date.now() ? record : null;
  }

  async findBySubject(tenantId: string, subjectKey: string, limit: number): Promise<readonly EarlierRequest[]> {
    return (this.bySubject.get(`${tenantId}/${subjectKey}`) ?? [])
      .slice(-limit)
      .reverse()
      .map((id) => this.cases.get(id))
      .filter((c): c is Case => c !== undefined)
      .map((c) => ({ id: c.id, receivedAt: c.receivedAt, status: c.status, rights: c.rights.map((r) => r.type) }));
  }

  async listByStatus(tenantId: string, status: CaseStatus, options: ListOptions): Promise<Page<Case>> {
    return this.page(this.tenantCases(tenantId).filter((c) => c.status === status), options);
  }

  async listOpen(tenantId: string, options: ListOptions): Promise<Page<Case>> {
    return this.page(this.tenantCases(tenantId).filter((c) => isOpen(c.status)), options);
  }

  async countOpenDueBefore(tenantId: string, instant: string): Promise<number> {
    return this.tenantCases(tenantId).filter((c) => isOpen(c.status) && c.dueAt < instant).length;
  }

  async findCaseIdByReference(tenantId: string, reference: string): Promise<string | null> {
    return this.references.get(`${tenantId}/${reference}`) ?? null;
  }

  async nextReferenceNumber(tenantId: string, year: number): Promise<number> {
    const key = `${tenantId}/${year}`;
    const next = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, next);
    return next;
  }

  /** The purge's last step (CaseRecordEraser twin): the case item, its trail and reference, if still at `expectedVersion`. */
  forgetCase(tenantId: string, caseId: string, expectedVersion: number): boolean {
    const id = `${tenantId}/${caseId}`;
    const c = this.cases.get(id);
    if (!c) return true;
    if (c.version !== expectedVersion) return false;
    this.cases.delete(id);
    this.events.delete(id);
    this.references.delete(`${tenantId}/${c.reference}`);
    for (const ids of this.bySubject.values()) {
      const at = ids.indexOf(id);
      if (at >= 0) ids.splice(at, 1);
    }
    return true;
  }

  /** Every case of every tenant (the receipt-index twin reads them). */
  allCases(): readonly Case[] {
    return [...this.cases.values()].map((c) => structuredClone(c));
  }

  /** Keeps each subject's ids in receipt order (like the index's sort key), newest last. */
  private indexSubject(c: Case, id: string): void {
    const key = `${c.tenantId}/${c.subjectKey}`;
    const ids = this.bySubject.get(key) ?? [];
    let at = ids.length;
    while (at > 0 && (this.cases.get(ids[at - 1] as string)?.receivedAt ?? '') > c.receivedAt) at--;
    ids.splice(at, 0, id);
    this.bySubject.set(key, ids);
  }

  private tenantCases(tenantId: string): Case[] {
    return [...this.cases.values()].filter((c) => c.tenantId === tenantId);
  }

  private page(cases: Case[], options: ListOptions): Page<Case> {
    const sortKey = (c: Case) => `${c.dueAt}#${c.id}`;
    const sorted = cases.filter((c) => !options.dueBefore || c.dueAt <= options.dueBefore).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    let start = 0;
    if (options.cursor) {
      const after = Buffer.from(options.cursor, 'base64url').toString('utf8');
      start = sorted.findIndex((c) => sortKey(c) > after);
      if (!after.includes('#')) throw new ValidationError('The page cursor is not valid for this list.', [{ field: 'cursor', message: 'invalid' }]);
      if (start < 0) start = sorted.length;
    }
    const items = sorted.slice(start, start + options.limit).map((c) => structuredClone(c));
    const last = items.at(-1);
    const more = start + options.limit < sorted.length;
    return { items, nextCursor: more && last ? Buffer.from(sortKey(last)).toString('base64url') : null };
  }
}
