import { describe, expect, it } from 'vitest';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import { openCase } from '#domain/open-case.ts';
import type { Case } from '#domain/case.ts';
import type { OutgoingEmail } from '#domain/mail.ts';
import type { FulfilmentTask } from '#domain/fulfilment/tasks.ts';
import type { EmailSender } from '#ports/mail.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { fulfilmentOnSettle } from '#usecases/fulfilment/plan.ts';
import { sendRecipientNotices } from '#usecases/fulfilment/recipient-notices.ts';
import { writeCase } from '#usecases/case-writes.ts';

/**
 * Issue 11 for the fulfilment of issue 19: tasks planned at identity settling and Art. 19 notices
 * happen once under retries, restarts and concurrent callers.
 */
const now = new Date('2026-11-23T09:00:00Z');
const clock = { now: () => new Date(now) };

/** Counts sends; slow, so two concurrent callers are both in flight at once. */
class CountingEmail implements EmailSender {
  readonly sent: OutgoingEmail[] = [];
  async send(mail: OutgoingEmail) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    this.sent.push(mail);
    return { raw: `Message-ID: ${mail.messageId}\r\n\r\n${mail.text}`, providerMessageId: `ses-${this.sent.length}` };
  }
}

/** The recipient tasks an erasure's Art. 19 notices go to (recipients reached by e-mail). */
const recipientTasks = (c: Case) =>
  c.fulfilment!.tasks
    .filter((t) => t.target.kind === 'recipient' && fulfilmentRegisters.get(c.tenantId).recipients.find((r) => r.id === t.target.id)?.contact.kind === 'email')
    .map((t) => t.id)
    .sort();

async function erasureWithSystemsDone() {
  const repo = new InMemoryCaseRepository();
  const messages = new InMemoryMessageStore();
  const { case: opened, events } = openCase({
    tenant: tenantRegistry.get('bajtel'),
    id: 'case-art19',
    referenceNumber: 7,
    channel: 'email',
    receivedAt: now,
    request: { rights: [{ type: 'erasure' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' }, language: 'en' },
    actor: { kind: 'system', id: 'test' },
    earlierRequests: [],
    now,
  });
  await repo.createCase(opened, events);
  // Identity settles: tasks planned in the same write; every system task then finished.
  await writeCase({ repo, clock }, { tenantId: 'bajtel', caseId: opened.id }, (c) => {
    const planned = fulfilmentOnSettle(c, now).patch.fulfilment!;
    const tasks = planned.tasks.map((t): FulfilmentTask => (t.target.kind === 'system' ? { ...t, status: 'done', result: { outcome: 'erased', summary: 'Rows deleted.', by: { kind: 'staff', id: 'agent@bajtel.local' }, at: now.toISOString() } } : t));
    return { patch: { status: 'in_progress', fulfilment: { ...planned, tasks } }, events: [] };
  });
  const email = new CountingEmail();
  const deps = { repo, clock, tenants: tenantRegistry, registers: fulfilmentRegisters, email, messages };
  return { repo, messages, email, deps, ref: { tenantId: 'bajtel', caseId: opened.id } };
}

describe('fulfilment happens once (issue 11)', () => {
  it('planning again (a retried or concurrent settle) keeps the tasks planned first', async () => {
    const { repo, ref } = await erasureWithSystemsDone();
    const c = (await repo.getCase(ref.tenantId, ref.caseId))!;
    expect(c.fulfilment!.tasks.length).toBeGreaterThan(1);
    expect(fulfilmentOnSettle(c, new Date('2026-11-24T09:00:00Z'))).toEqual({ patch: {}, events: [] });
  });

  it('an Art. 19 notice goes out once when sending is retried', async () => {
    const { email, deps, ref, repo } = await erasureWithSystemsDone();
    const first = await sendRecipientNotices(deps, ref);
    expect(first).toContain('erasure:courier');
    expect(await sendRecipientNotices(deps, ref)).toEqual([]);
    expect(email.sent).toHaveLength(first.length);
    const c = (await repo.getCase(ref.tenantId, ref.caseId)) as Case;
    expect(c.fulfilment!.tasks.find((t) => t.id === 'erasure:courier')).toMatchObject({ status: 'awaiting_reply' });
  });

  it('an Art. 19 notice goes out once when two callers send at the same moment', async () => {
    const { email, deps, ref, repo } = await erasureWithSystemsDone();
    const due = recipientTasks((await repo.getCase(ref.tenantId, ref.caseId))!);
    const [a, b] = await Promise.all([sendRecipientNotices(deps, ref), sendRecipientNotices(deps, ref)]);
    expect([...a, ...b].sort()).toEqual(due);
    expect(email.sent.map((m) => m.messageId).sort()).toEqual([...new Set(email.sent.map((m) => m.messageId))].sort());
    expect(email.sent).toHaveLength(due.length);
    const events = await repo.listEvents(ref.tenantId, ref.caseId);
    expect(events.filter((e) => e.type === 'fulfilment.recipient_notified')).toHaveLength(due.length);
  });

  it('a sender that died after sending (the message recorded, the case not updated) is not repeated', async () => {
    const { email, deps, ref, messages } = await erasureWithSystemsDone();
    // The first run claims, sends and records the messages, then its last case write fails (the process dies).
    let saves = 0;
    const saveCase: typeof deps.repo.saveCase = async (c, events) => {
      saves += 1;
      if (saves > 1) throw new Error('killed');
      return deps.repo.saveCase(c, events);
    };
    const dying = { ...deps, repo: new Proxy(deps.repo, { get: (target, prop) => (prop === 'saveCase' ? saveCase : Reflect.get(target, prop, target)) }) };
    const due = recipientTasks((await deps.repo.getCase(ref.tenantId, ref.caseId))!);
    await expect(sendRecipientNotices(dying, ref)).rejects.toThrow('killed');
    expect(email.sent).toHaveLength(due.length);
    expect((await messages.listMessages(ref.tenantId, ref.caseId)).filter((m) => m.direction === 'outbound')).toHaveLength(due.length);
    // Within the dead sender's lease nobody sends; after it, the retry finds the notices already
    // sent: no second e-mail, the tasks record them.
    expect(await sendRecipientNotices(deps, ref)).toEqual([]);
    now.setTime(now.getTime() + 3 * 60_000);
    expect((await sendRecipientNotices(deps, ref)).sort()).toEqual(due);
    expect(email.sent).toHaveLength(due.length);
  });
});
