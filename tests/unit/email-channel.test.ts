import { beforeEach, describe, expect, it } from 'vitest';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { PostalMimeParser } from '#adapters/mail/postal-mime-parser.ts';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { createSubjectNotifier } from '#usecases/notify-subject.ts';
import { readFile } from 'node:fs/promises';
import { receiveEmail } from '#usecases/receive-email.ts';
import type { InboundLedgerDeps } from '#usecases/process-inbound.ts';
import { createInboundEmailHandler } from '../../functions/inbound-email/handler.ts';
import { InMemoryInboundLedger } from '#adapters/memory/inbound-ledger.ts';
import { createSesNotificationHandler } from '../../functions/ses-notifications/handler.ts';
import { harness, type Harness } from '../support/harness.ts';

const mailbox = tenantRegistry.get('softera').mailbox;
const crlf = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

describe('receiveEmail with in-memory adapters', () => {
  let h: Harness;
  let deps: InboundLedgerDeps;
  let inbound: InMemoryBlobStore;
  let n = 0;

  beforeEach(async () => {
    h = await harness({ now: '2026-11-23T09:00:00Z' });
    n = 0;
    inbound = new InMemoryBlobStore();
    const evidence = new InMemoryBlobStore();
    deps = {
      tenants: tenantRegistry,
      repo: h.repo,
      mailer: h.mailer,
      clock: h.clock,
      ids: { caseId: () => crypto.randomUUID() },
      messages: h.messages,
      notifier: createSubjectNotifier({ tenants: tenantRegistry, messages: h.messages, email: new MimeEmailSender(h.mailer), evidence, clock: h.clock }),
      parser: new PostalMimeParser(),
      inboundMail: inbound,
      evidence,
      ledger: new InMemoryInboundLedger(),
    };
  });

  async function deliver(lines: string[], recipients = [mailbox]) {
    const id = `d${++n}`;
    await inbound.put(`inbound/${id}`, crlf(lines), 'message/rfc822');
    return receiveEmail(deps, { rawKey: `inbound/${id}`, receivedAt: new Date('2026-11-23T08:59:00Z'), recipients, deliveryId: id });
  }
  const staff = async (tenant: string) => h.issuer.mintStaffToken({ tenant, role: 'agent' });

  it('opens a case received at the mail server timestamp and acknowledges it as a threaded reply', async () => {
    // Act
    const result = await deliver(['From: Ona <ona@example.lt>', `To: ${mailbox}`, 'Subject: Duomenys', 'Message-ID: <m1@example.lt>', '', 'Noriu susipažinti su savo duomenimis.']);
    // Assess
    expect(result).toMatchObject({ outcome: 'created', reference: 'SOF-2026-000001' });
    const c = await h.repo.getCase('softera', result.outcome === 'created' ? result.caseId : '');
    expect(c).toMatchObject({ channel: 'email', receivedAt: '2026-11-23T08:59:00.000Z', language: 'lt', acknowledgement: { status: 'sent' } });
    const [sent] = h.mailer.sent;
    expect(sent?.subject).toBe('Re: Duomenys [SOF-2026-000001]');
    expect(sent?.headers).toMatchObject({ 'In-Reply-To': '<m1@example.lt>', References: '<m1@example.lt>', 'X-Rightsdesk-Case': 'SOF-2026-000001' });
    const events = await h.repo.listEvents('softera', c!.id);
    // The classification is born with the case (one write before the workflow starts), so it precedes the acknowledgement.
    expect(events.map((e) => e.type)).toEqual(['case.received', 'email.classified', 'acknowledgement.sent']);
  });

  it('treats the same Message-ID as one request whatever the delivery', async () => {
    const mail = ['From: ona@example.lt', `To: ${mailbox}`, 'Subject: Access', 'Message-ID: <same@example.lt>', '', 'Right of access.'];
    const first = await deliver(mail);
    const second = await deliver(mail);
    expect(second).toEqual({ outcome: 'duplicate', caseId: first.caseId });
    expect(h.mailer.sent).toHaveLength(1);
  });

  it('flags, and keeps, a message that cannot be parsed', async () => {
    const result = await deliver(['\u0000\u0001 not mail at all']);
    expect(result).toEqual({ outcome: 'flagged', flag: 'unparseable', caseId: null });
    expect(await h.messages.listFlagged('softera', 10)).toMatchObject([{ flag: 'unparseable', rawKey: 'inbound/d1' }]);
    expect(h.mailer.sent).toHaveLength(0);
  });

  it('flags a message without a sender address instead of opening a case', async () => {
    expect(await deliver([`To: ${mailbox}`, 'Subject: x', 'Message-ID: <nf@example.lt>', '', 'Please delete my data.'])).toMatchObject({ outcome: 'flagged', flag: 'no_sender' });
  });

  it('opens an information request and flags it for staff when no right is recognised', async () => {
    const result = await deliver(['From: ona@example.lt', `To: ${mailbox}`, 'Subject: Klausimas', 'Message-ID: <q@example.lt>', '', 'Kada atidarote parduotuvę?']);
    const c = await h.repo.getCase('softera', String(result.caseId));
    expect(c?.rights.map((r) => r.type)).toEqual(['information']);
    expect((await h.messages.listFlagged('softera', 10)).map((f) => f.flag)).toEqual(['unclassified']);
  });

  it('threads later notices on the subject’s last message', async () => {
    const result = await deliver(['From: ona@example.lt', `To: ${mailbox}`, 'Subject: Access', 'Message-ID: <t1@example.lt>', '', 'Right of access.']);
    const c = (await h.repo.getCase('softera', String(result.caseId)))!;
    await deliver(['From: ona@example.lt', `To: ${mailbox}`, 'Subject: Re: Access [SOF-2026-000001]', 'Message-ID: <t2@example.lt>', 'In-Reply-To: <t1@example.lt>', 'References: <t1@example.lt>', '', 'Attached.']);
    await deps.notifier!.notify(c, { kind: 'extension', reasons: ['Many systems to search'] });
    const last = h.mailer.sent.at(-1);
    expect(last?.subject).toBe('Re: Access [SOF-2026-000001]');
    expect(last?.headers).toMatchObject({ 'In-Reply-To': '<t2@example.lt>', References: '<t1@example.lt> <t2@example.lt>' });
    const stored = (await h.messages.listMessages('softera', c.id)).find((m) => m.notice === 'extension');
    expect(stored).toMatchObject({ direction: 'outbound', notice: 'extension', inReplyTo: '<t2@example.lt>' });
    expect(stored?.raw).toContain('References: <t1@example.lt> <t2@example.lt>');
  });

  it('sends a notice once per case state: a retried step does not resend, a later state does', async () => {
    const result = await deliver(['From: ona@example.lt', `To: ${mailbox}`, 'Subject: Access', 'Message-ID: <k1@example.lt>', '', 'Right of access.']);
    const c = (await h.repo.getCase('softera', String(result.caseId)))!;
    const before = h.mailer.sent.length;
    const first = await deps.notifier!.notify(c, { kind: 'fee', reasons: ['Third copy this month'] });
    const retried = await deps.notifier!.notify(c, { kind: 'fee', reasons: ['Third copy this month'] });
    expect(retried).toEqual(first);
    expect(h.mailer.sent.length).toBe(before + 1);
    // Another notice kind at the same state, and the same kind after a saved change, are sent.
    await deps.notifier!.notify(c, { kind: 'extension', reasons: ['Many systems to search'] });
    await deps.notifier!.notify({ ...c, version: c.version + 1 }, { kind: 'fee', reasons: ['Fourth copy this month'] });
    expect(h.mailer.sent.length).toBe(before + 3);
    const fees = (await h.messages.listMessages('softera', c.id)).filter((m) => m.notice === 'fee');
    expect(fees.map((m) => m.noticeKey).sort()).toEqual([`fee#v${c.version}`, `fee#v${c.version + 1}`]);
  });

  it('lets staff find the case by reference, e-mail and name, and read its messages; other tenants get 404', async () => {
    const result = await deliver(['From: Ona Petraitienė <ona@example.lt>', `To: ${mailbox}`, 'Subject: Access', 'Message-ID: <s1@example.lt>', '', 'Right of access.']);
    const token = await staff('softera');
    for (const q of ['SOF-2026-000001', 'ONA@example.lt', 'petraitiene', 'Ona Petraitienė']) {
      const response = await h.get(`/console/api/cases?q=${encodeURIComponent(q)}`, token);
      expect(((await response.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id)).toEqual([result.caseId]);
    }
    const messages = (await (await h.get(`/console/api/cases/${String(result.caseId)}/messages`, token)).json()) as { items: Array<Record<string, unknown>> };
    expect(messages.items.map((m) => m.direction)).toEqual(['inbound', 'outbound']);
    expect(messages.items[1]).toMatchObject({ channel: 'email', inReplyTo: '<s1@example.lt>', references: ['<s1@example.lt>'] });
    expect(typeof messages.items[1]?.raw).toBe('string');
    const other = await h.get(`/console/api/cases/${String(result.caseId)}/messages`, await staff('gautora'));
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
  });

  it('handles the sample SES receipt event (events/ses/inbound-email.json) from the raw at prefix + SES message id', async () => {
    const event = JSON.parse(await readFile('events/ses/inbound-email.json', 'utf8')) as unknown;
    await inbound.put('inbound/o3vrnil0g2ajsa5ohc2u9gjjl2vjaugb1kgo1981', crlf(['From: Ona Petraitienė <ona@example.lt>', `To: ${mailbox}`, 'Subject: Prašymas', 'Message-ID: <sample-1@example.lt>', '', 'Prašau ištrinti mano duomenis.']), 'message/rfc822');
    const handler = createInboundEmailHandler(deps, { keyPrefix: 'inbound/' });
    const { results } = await handler(event);
    expect(results).toMatchObject([{ outcome: 'created' }]);
    await expect(handler({ Records: [] })).rejects.toThrow();
  });

  it('flags the case when SES reports a bounce of our acknowledgement through SNS', async () => {
    const result = await deliver(['From: ona@example.lt', `To: ${mailbox}`, 'Subject: Access', 'Message-ID: <sns@example.lt>', '', 'Right of access.']);
    const ack = (await h.messages.listMessages('softera', String(result.caseId))).find((m) => m.direction === 'outbound');
    const notification = { notificationType: 'Bounce', mail: { messageId: ack?.providerMessageId, source: mailbox, timestamp: '2026-11-23T09:00:01Z' }, bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'ona@example.lt' }] } };
    const handler = createSesNotificationHandler({ tenants: tenantRegistry, repo: h.repo, messages: h.messages, clock: h.clock });
    expect(await handler({ Records: [{ Sns: { Message: JSON.stringify(notification), Timestamp: '2026-11-23T09:00:02Z' } }] })).toEqual({ flagged: 1, delivered: 0 });
    expect((await h.messages.listFlagged('softera', 10)).find((f) => f.flag === 'bounce')).toMatchObject({ caseId: result.caseId });
    expect((await h.repo.listEvents('softera', String(result.caseId))).at(-1)?.type).toBe('email.bounced');
    expect(h.mailer.sent).toHaveLength(1);
  });

  it('records on the case that SES delivered our acknowledgement, once even when SNS repeats it', async () => {
    const result = await deliver(['From: ona@example.lt', `To: ${mailbox}`, 'Subject: Access', 'Message-ID: <dlv@example.lt>', '', 'Right of access.']);
    const ack = (await h.messages.listMessages('softera', String(result.caseId))).find((m) => m.direction === 'outbound');
    const notification = { eventType: 'Delivery', mail: { messageId: ack?.providerMessageId, source: mailbox, timestamp: '2026-11-23T09:00:01Z' }, delivery: { timestamp: '2026-11-23T09:00:03.120Z', recipients: ['ona@example.lt'] } };
    const handler = createSesNotificationHandler({ tenants: tenantRegistry, repo: h.repo, messages: h.messages, clock: h.clock });
    const sns = { Records: [{ Sns: { Message: JSON.stringify(notification), Timestamp: '2026-11-23T09:00:04Z' } }] };
    expect(await handler(sns)).toEqual({ flagged: 0, delivered: 1 });
    await handler(sns);
    const delivered = (await h.repo.listEvents('softera', String(result.caseId))).filter((e) => e.type === 'email.delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ visibility: 'internal', details: { messageId: ack?.messageId, recipients: ['ona@example.lt'], deliveredAt: '2026-11-23T09:00:03.120Z' } });
    expect(await h.messages.listFlagged('softera', 10)).toEqual([]);
  });

  it('rejects a search without a query as a validation problem', async () => {
    const response = await h.get('/console/api/cases', await staff('softera'));
    expect(response.status).toBe(422);
  });
});
