import { describe, expect, it } from 'vitest';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryCallbackVerifier, InMemorySignedRequests, InMemoryTaskDataStore } from '#adapters/memory/fulfilment.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import type { Case } from '#domain/case.ts';
import { planTasks } from '#domain/fulfilment/tasks.ts';
import { openCase } from '#domain/open-case.ts';
import type { EmailSender } from '#ports/mail.ts';
import { bajtelRegister } from '#tenants/fulfilment/bajtel.ts';
import { registerLookup } from '#tenants/fulfilment/registry.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { receiveCallback } from '#usecases/fulfilment/http-connector.ts';
import { sendRecipientNotices } from '#usecases/fulfilment/recipient-notices.ts';
import { recordTaskResult, skipTask } from '#usecases/fulfilment/tasks.ts';

const NOW = new Date('2027-03-10T10:00:00Z');
// Bajtel's courier reached by API instead of e-mail (a recipient with `contact.kind: 'api'`).
const register = { ...bajtelRegister, recipients: bajtelRegister.recipients.map((r) => (r.id === 'courier' ? { ...r, contact: { kind: 'api' as const, url: 'https://courier.example/gdpr/art19' } } : r)) };
const registers = registerLookup([register]);

async function world(respond: ConstructorParameters<typeof InMemorySignedRequests>[0]) {
  const repo = new InMemoryCaseRepository();
  const messages = new InMemoryMessageStore();
  const opened = openCase({ tenant: tenantRegistry.get('bajtel'), id: 'c1', referenceNumber: 7, channel: 'email', receivedAt: new Date('2027-03-01T08:00:00Z'), request: { rights: [{ type: 'erasure' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' } }, actor: { kind: 'subject', id: 'ona' }, earlierRequests: [], now: NOW });
  await repo.createCase(opened.case, opened.events);
  const c = opened.case;
  const withTasks: Case = { ...c, version: c.version + 1, fulfilment: { identifiers: [{ kind: 'email', value: 'ona@example.lt', method: 'email_control', provedAt: NOW.toISOString() }], plannedAt: NOW.toISOString(), tasks: planTasks(c, register, NOW) } };
  await repo.saveCase(withTasks, []);
  const api = new InMemorySignedRequests(respond);
  const mails: unknown[] = [];
  const email: EmailSender = { send: async (m) => (mails.push(m), { raw: 'raw', providerMessageId: `p-${mails.length}` }) };
  const clock = { now: () => new Date(NOW) };
  const deps = { repo, clock, tenants: tenantRegistry, registers, email, messages, api };
  const fdeps = { repo, clock, registers, data: new InMemoryTaskDataStore() };
  const actor = { kind: 'staff' as const, id: 'agent@bajtel.local' };
  // Finish the erasure's system tasks, as staff would.
  await recordTaskResult(fdeps, { tenantId: 'bajtel', caseId: 'c1', taskId: 'erasure:shop_db', actor, result: { outcome: 'erased', summary: 'Account deleted; orders masked.' } });
  await skipTask(fdeps, { tenantId: 'bajtel', caseId: 'c1', taskId: 'erasure:newsletter', actor, reason: 'Never subscribed.' });
  const task = async () => (await repo.getCase('bajtel', 'c1'))!.fulfilment!.tasks.find((t) => t.id === 'erasure:courier')!;
  return { deps, fdeps, api, mails, task, repo };
}

describe('Art. 19 notices to a recipient’s API', () => {
  it('sends one signed notice with the case reference, categories and deadline; the signed callback finishes the task', async () => {
    const w = await world(() => ({ status: 202, body: '' }));
    // The courier by API; the debt-recovery provider (an e-mail contact) by e-mail, as before.
    expect(await sendRecipientNotices(w.deps, { tenantId: 'bajtel', caseId: 'c1' })).toEqual(['erasure:courier', 'erasure:debt_recovery']);
    expect(w.api.sent).toHaveLength(1);
    expect(w.api.sent[0]).toMatchObject({ tenantId: 'bajtel', url: 'https://courier.example/gdpr/art19', payload: { type: 'rightsdesk.art19.notice', caseReference: expect.stringMatching(/^BAJ-/), right: 'erasure', categories: ['name, surname', 'telephone number', 'address'], replyDueAt: '2027-03-24T10:00:00.000Z', done: [{ system: expect.any(String), summary: 'Account deleted; orders masked.' }] } });
    expect(w.mails).toEqual([expect.objectContaining({ to: [expect.not.stringContaining('courier')] })]); // no e-mail to the API recipient
    expect(await w.task()).toMatchObject({ status: 'awaiting_reply', notice: { replyDueAt: '2027-03-24T10:00:00.000Z' } });
    // Sent once: a second call finds nothing due.
    expect(await sendRecipientNotices(w.deps, { tenantId: 'bajtel', caseId: 'c1' })).toEqual([]);
    expect(w.api.sent).toHaveLength(1);

    const verifier = new InMemoryCallbackVerifier();
    const signed = (payload: object) => `bajtel.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    await expect(receiveCallback({ ...w.fdeps, verifier }, { tenantId: 'bajtel', jws: `softera.${Buffer.from('{}').toString('base64url')}` })).rejects.toThrow(/signature/);
    await receiveCallback({ ...w.fdeps, verifier }, { tenantId: 'bajtel', jws: signed({ caseId: 'c1', taskId: 'erasure:courier', outcome: 'erased', summary: 'Deleted from our delivery records.' }) });
    expect(await w.task()).toMatchObject({ status: 'done', result: { outcome: 'erased', summary: 'Deleted from our delivery records.' }, notice: { reply: 'Deleted from our delivery records.' } });
  });

  it('finishes at once when the API confirms, and retries later when it fails', async () => {
    let answer = { status: 503, body: 'down' };
    const w = await world(() => answer);
    expect(await sendRecipientNotices(w.deps, { tenantId: 'bajtel', caseId: 'c1' })).toEqual(['erasure:debt_recovery']);
    expect((await w.task()).status).toBe('open');
    answer = { status: 200, body: JSON.stringify({ confirmed: true, summary: 'Erased from the parcel database.' }) };
    expect(await sendRecipientNotices(w.deps, { tenantId: 'bajtel', caseId: 'c1' })).toEqual(['erasure:courier']);
    // The same notice id both times: the recipient dedupes a retry.
    expect(w.api.sent.map((s) => s.payload.noticeId)).toEqual([w.api.sent[0]!.payload.noticeId, w.api.sent[0]!.payload.noticeId]);
    expect(await w.task()).toMatchObject({ status: 'done', result: { outcome: 'erased', summary: 'Recipient confirmed: Erased from the parcel database.' } });
  });
});
