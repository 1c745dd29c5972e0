import { beforeEach, describe, expect, it } from 'vitest';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryInboundLedger } from '#adapters/memory/inbound-ledger.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { PostalMimeParser } from '#adapters/mail/postal-mime-parser.ts';
import type { Case } from '#domain/case.ts';
import type { CaseRepository } from '#ports/cases.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { createSubjectNotifier } from '#usecases/notify-subject.ts';
import { acceptInbound, processInbound, sweepInbound, type InboundLedgerDeps, type RedrivePolicy } from '#usecases/process-inbound.ts';
import { listUnprocessed, requeueUnprocessed, unprocessedRaw } from '#usecases/unprocessed-inbound.ts';
import { fixedClock, RecordingMailer } from '../support/harness.ts';

const mailbox = tenantRegistry.get('softera').mailbox;
const crlf = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
const policy: RedrivePolicy = { graceMs: 60_000, backoffMs: [60_000, 120_000] };

/** A repository whose createCase throws what `failure()` returns (the holiday calendar's RangeError, an outage). */
function failing(repo: CaseRepository, failure: () => Error | null): CaseRepository {
  return new Proxy(repo, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === 'createCase') {
        return async (c: Case, ...rest: unknown[]) => {
          const error = failure();
          if (error) throw error;
          return (value as (...args: unknown[]) => Promise<unknown>).call(target, c, ...rest);
        };
      }
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('the inbound ledger and its sweeper', () => {
  let clock: ReturnType<typeof fixedClock>;
  let deps: InboundLedgerDeps;
  let ledger: InMemoryInboundLedger;
  let messages: InMemoryMessageStore;
  let inbound: InMemoryBlobStore;
  let mailer: RecordingMailer;
  let failure: Error | null;
  let n = 0;

  beforeEach(() => {
    clock = fixedClock('2026-11-23T09:00:00Z');
    ledger = new InMemoryInboundLedger();
    messages = new InMemoryMessageStore();
    inbound = new InMemoryBlobStore();
    mailer = new RecordingMailer();
    failure = null;
    const evidence = new InMemoryBlobStore();
    deps = {
      tenants: tenantRegistry,
      repo: failing(new InMemoryCaseRepository(), () => failure),
      mailer,
      clock,
      ids: { caseId: () => crypto.randomUUID() },
      messages,
      notifier: createSubjectNotifier({ tenants: tenantRegistry, messages, email: new MimeEmailSender(mailer), evidence, clock }),
      parser: new PostalMimeParser(),
      inboundMail: inbound,
      evidence,
      ledger,
    };
  });

  async function store(lines: string[]) {
    const deliveryId = `d${++n}`;
    await inbound.put(`inbound/${deliveryId}`, crlf(lines), 'message/rfc822');
    return { rawKey: `inbound/${deliveryId}`, receivedAt: clock.now(), recipients: [mailbox], deliveryId };
  }
  const request = (id: string) => ['From: Ona <ona@example.lt>', `To: ${mailbox}`, 'Subject: Prašymas', `Message-ID: <${id}@example.lt>`, '', 'Prašau ištrinti mano duomenis.'];

  it('records every stored message with its outcome; a redelivery keeps the first outcome', async () => {
    const input = await store(request('ok'));
    const entry = await acceptInbound(deps, input, policy);
    expect(entry).toMatchObject({ status: 'pending', attempts: 0, tenantId: 'softera', nextAttemptAt: '2026-11-23T09:01:00.000Z' });
    const result = await processInbound(deps, input, policy);
    expect(result.outcome).toBe('created');
    expect(await ledger.get(input.deliveryId)).toMatchObject({ status: 'done', outcome: 'case', caseId: result.caseId });
    expect((await processInbound(deps, input, policy)).outcome).toBe('duplicate');
    expect(await ledger.get(input.deliveryId)).toMatchObject({ status: 'done', outcome: 'case' });
    expect(await ledger.countPending()).toBe(0);
  });

  it('keeps a message whose processing throws, re-drives it with backoff, then lists it as could-not-be-processed with its raw and a retry', async () => {
    failure = new RangeError('Public holidays are known for 2000–2100, not 1990');
    const input = await store(request('broken'));
    await expect(processInbound(deps, input, policy)).rejects.toThrow(RangeError);
    expect(await ledger.get(input.deliveryId)).toMatchObject({ status: 'pending', attempts: 0, lastError: expect.stringContaining('RangeError') });

    // Not due before the grace period ends.
    expect(await sweepInbound(deps, { limit: 10, policy })).toEqual({ redriven: 0, settled: 0, gaveUp: 0 });
    clock.set('2026-11-23T09:01:00Z');
    expect(await sweepInbound(deps, { limit: 10, policy })).toEqual({ redriven: 1, settled: 0, gaveUp: 0 });
    expect(await ledger.get(input.deliveryId)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-11-23T09:02:00.000Z' });
    clock.set('2026-11-23T09:02:00Z');
    expect(await sweepInbound(deps, { limit: 10, policy })).toEqual({ redriven: 1, settled: 0, gaveUp: 0 });
    clock.set('2026-11-23T09:04:00Z');
    expect(await sweepInbound(deps, { limit: 10, policy })).toEqual({ redriven: 1, settled: 0, gaveUp: 1 });

    const failed = await listUnprocessed(deps, { tenantId: 'softera', limit: 10 });
    expect(failed.map((e) => [e.deliveryId, e.status, e.attempts])).toEqual([[input.deliveryId, 'failed', 3]]);
    expect(await listUnprocessed(deps, { tenantId: 'gautora', limit: 10 })).toEqual([]);
    expect((await messages.listFlagged('softera', 10)).map((f) => f.flag)).toEqual(['processing_failed']);
    expect(new TextDecoder().decode(await unprocessedRaw(deps, { tenantId: 'softera', deliveryId: input.deliveryId }))).toContain('Message-ID: <broken@example.lt>');
    await expect(unprocessedRaw(deps, { tenantId: 'gautora', deliveryId: input.deliveryId })).rejects.toThrow('No such inbound message');
    expect(await ledger.countPending()).toBe(0);

    // The cause is fixed; one click makes it due, and the next sweep processes it once.
    failure = null;
    expect(await requeueUnprocessed(deps, { tenantId: 'softera', deliveryId: input.deliveryId })).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await sweepInbound(deps, { limit: 10, policy })).toEqual({ redriven: 1, settled: 1, gaveUp: 0 });
    expect(await ledger.get(input.deliveryId)).toMatchObject({ status: 'done', outcome: 'case' });
    expect(mailer.sent).toHaveLength(1);
    await expect(requeueUnprocessed(deps, { tenantId: 'softera', deliveryId: input.deliveryId })).rejects.toThrow('processed already');
  });

  it('lets only one of two concurrent sweeps take an entry', async () => {
    failure = new Error('store down');
    const input = await store(request('race'));
    await expect(processInbound(deps, input, policy)).rejects.toThrow('store down');
    failure = null;
    clock.set('2026-11-23T09:01:00Z');
    const [a, b] = await Promise.all([sweepInbound(deps, { limit: 10, policy }), sweepInbound(deps, { limit: 10, policy })]);
    expect(a.redriven + b.redriven).toBe(1);
    expect(mailer.sent).toHaveLength(1);
  });

  it('opens one case, sends one acknowledgement and starts its workflows on every path when the same Message-ID arrives 8 times at once', async () => {
    const repo = new InMemoryCaseRepository();
    const started: string[] = [];
    const workflows = { startCase: async (c: { id: string }) => void started.push(c.id), stopTimer: async () => undefined, sendDecision: async () => undefined };
    // A slow mailer widens the window between the claim and the record.
    const slow = { send: async (m: Parameters<RecordingMailer['send']>[0]) => { await new Promise((r) => setTimeout(r, 20)); return mailer.send(m); } };
    const evidence = new InMemoryBlobStore();
    const racing: InboundLedgerDeps = {
      ...deps,
      repo,
      outbox: repo.notices,
      workflows,
      notifier: createSubjectNotifier({ tenants: tenantRegistry, messages, email: new MimeEmailSender(slow), evidence, clock }),
    };
    const inputs = await Promise.all(Array.from({ length: 8 }, () => store(request('burst'))));
    const results = await Promise.allSettled(inputs.map((input) => processInbound(racing, input, policy)));
    // A loser may fail (its retry and the sweeper finish the job); a second pass settles everything.
    for (const [i, r] of results.entries()) if (r.status === 'rejected') await processInbound(racing, inputs[i]!, policy);
    const caseIds = new Set(results.flatMap((r) => (r.status === 'fulfilled' && r.value.caseId ? [r.value.caseId] : [])));
    expect(caseIds.size).toBe(1);
    const [caseId] = [...caseIds];
    expect(mailer.sent).toHaveLength(1);
    expect((await repo.getCase('softera', String(caseId)))?.acknowledgement.status).toBe('sent');
    expect(await repo.notices.countUnsent()).toBe(0);
    expect(new Set(started)).toEqual(new Set([caseId]));
    expect(started.length).toBeGreaterThanOrEqual(2);
  });

  it('does not let a forwarded message dated 1990 fail the mail: the receipt is ours and the date is flagged', async () => {
    const staff = `dpo@${mailbox.split('@')[1]}`;
    const input = await store([
      `From: ${staff}`,
      `To: ${mailbox}`,
      'Subject: Fwd: Prašymas',
      'Message-ID: <fwd-1990@example.lt>',
      '',
      '---------- Forwarded message ---------',
      'From: Jonas <jonas@example.lt>',
      'Date: Mon, 1 Jan 1990 10:00:00 +0000',
      'Subject: Prašymas',
      '',
      'Prašau ištrinti mano duomenis.',
    ]);
    const result = await processInbound(deps, input, policy);
    expect(result.outcome).toBe('created');
    const c = await deps.repo.getCase('softera', String(result.caseId));
    expect(c?.receivedAt).toBe('2026-11-23T09:00:00.000Z');
    expect(c?.subject.email).toBe('jonas@example.lt');
    const forwarded = (await messages.listFlagged('softera', 10)).find((f) => f.flag === 'forwarded');
    expect(forwarded?.reason).toContain('1990-01-01T10:00:00.000Z');
  });
});
