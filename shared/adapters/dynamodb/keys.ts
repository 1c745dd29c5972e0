import { isOpen, type Case } from '#domain/case.ts';

/**
 * Key builders for the single table. Every key starts with the tenant, so a key built for one
 * tenant can never address another tenant's item (isolation by construction).
 */
const tenant = (tenantId: string) => `TENANT#${tenantId}`;

export const caseKey = (tenantId: string, caseId: string) => ({ PK: `${tenant(tenantId)}#CASE#${caseId}`, SK: 'CASE' });
export const eventKey = (tenantId: string, caseId: string, seq: number) => ({
  PK: caseKey(tenantId, caseId).PK,
  // Zero-padded so that the sort key orders events numerically.
  SK: `EVENT#${String(seq).padStart(10, '0')}`,
});
export const EVENT_PREFIX = 'EVENT#';
export const idempotencyKey = (tenantId: string, scope: string, key: string) => ({ PK: `${tenant(tenantId)}#IDEMPOTENCY#${scope}#${key}`, SK: 'IDEMPOTENCY' });
export const counterKey = (tenantId: string, name: string) => ({ PK: `${tenant(tenantId)}#COUNTER#${name}`, SK: 'COUNTER' });
/** Case reference (SOF-2026-000001) → case id: staff search and threading by the reference in a subject. */
export const referenceKey = (tenantId: string, reference: string) => ({ PK: `${tenant(tenantId)}#REFERENCE#${reference}`, SK: 'REFERENCE' });

export const statusPartition = (tenantId: string, status: string) => `${tenant(tenantId)}#STATUS#${status}`;
export const queuePartition = (tenantId: string, open: boolean) => `${tenant(tenantId)}#QUEUE#${open ? 'OPEN' : 'CLOSED'}`;
export const subjectPartition = (tenantId: string, subjectKey: string) => `${tenant(tenantId)}#SUBJECT#${subjectKey}`;
/** One partition per tenant and UTC month of receipt (`2026-11`): a register period reads a few. */
export const receiptPartition = (tenantId: string, month: string) => `${tenant(tenantId)}#RECEIVED#${month}`;
/** The receipt-index attributes of a case or of the tombstone a purged case leaves. */
export const receiptIndexAttributes = (tenantId: string, caseId: string, receivedAt: string) => ({
  GSI4PK: receiptPartition(tenantId, receivedAt.slice(0, 7)),
  GSI4SK: `${receivedAt}#${caseId}`,
});

/** The index attributes a case item carries; recomputed on every write so indexes never go stale. */
export function caseIndexAttributes(c: Case): Record<string, string> {
  const byDue = `${c.dueAt}#${c.id}`;
  return {
    GSI1PK: statusPartition(c.tenantId, c.status),
    GSI1SK: byDue,
    GSI2PK: queuePartition(c.tenantId, isOpen(c.status)),
    GSI2SK: byDue,
    GSI3PK: subjectPartition(c.tenantId, c.subjectKey),
    GSI3SK: `${c.receivedAt}#${c.id}`,
    ...receiptIndexAttributes(c.tenantId, c.id, c.receivedAt),
  };
}
