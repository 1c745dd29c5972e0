import { afterEach, describe, expect, it } from 'vitest';
import type { Case } from '#domain/case.ts';
import type { CaseRepository } from '#ports/cases.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { createInboundEmailHandler } from '../../functions/inbound-email/handler.ts';
import { receiptEvent } from '../../local/services/smtp-local.ts';
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
