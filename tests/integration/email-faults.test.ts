import { afterEach, describe, expect, it } from 'vitest';
import type { Case } from '#domain/case.ts';
import type { CaseRepository } from '#ports/cases.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { createInboundEmailHandler } from '../../functions/inbound-email/handler.ts';
import { receiptEvent } from '../../local/services/smtp-local.ts';
import { sweepInbound } from '#usecases/process-inbound.ts';
import { rawMail, startEmailRig, unique, type EmailRig } from './email-support.ts';
import { underRole } from '../../local/iam/enforce.ts';

const mailbox = tenantRegistry.get('bajtel').mailbox;
let rig: EmailRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

/** A repository that fails the chosen operation while `failing()` says so: the store going down mid-way. */
function faulty(repo: CaseRepository, failing: (op: 'createCase' | 'saveCase', c: Case) => boolean): CaseRepository {
  return new Proxy(repo, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === 'createCase' || property === 'saveCase') {
        return async (c: Case, ...rest: unknown[]) => {
          if (failing(property, c)) throw new Error(`injected ${property} failure`);
          return (value as (...args: unknown[]) => Promise<unknown>).call(target, c, ...rest);
        };
      }
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const request = (from: string) => rawMail([`From: ${from}`, `To: ${mailbox}`, 'Subject: Prašymas', `Message-ID: <f-${unique()}@example.lt>`, '', 'Prašau ištrinti mano duomenis.']);

describe('inbound e-mail when the store fails mid-way', () => {
  it('processes the message once when the retry after a failed case write succeeds', async () => {
    let failures = 1;
    rig = await startEmailRig({ wrapRepo: (repo) => faulty(repo, (op) => op === 'createCase' && failures-- > 0) });
    const from = `retry.${unique()}@example.lt`;
    await rig.send(request(from), { from, to: [mailbox] });
    expect(failures).toBe(-1);
    expect(await rig.caseFor('bajtel', from)).toHaveLength(1);
    expect(await rig.outboxTo(from)).toHaveLength(1);
    const [c] = await rig.caseFor('bajtel', from);
    expect((await rig.messages('bajtel', String(c?.id))).map((m) => m.direction)).toEqual(['inbound', 'outbound']);
  });

  it('does not acknowledge twice when the case update after the acknowledgement fails', async () => {
    let failures = 1;
    rig = await startEmailRig({ wrapRepo: (repo) => faulty(repo, (op, c) => op === 'saveCase' && c.acknowledgement.status === 'sent' && failures-- > 0) });
    const from = `ackfail.${unique()}@example.lt`;
    await rig.send(request(from), { from, to: [mailbox] });
    const [c] = await rig.caseFor('bajtel', from);
    expect(c?.acknowledgement).toMatchObject({ status: 'sent' });
    expect(await rig.outboxTo(from)).toHaveLength(1);
  });

  it('keeps the raw mail when every attempt fails, and a later redrive processes it exactly once', async () => {
    let down = true;
    rig = await startEmailRig({ retryDelaysMs: [], wrapRepo: (repo) => faulty(repo, (op) => op === 'createCase' && down) });
    const from = `redrive.${unique()}@example.lt`;
    const receivedBefore = new Date();
    await rig.send(request(from), { from, to: [mailbox] });
    expect(await rig.caseFor('bajtel', from)).toHaveLength(0);
    const line = rig.failures.find((l) => l.includes('injected createCase failure'));
    const key = /inbound mail (\S+):/.exec(line ?? '')?.[1];
    expect(key).toBeDefined();
    expect(await rig.rawExists(key!)).toBe(true);

    down = false;
    const deliveryId = key!.slice(rig.config.inboundPrefix.length);
    const handler = underRole('inbound-email', createInboundEmailHandler(rig.deps, { keyPrefix: rig.config.inboundPrefix }));
    const event = receiptEvent(deliveryId, receivedBefore, { envelope: { mailFrom: { address: from, args: false }, rcptTo: [{ address: mailbox, args: false }] } });
    expect((await handler(event)).results[0]).toMatchObject({ outcome: 'created' });
    expect((await handler(event)).results[0]).toMatchObject({ outcome: 'duplicate' });
    expect(await rig.caseFor('bajtel', from)).toHaveLength(1);
    expect(await rig.outboxTo(from)).toHaveLength(1);
  });
});

describe('the inbound ledger on DynamoDB', () => {
  it('keeps a mail that fails every time pending, lists it for staff after the last re-drive, and a one-click retry processes it once', async () => {
    let down = true;
    rig = await startEmailRig({ retryDelaysMs: [], wrapRepo: (repo) => faulty(repo, (op) => op === 'createCase' && down) });
    const from = `ledger.${unique()}@example.lt`;
    await rig.send(request(from), { from, to: [mailbox] });
    const key = /inbound mail (\S+):/.exec(rig.failures.find((l) => l.includes('injected createCase failure')) ?? '')?.[1];
    const deliveryId = key!.slice(rig.config.inboundPrefix.length);
    expect(await rig.deps.ledger.get(deliveryId)).toMatchObject({ status: 'pending', attempts: 0, tenantId: 'bajtel', lastError: expect.stringContaining('injected createCase failure') });

    // A policy with no waiting: due at once, one gap, so two re-drives and then it is given up.
    const policy = { graceMs: 0, backoffMs: [0] };
    // The listener's grace period (minutes) has not passed: not due yet, and no sweep takes it.
    expect(await rig.deps.ledger.claim(deliveryId, new Date(), new Date())).toBeNull();
    // As if the sweeper ran after the grace period: re-drive 1 is counted and the entry is due again.
    expect(await rig.deps.ledger.claim(deliveryId, new Date(Date.now() + 3_600_000), new Date(Date.now() - 1))).toMatchObject({ attempts: 1 });
    for (let round = 0; round < 5 && (await rig.deps.ledger.get(deliveryId))?.status === 'pending'; round++) await sweepInbound(rig.deps, { limit: 100, policy });
    expect(await rig.deps.ledger.get(deliveryId)).toMatchObject({ status: 'failed' });

    const listed = await rig.staffGet('bajtel', '/console/api/inbound/unprocessed');
    const item = (listed.json.items as Array<Record<string, unknown>>).find((i) => i.deliveryId === deliveryId);
    expect(item).toMatchObject({ status: 'failed', lastError: expect.stringContaining('injected createCase failure') });
    expect((await rig.staffGet('gautora', '/console/api/inbound/unprocessed')).json.items).not.toContainEqual(expect.objectContaining({ deliveryId }));
    const token = await rig.issuer.mintStaffToken({ tenant: 'bajtel', role: 'agent' });
    const raw = await rig.app.request(String(item?.rawUrl), { headers: { authorization: `Bearer ${token}` } });
    expect(await raw.text()).toContain(`From: ${from}`);
    const flagged = await rig.staffGet('bajtel', '/console/api/inbound/flagged');
    expect(flagged.json.items).toContainEqual(expect.objectContaining({ flag: 'processing_failed', rawKey: key }));

    down = false;
    const retried = await rig.app.request(String(item?.retryUrl), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(retried.status).toBe(202);
    await sweepInbound(rig.deps, { limit: 100, policy });
    expect(await rig.deps.ledger.get(deliveryId)).toMatchObject({ status: 'done', outcome: 'case' });
    expect(await rig.caseFor('bajtel', from)).toHaveLength(1);
    expect(await rig.outboxTo(from)).toHaveLength(1);
  });
});
