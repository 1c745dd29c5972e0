import { describe, expect, it } from 'vitest';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { createSubjectNotifier } from '#usecases/notify-subject.ts';
import { sweepOutbox } from '#usecases/outbox-sweep.ts';
import { submitRequest } from '#usecases/submit-request.ts';
import { intakeCase } from '#usecases/workflow/intake.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import { fixedClock, RecordingMailer } from '../support/harness.ts';
import { RecordingAlerts } from '../support/workflow-fakes.ts';

function world() {
  const clock = fixedClock('2026-11-23T09:00:00Z');
  const repo = new InMemoryCaseRepository();
  const messages = new InMemoryMessageStore();
  const mailer = new RecordingMailer();
  const notifier = createSubjectNotifier({ tenants: tenantRegistry, messages, email: new MimeEmailSender(mailer), evidence: new InMemoryBlobStore(), clock });
  const started: string[] = [];
  const deps = {
    tenants: tenantRegistry,
    repo,
    mailer,
    clock,
    ids: { caseId: () => crypto.randomUUID() },
    notifier,
    outbox: repo.notices,
    workflows: { startCase: async (c: { id: string }) => void started.push(c.id), stopTimer: async () => undefined, sendDecision: async () => undefined },
  };
  return { clock, repo, mailer, deps, started };
}

const request = { rights: [{ type: 'access' as const }], subject: { name: 'Ona', email: 'ona@example.lt' }, language: 'en' as const };

describe('the acknowledgement outbox', () => {
  it('is owed with the case, retried by the sweeper after a failed send, and sent once', async () => {
    const w = world();
    w.mailer.failWith = new Error('SES is down');
    const { case: c } = await submitRequest(w.deps, { tenantId: 'softera', channel: 'api', actor: { kind: 'partner', id: 'shop' }, partnerId: 'shop', request });
    expect(c.acknowledgement.status).toBe('failed');
    expect(await w.repo.notices.countUnsent()).toBe(1);
    // Not due yet: the failed send is retried a minute later.
    expect(await sweepOutbox(w.deps, { limit: 10 })).toEqual({ attempted: 0, skipped: 0 });
    w.mailer.failWith = null;
    w.clock.set('2026-11-23T09:01:00Z');
    expect(await sweepOutbox(w.deps, { limit: 10 })).toEqual({ attempted: 1, skipped: 0 });
    expect(w.mailer.sent).toHaveLength(1);
    expect((await w.repo.getCase('softera', c.id))?.acknowledgement.status).toBe('sent');
    expect(await w.repo.notices.countUnsent()).toBe(0);
    w.clock.set('2026-11-23T10:00:00Z');
    expect(await sweepOutbox(w.deps, { limit: 10 })).toEqual({ attempted: 0, skipped: 0 });
    expect(w.mailer.sent).toHaveLength(1);
  });

  it('takes over the claim of a sender that died (its lease ran out), and a replay of the request starts the workflows again', async () => {
    const w = world();
    const idempotency = { scope: 'shop', key: 'order-1', fingerprint: 'f' };
    const { case: c } = await submitRequest(w.deps, { tenantId: 'softera', channel: 'api', actor: { kind: 'partner', id: 'shop' }, partnerId: 'shop', request, idempotency });
    expect(w.mailer.sent).toHaveLength(1);
    // Simulate a sender that claimed a second notice and died: a claim held until its lease ends.
    await w.repo.notices.claim('softera', c.id, 'extension', w.clock.now(), new Date('2026-11-23T09:02:00Z'));
    expect(await w.repo.notices.claim('softera', c.id, 'extension', w.clock.now(), new Date('2026-11-23T09:04:00Z'))).toEqual({ state: 'held' });
    w.clock.set('2026-11-23T09:03:00Z');
    expect(await w.repo.notices.claim('softera', c.id, 'extension', w.clock.now(), new Date('2026-11-23T09:05:00Z'))).toEqual({ state: 'claimed', attempts: 2 });
    expect(await w.repo.notices.claim('softera', c.id, 'acknowledgement', w.clock.now(), new Date('2026-11-23T09:05:00Z'))).toMatchObject({ state: 'sent' });

    const replayed = await submitRequest(w.deps, { tenantId: 'softera', channel: 'api', actor: { kind: 'partner', id: 'shop' }, partnerId: 'shop', request, idempotency });
    expect(replayed.replayed).toBe(true);
    expect(w.mailer.sent).toHaveLength(1);
    expect(w.started).toEqual([c.id, c.id]);
  });
  it('is left to the workflow’s intake step when the API says so: the request sends nothing, intake sends once, the sweeper only after 30 s', async () => {
    const w = world();
    const deps = { ...w.deps, acknowledgeInWorkflow: true };
    const { case: c, acknowledgementText } = await submitRequest(deps, { tenantId: 'softera', channel: 'api', actor: { kind: 'partner', id: 'shop' }, partnerId: 'shop', request });
    expect(c.acknowledgement.status).toBe('pending');
    expect(acknowledgementText).toContain(c.reference);
    expect(w.mailer.sent).toHaveLength(0);
    expect(w.started).toEqual([c.id]);
    // The sweeper leaves it to the workflow for 30 s.
    expect(await sweepOutbox(w.deps, { limit: 10 })).toEqual({ attempted: 0, skipped: 0 });
    const steps = { ...w.deps, alerts: new RecordingAlerts(w.clock), settings: DEFAULT_WORKFLOW_SETTINGS, acknowledgements: { outbox: w.repo.notices, mailer: w.mailer } };
    await intakeCase(steps, { tenantId: 'softera', caseId: c.id });
    expect(w.mailer.sent).toHaveLength(1);
    const stored = await w.repo.getCase('softera', c.id);
    expect(stored?.acknowledgement.status).toBe('sent');
    expect(stored?.status).not.toBe('received');
    // A retried intake step and a later sweep send nothing more.
    await intakeCase(steps, { tenantId: 'softera', caseId: c.id });
    w.clock.set('2026-11-23T09:05:00Z');
    await sweepOutbox(w.deps, { limit: 10 });
    expect(w.mailer.sent).toHaveLength(1);
  });

  it('leaves a web form’s acknowledgement to the form’s own request: a sweep while it makes its links sends nothing, and the one e-mail carries them', async () => {
    const w = world();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let making!: () => void;
    const makingLinks = new Promise<void>((resolve) => (making = resolve));
    const webFormLinks = async () => {
      making();
      await gate;
      return { confirmUrl: 'https://privacy.test/forms/gautora/confirm?token=t', confirmExpiresAt: '2026-11-25T09:00:00.000Z', statusUrl: 'https://privacy.test/forms/gautora/status?token=s' };
    };
    const submitted = submitRequest({ ...w.deps, webFormLinks }, { tenantId: 'gautora', channel: 'web_form', actor: { kind: 'subject', id: 'ona@example.lt' }, request });
    await makingLinks;
    // The case and its owed acknowledgement are stored; the sweeper (which cannot make the links) runs now.
    expect(await w.repo.notices.countUnsent()).toBe(1);
    expect(await sweepOutbox(w.deps, { limit: 10 })).toEqual({ attempted: 0, skipped: 0 });
    open();
    await submitted;
    expect(w.mailer.sent).toHaveLength(1);
    expect(w.mailer.sent[0]!.text).toContain('https://privacy.test/forms/gautora/confirm?token=t');
  });

  it('records an acknowledgement given in the response in the case’s first write', async () => {
    const w = world();
    const { case: c } = await submitRequest(w.deps, { tenantId: 'softera', channel: 'api', actor: { kind: 'partner', id: 'shop' }, partnerId: 'shop', request: { ...request, subject: { name: 'Ona' } } });
    expect(c.acknowledgement.status).toBe('in_response');
    expect(c.version).toBe(1);
    expect((await w.repo.getCase('softera', c.id))?.acknowledgement.status).toBe('in_response');
  });
});
