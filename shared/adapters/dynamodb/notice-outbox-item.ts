import type { NoticeKind } from '#domain/notices.ts';
import type { OutboxEntry } from '#ports/cases.ts';
import { caseKey } from './keys.ts';

/** Keys of the notice outbox (see notice-outbox.ts). */
export const PENDING = 'OUTBOX#PENDING';
export const entryKey = (tenantId: string, caseId: string, kind: NoticeKind) => ({ PK: caseKey(tenantId, caseId).PK, SK: `OUTBOX#${kind}` });
export const dueKey = (tenantId: string, caseId: string, kind: NoticeKind, dueAt: string) => `${dueAt}#${tenantId}#${caseId}#${kind}`;

/** The item of a new pending entry (written in the case's transaction). */
export function outboxItem(tenantId: string, caseId: string, kind: NoticeKind, now: Date): Record<string, unknown> {
  const dueAt = now.toISOString();
  const entry: OutboxEntry = { tenantId, caseId, kind, status: 'pending', attempts: 0, dueAt };
  return { ...entryKey(tenantId, caseId, kind), type: 'outbox', GSI1PK: PENDING, GSI1SK: dueKey(tenantId, caseId, kind, dueAt), ...entry };
}

