import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantRegistry } from '#tenants/registry.ts';
import { header, rawMail, startEmailRig, unique, type EmailRig } from './email-support.ts';

const softera = tenantRegistry.get('softera');
const gautora = tenantRegistry.get('gautora');
let rig: EmailRig;

beforeAll(async () => {
  rig = await startEmailRig();
});
afterAll(async () => {
  await rig?.stop();
});

async function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<string> {
  const message = new MailComposer(options).compile();
  return new Promise((resolve, reject) => message.build((error, built) => (error ? reject(error) : resolve(built.toString('utf8')))));
}

describe('inbound e-mail through the SMTP listener', () => {
  it('opens an e-mail case, classifies it and acknowledges it in the same thread when a subject writes', async () => {
    const from = `ona.${unique()}@example.lt`;
    const messageId = `<req-${unique()}@example.lt>`;
    const transport = nodemailer.createTransport({ host: rig.smtp.host, port: rig.smtp.port, secure: false, ignoreTLS: true });
    const before = Date.now();
    await transport.sendMail({
      from: `Ona Petraitienė <${from}>`,
      to: softera.mailbox,
      subject: 'Dėl mano duomenų',
      messageId,
      text: 'Laba diena,\nprašau ištrinti mano duomenis ir noriu susipažinti su savo duomenimis.\nPagarbiai, Ona',
    });
    transport.close();

    const [c] = await rig.caseFor('softera', from);
    expect(c).toMatchObject({ channel: 'email', language: 'lt', subject: { name: 'Ona Petraitienė', email: from } });
    expect((c?.rights as Array<{ type: string }>).map((r) => r.type).sort()).toEqual(['access', 'erasure']);
    expect(JSON.stringify(c?.rights)).toContain('ištrinti');
    const receivedAt = Date.parse(String(c?.receivedAt));
    expect(receivedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(receivedAt).toBeLessThanOrEqual(Date.now());

    const [ack] = await rig.outboxTo(from);
    expect(ack?.from).toBe(softera.mailbox);
    expect(ack?.subject).toBe(`Re: Dėl mano duomenų [${String(c?.reference)}]`);
    expect(header(ack!, 'In-Reply-To')).toBe(messageId);
    expect(header(ack!, 'References')).toBe(messageId);
    expect(ack?.body.text).toContain('Gavome Jūsų prašymą');

    const messages = await rig.messages('softera', String(c?.id));
    expect(messages.map((m) => m.direction)).toEqual(['inbound', 'outbound']);
    expect(messages[0]).toMatchObject({ channel: 'email', messageId, inReplyTo: null, subject: 'Dėl mano duomenų' });
    expect(messages[1]).toMatchObject({ channel: 'email', inReplyTo: messageId, references: [messageId], messageId: header(ack!, 'Message-ID') });
    expect(String(messages[1]?.raw)).toContain(`In-Reply-To: ${messageId}`);
    expect(String(messages[1]?.raw)).toContain(`Message-ID: ${header(ack!, 'Message-ID')}`);
    expect(String(messages[0]?.raw)).toContain(`Message-ID: ${messageId}`);
  });

  it('makes one case and one acknowledgement when the same raw message arrives three times', async () => {
    const from = `jonas.${unique()}@example.lt`;
    const raw = await compose({ from, to: softera.mailbox, subject: 'Right of access', messageId: `<dup-${unique()}@example.lt>`, text: 'I ask for a copy of my personal data.' });
    for (let i = 0; i < 3; i++) await rig.send(raw, { from, to: [softera.mailbox] });
    // …and three more at once, as a retrying MTA might.
    await Promise.all([1, 2, 3].map(() => rig.send(raw, { from, to: [softera.mailbox] })));
    expect(await rig.caseFor('softera', from)).toHaveLength(1);
    expect(await rig.outboxTo(from)).toHaveLength(1);
  });

  it('opens a case with a fresh subject carrying the reference when the mail has no subject', async () => {
    const from = `nosubject.${unique()}@example.lt`;
    await rig.send(rawMail([`From: ${from}`, `To: ${softera.mailbox}`, `Message-ID: <ns-${unique()}@example.lt>`, 'Content-Type: text/plain; charset=utf-8', '', 'Please delete my account and all my data.']), { from, to: [softera.mailbox] });
    const [c] = await rig.caseFor('softera', from);
    expect((c?.rights as Array<{ type: string }>).map((r) => r.type)).toEqual(['erasure']);
    const [ack] = await rig.outboxTo(from);
    expect(ack?.subject).toContain(String(c?.reference));
    expect(ack?.subject.startsWith('Re:')).toBe(false);
  });

  it('reads the request from the HTML part when the mail has only HTML', async () => {
    const from = `html.${unique()}@example.lt`;
    await rig.send(
      rawMail([`From: ${from}`, `To: ${softera.mailbox}`, 'Subject: Request', `Message-ID: <html-${unique()}@example.lt>`, 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '', '<html><body><p>Hello,</p><p>Please <b>unsubscribe</b> me from your newsletter.</p></body></html>']),
      { from, to: [softera.mailbox] },
    );
    const [c] = await rig.caseFor('softera', from);
    expect((c?.rights as Array<{ type: string }>).map((r) => r.type)).toEqual(['direct_marketing_objection']);
  });

  it('decodes quoted-printable Lithuanian text', async () => {
    const from = `qp.${unique()}@example.lt`;
    await rig.send(
      rawMail([
        `From: =?UTF-8?Q?Petras_Petrait=C4=97?= <${from}>`,
        `To: ${softera.mailbox}`,
        'Subject: =?UTF-8?Q?Pra=C5=A1ymas?=',
        `Message-ID: <qp-${unique()}@example.lt>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Sveiki, noriu susipa=C5=BEinti su savo duomenimis, kuriuos j=C5=ABs tvarkote.=',
        ' A=C4=8Di=C5=AB.',
      ]),
      { from, to: [softera.mailbox] },
    );
    const [c] = await rig.caseFor('softera', from);
    expect(c).toMatchObject({ language: 'lt', subject: { name: 'Petras Petraitė' } });
    expect((c?.rights as Array<{ type: string; details: string }>)[0]).toMatchObject({ type: 'access' });
    expect((c?.rights as Array<{ details: string }>)[0]?.details).toContain('susipažinti su savo duomenimis');
  });

  it('keeps 20 attachments as evidence and the large raw in S3', async () => {
    const from = `att.${unique()}@example.lt`;
    const transport = nodemailer.createTransport({ host: rig.smtp.host, port: rig.smtp.port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from,
      to: softera.mailbox,
      subject: 'Erasure request with documents',
      text: 'Please erase my personal data. Documents attached.',
      attachments: Array.from({ length: 20 }, (_, i) => ({ filename: `dokumentas-${i + 1}.pdf`, content: Buffer.alloc(4096, i), contentType: 'application/pdf' })),
    });
    transport.close();
    const [c] = await rig.caseFor('softera', from);
    const [inbound] = await rig.messages('softera', String(c?.id));
    const attachments = inbound?.attachments as Array<{ filename: string; key: string; size: number }>;
    expect(attachments).toHaveLength(20);
    expect(attachments[19]).toMatchObject({ filename: 'dokumentas-20.pdf', size: 4096 });
    expect(attachments.every((a) => a.key.startsWith(`cases/softera/${String(c?.id)}/`))).toBe(true);
    const stored = await rig.deps.evidence.get(attachments[0]!.key);
    expect(stored.byteLength).toBe(4096);
    // Too large for the table item: served from the receiving bucket.
    expect(String(inbound?.raw)).toContain('dokumentas-20.pdf');
  });

  it('takes the requester and receipt time from a request a staff member forwarded', async () => {
    const requester = `forwarded.${unique()}@example.lt`;
    await rig.send(
      rawMail([
        `From: Agentas <agent@softera.lt>`,
        `To: ${softera.mailbox}`,
        'Subject: Fwd: Noriu ištrinti paskyrą',
        `Message-ID: <fw-${unique()}@softera.lt>`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Persiunčiu.',
        '',
        '---------- Forwarded message ---------',
        `From: Rūta Rūtaitė <${requester}>`,
        'Date: Mon, 16 Nov 2026 08:30:00 +0200',
        'Subject: Noriu ištrinti paskyrą',
        'To: info@softera.lt',
        '',
        'Prašau ištrinti mano paskyrą.',
      ]),
      { from: 'agent@softera.lt', to: [softera.mailbox] },
    );
    const [c] = await rig.caseFor('softera', requester);
    expect(c).toMatchObject({ subject: { name: 'Rūta Rūtaitė', email: requester }, receivedAt: '2026-11-16T06:30:00.000Z' });
    const flagged = (await rig.staffGet('softera', '/console/api/inbound/flagged')).json.items as Array<{ flag: string; caseId?: string }>;
    expect(flagged.some((f) => f.flag === 'forwarded' && f.caseId === c?.id)).toBe(true);
    expect(await rig.outboxTo(requester)).toHaveLength(1);
  });

  it('threads a reply to the acknowledgement onto the case without a new case or a new reply', async () => {
    const from = `reply.${unique()}@example.lt`;
    await rig.send(rawMail([`From: ${from}`, `To: ${gautora.mailbox}`, 'Subject: Access', `Message-ID: <r0-${unique()}@example.lt>`, '', 'Right of access please.']), { from, to: [gautora.mailbox] });
    const [c] = await rig.caseFor('gautora', from);
    const [ack] = await rig.outboxTo(from);
    const ackId = header(ack!, 'Message-ID')!;

    const replyId = `<r1-${unique()}@example.lt>`;
    await rig.send(
      rawMail([`From: ${from}`, `To: ${gautora.mailbox}`, `Subject: Re: ${ack!.subject}`, `Message-ID: ${replyId}`, `In-Reply-To: ${ackId}`, `References: ${ackId}`, '', 'Here is my signed document.', '', '> We have received your request.']),
      { from, to: [gautora.mailbox] },
    );
    // A client that drops the headers still threads by the reference in the subject.
    const bareId = `<r2-${unique()}@example.lt>`;
    await rig.send(rawMail([`From: ${from}`, `To: ${gautora.mailbox}`, `Subject: Papildymas ${String(c?.reference)}`, `Message-ID: ${bareId}`, '', 'One more thing.']), { from, to: [gautora.mailbox] });

    expect(await rig.caseFor('gautora', from)).toHaveLength(1);
    expect(await rig.outboxTo(from)).toHaveLength(1);
    const messages = await rig.messages('gautora', String(c?.id));
    expect(messages.map((m) => [m.direction, m.messageId])).toEqual([
      ['inbound', expect.any(String)],
      ['outbound', ackId],
      ['inbound', replyId],
      ['inbound', bareId],
    ]);
    expect(messages[2]).toMatchObject({ inReplyTo: ackId, references: [ackId] });
  });

  it('never opens a case for, nor answers, an out-of-office reply', async () => {
    const from = `ooo.${unique()}@example.lt`;
    await rig.send(rawMail([`From: ${from}`, `To: ${softera.mailbox}`, 'Subject: Access', `Message-ID: <o0-${unique()}@example.lt>`, '', 'Right of access please.']), { from, to: [softera.mailbox] });
    const [ack] = await rig.outboxTo(from);
    const ackId = header(ack!, 'Message-ID')!;
    await rig.send(
      rawMail([`From: ${from}`, `To: ${softera.mailbox}`, `Subject: Automatic reply: ${ack!.subject}`, `Message-ID: <o1-${unique()}@example.lt>`, `In-Reply-To: ${ackId}`, 'Auto-Submitted: auto-replied', 'X-Autoreply: yes', '', 'I am out of the office until Monday. Please delete nothing.']),
      { from, to: [softera.mailbox] },
    );
    // An unthreaded one (new sender) must not open a case either.
    const stranger = `ooo2.${unique()}@example.lt`;
    await rig.send(rawMail([`From: ${stranger}`, `To: ${softera.mailbox}`, 'Subject: Out of office', 'Precedence: bulk', `Message-ID: <o2-${unique()}@example.lt>`, '', 'Away. Unsubscribe.']), { from: stranger, to: [softera.mailbox] });

    expect(await rig.caseFor('softera', from)).toHaveLength(1);
    expect(await rig.caseFor('softera', stranger)).toHaveLength(0);
    expect(await rig.outboxTo(from)).toHaveLength(1);
    expect(await rig.outboxTo(stranger)).toHaveLength(0);
    const [c] = await rig.caseFor('softera', from);
    const messages = await rig.messages('softera', String(c?.id));
    expect(messages.at(-1)).toMatchObject({ direction: 'inbound', automated: 'auto_reply' });
  });

  it('flags the case, and sends nothing, when a DSN bounce names one of our messages', async () => {
    const from = `bounce.${unique()}@example.lt`;
    await rig.send(rawMail([`From: ${from}`, `To: ${softera.mailbox}`, 'Subject: Erasure', `Message-ID: <b0-${unique()}@example.lt>`, '', 'Please erase my data.']), { from, to: [softera.mailbox] });
    const [c] = await rig.caseFor('softera', from);
    const [ack] = await rig.outboxTo(from);
    const ackId = header(ack!, 'Message-ID')!;
    const boundary = 'dsn-boundary';
    await rig.send(
      rawMail([
        'From: Mail Delivery Subsystem <mailer-daemon@mx.example.lt>',
        `To: ${softera.mailbox}`,
        'Subject: Undelivered Mail Returned to Sender',
        `Message-ID: <dsn-${unique()}@mx.example.lt>`,
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain; charset=us-ascii',
        '',
        `Your message to ${from} could not be delivered.`,
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.lt',
        '',
        `Final-Recipient: rfc822; ${from}`,
        'Action: failed',
        'Status: 5.1.1',
        `--${boundary}`,
        'Content-Type: text/rfc822-headers',
        '',
        `From: ${softera.mailbox}`,
        `To: ${from}`,
        `Subject: ${ack!.subject}`,
        `Message-ID: ${ackId}`,
        `--${boundary}--`,
      ]),
      { from: '', to: [softera.mailbox] },
    );
    expect(await rig.caseFor('softera', from)).toHaveLength(1);
    expect(await rig.outboxTo(from)).toHaveLength(1);
    const messages = await rig.messages('softera', String(c?.id));
    expect(messages.at(-1)).toMatchObject({ direction: 'inbound', automated: 'bounce' });
    const flagged = (await rig.staffGet('softera', '/console/api/inbound/flagged')).json.items as Array<{ flag: string; caseId?: string }>;
    expect(flagged.some((f) => f.flag === 'bounce' && f.caseId === c?.id)).toBe(true);
  });

  it('keeps and flags mail addressed to no tenant mailbox', async () => {
    const from = `lost.${unique()}@example.lt`;
    const messageId = `<lost-${unique()}@example.lt>`;
    await rig.send(rawMail([`From: ${from}`, 'To: nobody@example.org', 'Subject: Access', `Message-ID: ${messageId}`, '', 'Right of access please.']), { from, to: ['nobody@example.org'] });
    const flagged = await rig.deps.messages.listFlagged(null, 100);
    const item = flagged.find((f) => f.messageId === messageId);
    expect(item).toMatchObject({ flag: 'no_tenant', tenantId: null, from });
    expect(await rig.rawExists(item!.rawKey)).toBe(true);
  });

  it("hides another tenant's case from staff", async () => {
    const from = `iso.${unique()}@example.lt`;
    await rig.send(rawMail([`From: ${from}`, `To: ${softera.mailbox}`, 'Subject: Access', `Message-ID: <iso-${unique()}@example.lt>`, '', 'Right of access please.']), { from, to: [softera.mailbox] });
    const [c] = await rig.caseFor('softera', from);
    expect(await rig.caseFor('gautora', from)).toHaveLength(0);
    expect((await rig.staffGet('gautora', `/console/api/cases/${String(c?.id)}/messages`)).status).toBe(404);
    expect((await rig.staffGet('gautora', `/console/api/cases?q=${String(c?.reference)}`)).json.items).toEqual([]);
    expect((await rig.staffGet('softera', `/console/api/cases?q=${String(c?.reference)}`)).json.items).toHaveLength(1);
  });
});
