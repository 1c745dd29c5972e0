import { describe, expect, it } from 'vitest';
import { InMemoryBlobPurger, InMemoryCaseRecordEraser, InMemoryReceiptIndex } from '#adapters/memory/accountability.ts';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryInboundLedger } from '#adapters/memory/inbound-ledger.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import type { Case } from '#domain/case.ts';
import { openCase } from '#domain/open-case.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { buildRegister } from '#usecases/accountability/register.ts';
import { placeLegalHold, purgeExpiredCases, liftLegalHold, type RetentionDeps } from '#usecases/accountability/retention.ts';

const RECEIVED = new Date('2024-03-04T08:00:00Z');
const CLOSED = '2024-03-20T10:00:00.000Z';

/**
 * "Deleted means gone from every copy" (docs/accountability.md), on the in-memory twins: the case
 * item and trail, its messages and thread index, the inbound ledger's entry and flagged items of
 * its received mail, its outbox rows, every object version in the three buckets (task data
 * included), leaving only the tombstone. No module mocks.
 */
describe('the retention purge, every copy', () => {
  async function world() {
    let now = new Date(CLOSED);
    const clock = { now: () => new Date(now) };
    const repo = new InMemoryCaseRepository();
    const messages = new InMemoryMessageStore();
    const ledger = new InMemoryInboundLedger();
    const records = new InMemoryCaseRecordEraser(repo, messages, ledger);
    const buckets = { evidence: new Map<string, unknown>(), answers: new Map<string, unknown>(), inbound: new Map<string, unknown>() };
    const deps: RetentionDeps = {
      repo,
      messages,
      records,
      blobs: { evidence: new InMemoryBlobPurger(buckets.evidence), answers: new InMemoryBlobPurger(buckets.answers), inbound: new InMemoryBlobPurger(buckets.inbound) },
      tenants: tenantRegistry,
      clock,
      ruleFor: () => ({ period: { unit: 'years', amount: 1 }, source: null, reason: 'test: one year' }),
    };
    const closedCase = async (id: string, email: string): Promise<Case> => {
      const opened = openCase({
        tenant: tenantRegistry.get('bajtel'),
        id,
        referenceNumber: Number(id.slice(-1)),
        channel: 'email',
        receivedAt: RECEIVED,
        request: { rights: [{ type: 'erasure' }], subject: { name: 'Ona Petraitienė', email } },
        actor: { kind: 'subject', id: email },
        earlierRequests: [],
        now: RECEIVED,
      });
      await repo.createCase(opened.case, opened.events, undefined, { notices: ['acknowledgement'] });
      const base = opened.case;
      const closed: Case = { ...base, status: 'closed', rights: base.rights.map((r) => ({ ...r, status: 'fulfilled' as const })), version: base.version + 1, lastEventSeq: base.lastEventSeq + 1, updatedAt: CLOSED };
      await repo.saveCase(closed, [{ caseId: id, tenantId: 'bajtel', seq: base.lastEventSeq + 1, at: CLOSED, type: 'case.status_changed', actor: { kind: 'staff', id: 'dpo' }, visibility: 'public', summary: 'Closed.', details: { from: 'in_progress', to: 'closed' } }]);
      // Its received e-mail: raw MIME (two versions), the ledger entry, a flagged item, the message and its thread index.
      const delivery = `d-${id}`;
      buckets.inbound.set(`inbound/${delivery}`, 'v2');
      buckets.inbound.set(`inbound/${delivery}#v1`, 'v1');
      await ledger.record({ deliveryId: delivery, rawKey: `inbound/${delivery}`, receivedAt: RECEIVED.toISOString(), recipients: ['privacy@bajtel.lt'], tenantId: 'bajtel', nextAttemptAt: RECEIVED.toISOString() });
      await ledger.complete(delivery, 'case', id, RECEIVED);
      await messages.flag({ id: `${delivery}#auto_reply`, tenantId: 'bajtel', at: RECEIVED.toISOString(), flag: 'auto_reply', reason: 'Looked automated', rawKey: `inbound/${delivery}`, caseId: id });
      await messages.addMessage({ id: delivery, tenantId: 'bajtel', caseId: id, direction: 'inbound', channel: 'email', at: RECEIVED.toISOString(), subject: 'Ištrinkite', messageId: `<${delivery}@mail.example>`, inReplyTo: null, references: [], from: email, to: ['privacy@bajtel.lt'], rawKey: `inbound/${delivery}`, raw: null, attachments: [] } as never);
      // Its objects: an answer, task data a connector read, an attachment.
      buckets.answers.set(`answers/bajtel/${id}/answer.pdf`, 'a');
      buckets.answers.set(`fulfilment/bajtel/${id}/access_shop_db.json`, 'rows');
      buckets.answers.set(`fulfilment/bajtel/${id}/access_shop_db.json#v1`, 'older rows');
      buckets.evidence.set(`cases/bajtel/${id}/${delivery}/01-id.pdf`, 'scan');
      return closed;
    };
    return { deps, repo, messages, ledger, records, buckets, closedCase, advance: (iso: string) => (now = new Date(iso)) };
  }

  it('leaves only the tombstone of a purged case, and keeps a held one and every copy of it until the hold is lifted', async () => {
    const w = await world();
    const gone = await w.closedCase('case-1', 'ona@example.lt');
    const held = await w.closedCase('case-2', 'jonas@example.lt');
    await placeLegalHold(w.deps, { tenantId: 'bajtel', caseId: held.id, reason: 'Court order 2024/5', actor: { kind: 'staff', id: 'admin-1' } });

    w.advance('2025-03-21T10:00:00.000Z');
    const report = await purgeExpiredCases(w.deps);
    expect(report).toMatchObject({ purged: ['case-1'], held: ['case-2'], failed: [] });

    expect(await w.repo.getCase('bajtel', gone.id)).toBeNull();
    expect(await w.repo.listEvents('bajtel', gone.id)).toEqual([]);
    expect(await w.repo.findCaseIdByReference('bajtel', gone.reference)).toBeNull();
    expect(await w.messages.listMessages('bajtel', gone.id)).toEqual([]);
    expect(await w.messages.findCaseByMessageIds('bajtel', ['<d-case-1@mail.example>'])).toBeNull();
    expect(await w.ledger.get('d-case-1')).toBeNull();
    expect((await w.messages.listFlagged('bajtel', 10)).map((f) => f.id)).toEqual(['d-case-2#auto_reply']);
    expect(await w.repo.notices.listDue(new Date('2030-01-01'), 10)).toEqual([expect.objectContaining({ caseId: 'case-2' })]);
    for (const bucket of Object.values(w.buckets)) expect([...bucket.keys()].filter((k) => k.includes('case-1') || k.includes('d-case-1'))).toEqual([]);

    const tombstone = await w.records.getTombstone('bajtel', gone.id);
    expect(tombstone).toMatchObject({ reference: gone.reference, outcome: 'granted', closedAt: CLOSED, rights: [{ type: 'erasure', status: 'fulfilled' }] });
    expect(tombstone!.purgedAt).not.toBe('');
    for (const personal of ['Ona', 'Petraitienė', 'ona@example.lt', 'd-case-1']) expect(JSON.stringify(tombstone)).not.toContain(personal);

    // The held case keeps every copy.
    expect(await w.repo.getCase('bajtel', held.id)).not.toBeNull();
    expect(await w.ledger.get('d-case-2')).not.toBeNull();
    expect([...w.buckets.answers.keys()].filter((k) => k.includes('case-2'))).toHaveLength(3);

    // The register lists the tombstone as purged and the held case with its hold (receipt-index twin).
    const register = await buildRegister({ repo: w.repo, receipts: new InMemoryReceiptIndex(w.repo, w.records), tenants: tenantRegistry, clock: w.deps.clock }, { tenantId: 'bajtel', from: '2024-03-01', to: '2024-03-31' });
    expect(register.rows.map((r) => [r.reference, r.status])).toEqual([
      [gone.reference, 'purged'],
      [held.reference, 'closed'],
    ].sort((a, b) => a[0]!.localeCompare(b[0]!)));

    // Idempotent; lifting the hold lets the next run purge the second case the same way.
    expect((await purgeExpiredCases(w.deps)).purged).toEqual([]);
    await liftLegalHold(w.deps, { tenantId: 'bajtel', caseId: held.id, reason: 'Proceedings ended', actor: { kind: 'staff', id: 'admin-1' } });
    expect((await purgeExpiredCases(w.deps)).purged).toEqual(['case-2']);
    expect(await w.ledger.get('d-case-2')).toBeNull();
    for (const bucket of Object.values(w.buckets)) expect(bucket.size).toBe(0);
  });
});
