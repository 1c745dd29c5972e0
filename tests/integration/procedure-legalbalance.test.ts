import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { clearOutbox, readOutbox, type OutboxEmail } from './helpers.ts';
import { startHttpsPartner, verifiedWebhook, type HttpsPartner } from './https-partner.ts';
import { pdfText } from '../support/pdf-text.ts';

/**
 * Legal Balance's procedure (001 §7.2), black-box through the public surfaces of a whole local
 * stack (`npm start` on free ports): the partner API, the staff JSON API, SMTP and the SES
 * outbox, and the partner's webhook receiver (HTTPS on the loopback). Staff ask for missing
 * details (the partner sees it in the API status and gets a signed webhook, the subject an
 * e-mail); the subject answers by e-mail in the thread; the period
 * restarts at that answer ("within one (1) month of receiving your revised request") and the
 * subject is told; staff extend with reasons before the new due date; the answer goes out after
 * four-eyes approval. Every date is computed here independently of the product's engine.
 * Run at the wall clock's pace and at ×3600 (an hour per second): at ×3600 the e-mailed answer
 * and a new e-mailed request must be dated by the stack's virtual clock, not the wall clock.
 */

const ZONE = 'Europe/Vilnius';
// Lithuanian public holidays (Law on Holidays, art. 1) for the years these runs can reach.
const FIXED = ['01-01', '02-16', '03-11', '05-01', '06-24', '07-06', '08-15', '11-01', '11-02', '12-24', '12-25', '12-26'];
const EASTER_MONDAYS = ['2026-04-06', '2027-03-29', '2028-04-17'];
const isHoliday = (d: DateTime) => d.weekday >= 6 || FIXED.includes(d.toFormat('MM-dd')) || EASTER_MONDAYS.includes(d.toISODate()!);

/** Reg. 1182/71: the day of receipt not counted; months end on the same date (or the month's last day); a last day off rolls forward. */
function monthsAfter(instant: string, months: number): string {
  let day = DateTime.fromISO(instant, { zone: ZONE }).startOf('day').plus({ months });
  while (isHoliday(day)) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface StaffCase {
  id: string;
  reference: string;
  status: string;
  receivedAt: string;
  revisedRequestAt?: string;
  dueDate: string;
  dueAt: string;
  extended: boolean;
  waiting: { step: string; decisions: string[] } | null;
  nextActor: string;
  flags: Record<string, boolean>;
  deadlines: { answer: { dueDate: string; dueAt: string; rule: string }; extended: { dueDate: string; dueAt: string; rule: string }; countedFrom: string };
  deadlinesInForce: Array<{ kind: string; dueDate: string; dueAt: string; rule: string; countedFrom: string }>;
  identity: { status: string; method: string | null; evidence?: { verdict: string } | null };
  clarification: { questions: string[]; restartsPeriod: boolean; rule: string; answeredAt?: string } | null;
  clock: { running: boolean; restartsOnAnswer: boolean; rule: string } | null;
  timeline: Array<{ at: string; type: string; visibility: string; details?: Record<string, unknown> }>;
}

for (const speed of [1, 3600]) {
  describe(`Legal Balance's procedure through the public surfaces (time ×${speed})`, () => {
    let stack: LocalStack;
    let stateDir: string;
    let api: (path: string, init?: { method?: string; body?: unknown; token?: string }) => Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read field by field
    let outbox: (to: string, text: RegExp) => Promise<OutboxEmail[]>;
    let transport: ReturnType<typeof nodemailer.createTransport>;
    const tokens = { partner: '', agent: '', approver: '' };
    let mailbox = '';
    let partner: HttpsPartner;

    beforeAll(async () => {
      stateDir = await mkdtemp(join(tmpdir(), 'rightsdesk-procedure-'));
      partner = await startHttpsPartner();
      stack = await startLocalStack({ stateDir, persist: false, speed, webhookTransport: partner.transport, ports: { api: 0, dynamodb: 0, ses: 0, s3: 0, smtp: 0, sfn: 0 } });
      const lgb = stack.dev.tenants.legalbalance!;
      tokens.partner = lgb.partnerToken;
      tokens.agent = lgb.staffTokens.agent;
      tokens.approver = lgb.staffTokens.approver;
      mailbox = lgb.mailbox;
      api = async (path, init = {}) => {
        const response = await fetch(`${stack.dev.apiUrl}${path}`, {
          method: init.method ?? 'GET',
          headers: { authorization: `Bearer ${init.token ?? tokens.agent}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
          ...(init.body ? { body: JSON.stringify(init.body) } : {}),
        });
        const text = await response.text();
        return { status: response.status, json: text ? JSON.parse(text) : null };
      };
      // Notices thread on the subject's last mail ("Re: …"), so they are told apart by their text.
      outbox = async (to, text) => (await readOutbox(stack.dev.sesOutboxUrl)).filter((m) => m.destination.to.some((d) => d.includes(to)) && text.test(m.body.text ?? ''));
      transport = nodemailer.createTransport({ host: stack.dev.smtp.host, port: stack.dev.smtp.port, secure: false, ignoreTLS: true });
      // The SES stand-in's outbox is one store per process: the ×1 run's mails (same address, same
      // reference numbers) would still be there in the ×3600 run. Without this the ×3600 run once read
      // the ×1 run's new-date notice (2027-01-05) beside its own case's date (2027-01-06: its reply,
      // hours ahead in virtual time, came after midnight in Vilnius).
      await clearOutbox(stack.dev.sesOutboxUrl);
    }, 240_000);

    afterAll(async () => {
      transport?.close();
      await stack?.stop();
      await partner?.stop();
      if (stateDir) await rm(stateDir, { recursive: true, force: true });
    }, 120_000);

    const staffCase = async (id: string) => (await api(`/console/api/cases/${id}`)).json as StaffCase;
    const waitingAt = (id: string, step: string) => eventually(async () => {
      const c = await staffCase(id);
      return c.waiting?.step === step ? c : null;
    }, `case waiting at ${step}`);

    it('asks for details, restarts the period at the e-mailed answer, extends with reasons and answers after four-eyes approval', async () => {
      // The partner's sample assertion is for this address. Each run starts from an empty outbox (beforeAll).
      const subject = 'ona@example.lt';
      // 1. The partner sends the request with its identity assertion for Ona.
      const created = await api('/v1/requests', {
        method: 'POST',
        token: tokens.partner,
        body: { rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email: subject }, language: 'en', identity: { assertion: stack.dev.tenants.legalbalance!.partnerAssertion!.sample }, callbackUrl: partner.url('/hooks/rightsdesk') },
      });
      expect(created.status).toBe(201);
      const id = created.json.id as string;
      const received = created.json.receivedAt as string;
      expect(created.json.dueDate).toBe(monthsAfter(received, 1));

      let c = await waitingAt(id, 'answer_draft');
      expect(c).toMatchObject({ nextActor: 'staff', identity: { status: 'verified', method: 'partner_assertion' } });
      expect(c.waiting!.decisions).toContain('clarify');
      expect(c.deadlinesInForce).toEqual([{ kind: 'answer', dueDate: monthsAfter(received, 1), dueAt: c.dueAt, rule: '001 §7.2', countedFrom: received }]);

      // 2. Staff ask for the missing details through the staff JSON API.
      const questions = ['Which debt (creditor and contract number) is your request about?', 'Which period should the copy cover?'];
      const asked = await api(`/console/api/cases/${id}/decisions`, { method: 'POST', body: { step: 'answer_draft', decision: 'clarify', questions } });
      expect(asked.status).toBe(202);
      c = await waitingAt(id, 'subject_clarification');
      expect(c).toMatchObject({ nextActor: 'subject', clarification: { questions, restartsPeriod: true, rule: '001 §7.2' }, clock: { running: false, restartsOnAnswer: true, rule: '001 §7.2' } });
      // The partner sees whom the case waits for, and what was asked.
      const partnerView = await api(`/v1/requests/${id}`, { token: tokens.partner });
      expect(partnerView.json).toMatchObject({ waitingFor: 'subject', clarification: { questions, restartsPeriod: true } });
      expect(partnerView.json.events.map((e: { type: string }) => e.type)).toContain('clarification.requested');
      // …and gets it pushed: a webhook signed with the tenant's published key reaches its HTTPS receiver.
      const webhook = await eventually(async () => {
        for (const w of partner.received) {
          const verified = await verifiedWebhook(stack.dev.apiUrl, w);
          if (verified.payload.type === 'clarification.requested' && verified.payload.caseId === id) return { w, verified };
        }
        return null;
      }, 'the clarification webhook');
      expect(webhook.w.path).toBe('/hooks/rightsdesk');
      expect(webhook.w.headers['content-type']).toBe('application/jose');
      expect(webhook.verified.header).toMatchObject({ alg: 'ES256', typ: 'rightsdesk-webhook+jws' });
      expect(String(webhook.verified.payload.data.summary)).toContain(questions[0]);
      // The question went to the subject by e-mail, threaded on the case.
      const [question] = await eventually(async () => {
        const found = await outbox(subject, /we need more information\./);
        return found.length > 0 ? found : null;
      }, 'the question in the outbox');
      expect(question!.body.text).toContain(questions[0]);
      expect(question!.body.text).toContain('001 §7.2');
      const questionId = question!.headers?.find((h) => h.name.toLowerCase() === 'message-id')?.value;
      expect(questionId).toMatch(/^<.+>$/);

      // 3. The subject answers in the thread, over SMTP.
      const replyId = `<reply-${Date.now().toString(36)}@example.lt>`;
      const beforeReply = (await api('/v1/requests', { method: 'POST', token: tokens.partner, body: { rights: [{ type: 'information' }], subject: { name: 'Clock probe', email: 'probe.before@example.lt' } } })).json.receivedAt as string;
      await transport.sendMail({
        envelope: { from: subject, to: [mailbox] },
        raw: [`From: Ona Petraitienė <${subject}>`, `To: ${mailbox}`, `Subject: Re: ${question!.subject}`, `Message-ID: ${replyId}`, `In-Reply-To: ${questionId}`, `References: ${questionId}`, 'Date: Mon, 1 Jan 2024 00:00:00 +0000', '', 'It is about contract 2023-55 with UAB Kreditas, for 2023 and 2024.', ''].join('\r\n'),
      });
      c = await waitingAt(id, 'answer_draft');
      const afterReply = (await api('/v1/requests', { method: 'POST', token: tokens.partner, body: { rights: [{ type: 'information' }], subject: { name: 'Clock probe', email: 'probe.after@example.lt' } } })).json.receivedAt as string;
      const replied = c.timeline.find((e) => e.type === 'subject.replied');
      const replyAt = String(replied?.details?.receivedAt);
      // The answer is dated by the stack's clock (the mail server's receipt), never by the Date header.
      expect(replyAt >= beforeReply && replyAt <= afterReply).toBe(true);
      expect(c.revisedRequestAt).toBe(replyAt);

      // 4. The due date moves to one month after the answer's receipt, and the subject is told.
      const restartedDue = monthsAfter(replyAt, 1);
      expect(c.dueDate).toBe(restartedDue);
      expect(c.deadlines.countedFrom).toBe(replyAt);
      expect(c.deadlines.extended.dueDate).toBe(monthsAfter(replyAt, 3));
      expect(c.deadlinesInForce[0]).toMatchObject({ kind: 'answer', dueDate: restartedDue, rule: '001 §7.2', countedFrom: replyAt });
      expect(c.timeline.find((e) => e.type === 'deadline.restarted')?.details).toMatchObject({ dueDate: restartedDue, rule: '001 §7.2' });
      const [told] = await eventually(async () => {
        const found = await outbox(subject, /We have received your revised request/);
        return found.length > 0 ? found : null;
      }, 'the new-date notice');
      expect(told!.body.text).toContain(restartedDue);
      expect(told!.body.text).toContain('001 §7.2');
      expect((await api(`/v1/requests/${id}`, { token: tokens.partner })).json).toMatchObject({ dueDate: restartedDue, waitingFor: 'controller' });
      // Exactly one new-date notice, and it names the date the case has (the near-midnight defect).
      expect(await outbox(subject, /We have received your revised request/)).toHaveLength(1);
      // The partner is told the new date too.
      const restartedHook = await eventually(async () => {
        for (const w of partner.received) {
          const verified = await verifiedWebhook(stack.dev.apiUrl, w);
          if (verified.payload.type === 'deadline.restarted' && verified.payload.caseId === id) return verified;
        }
        return null;
      }, 'the restart webhook');
      expect(restartedHook.payload.data.dueDate).toBe(restartedDue);

      // 5. Staff extend with reasons; the notice goes out before the (restarted) due date.
      const reasons = ['Records must be collected from three creditors.'];
      expect((await api(`/console/api/cases/${id}/decisions`, { method: 'POST', body: { step: 'answer_draft', decision: 'extend', reasons } })).status).toBe(202);
      c = await eventually(async () => {
        const now = await staffCase(id);
        return now.extended && now.waiting?.step === 'answer_draft' ? now : null;
      }, 'the extension');
      const extendedDue = monthsAfter(replyAt, 3);
      expect(c.dueDate).toBe(extendedDue);
      expect(c.deadlinesInForce[0]).toMatchObject({ kind: 'extended', dueDate: extendedDue, countedFrom: replyAt });
      const extendedEvent = c.timeline.find((e) => e.type === 'deadline.extended')!;
      expect(extendedEvent.at < c.deadlines.answer.dueAt).toBe(true);
      expect(c.deadlines.answer.dueDate).toBe(restartedDue);
      const [extension] = await eventually(async () => {
        const found = await outbox(subject, /we are extending the time to answer/);
        return found.length > 0 ? found : null;
      }, 'the extension notice');
      expect(extension!.body.text).toContain(extendedDue);
      expect(extension!.body.text).toContain(reasons[0]);

      // 6. The agent drafts; the agent cannot approve their own draft; an approver does.
      expect((await api(`/console/api/cases/${id}/decisions`, { method: 'POST', body: { step: 'answer_draft', decision: 'draft', body: 'We hold the records of contract 2023-55 listed below.' } })).status).toBe(202);
      c = await waitingAt(id, 'approval');
      expect(c.nextActor).toBe('approver');
      expect((await api(`/console/api/cases/${id}/decisions`, { method: 'POST', body: { step: 'approval', decision: 'approve' } })).status).toBe(403);
      // 6b. Issue 19: the answer needs every fulfilment task settled; the agent records each result.
      const fulfilment = (await api(`/console/api/cases/${id}/fulfilment`)).json as { tasks: Array<{ id: string; status: string }> };
      const open = fulfilment.tasks.filter((t) => !['done', 'skipped'].includes(t.status));
      expect(open.length).toBeGreaterThan(0);
      expect((await api(`/console/api/cases/${id}/decisions`, { method: 'POST', token: tokens.approver, body: { step: 'approval', decision: 'approve' } })).status).toBe(409);
      for (const task of open) {
        const recorded = await api(`/console/api/cases/${id}/tasks/${encodeURIComponent(task.id)}/result`, { method: 'POST', body: { outcome: 'not_found', summary: 'No records under the verified identifiers.' } });
        expect(recorded.status).toBe(200);
        expect(recorded.json.status).toBe('done');
      }
      expect((await api(`/console/api/cases/${id}/decisions`, { method: 'POST', token: tokens.approver, body: { step: 'approval', decision: 'approve' } })).status).toBe(202);
      c = await eventually(async () => {
        const now = await staffCase(id);
        return now.status === 'closed' ? now : null;
      }, 'the case closed');
      expect(c.nextActor).toBe('nobody');
      const [answer] = await eventually(async () => {
        const found = await outbox(subject, /This is our answer to your request/);
        return found.length > 0 ? found : null;
      }, 'the answer');
      expect(answer!.body.text).toContain('contract 2023-55');
      const answeredAt = c.timeline.find((e) => e.type === 'notice.answer')!.at;
      expect(answeredAt <= c.dueAt).toBe(true);
    }, 240_000);

    it('a letter case: the question goes out as a letter, an e-mailed answer restarts the period, and the new date goes out as a letter', async () => {
      const email = `jonas.post.${speed}.${Date.now().toString(36)}@example.lt`;
      const registered = await api('/console/api/cases', {
        method: 'POST',
        body: { channel: 'post', receivedAt: new Date().toISOString(), subject: { name: 'Jonas Jonaitis', email, postalAddress: 'Gedimino pr. 1\nLT-01103 Vilnius' }, rights: [{ type: 'access' }], language: 'en' },
      });
      expect(registered.status).toBe(201);
      const id = registered.json.case.id as string;
      const reference = registered.json.case.reference as string;
      await waitingAt(id, 'identity_review');
      expect((await api(`/console/api/cases/${id}/decisions`, { method: 'POST', body: { step: 'identity_review', decision: 'approve', method: 'id_document' } })).status).toBe(202);
      await waitingAt(id, 'answer_draft');
      const letters = async (notice: string) =>
        ((await api('/console/api/print-queue?limit=200')).json.items as Array<{ id: string; caseId: string; notice: string }>).filter((item) => item.caseId === id && item.notice === notice);
      expect((await api(`/console/api/cases/${id}/decisions`, { method: 'POST', body: { step: 'answer_draft', decision: 'clarify', questions: ['Which account number is your request about?'] } })).status).toBe(202);
      await waitingAt(id, 'subject_clarification');
      await eventually(async () => (await letters('more_information_request')).length === 1, 'the question as a letter');

      // The subject answers by e-mail, quoting the reference from the letter.
      await transport.sendMail({ envelope: { from: email, to: [mailbox] }, raw: [`From: Jonas Jonaitis <${email}>`, `To: ${mailbox}`, `Subject: ${reference} account number`, `Message-ID: <post-answer-${Date.now().toString(36)}@example.lt>`, '', 'The account number is 55-1234.', ''].join('\r\n') });
      const c = await waitingAt(id, 'answer_draft');
      const replyAt = String(c.timeline.find((e) => e.type === 'subject.replied')?.details?.receivedAt);
      expect(c.dueDate).toBe(monthsAfter(replyAt, 1));
      expect(c.timeline.find((e) => e.type === 'deadline.restarted')?.details).toMatchObject({ dueDate: c.dueDate, rule: '001 §7.2' });
      // Told in the case's channel: a letter in the print queue naming the new date, no e-mail.
      const [told] = await eventually(async () => {
        const found = await letters('period_restarted');
        return found.length > 0 ? found : null;
      }, 'the new-date letter');
      expect(await letters('period_restarted')).toHaveLength(1);
      const pdf = new Uint8Array(await (await fetch(`${stack.dev.apiUrl}/console/api/print-queue/${told!.id}/letter.pdf`, { headers: { authorization: `Bearer ${tokens.agent}` } })).arrayBuffer());
      expect(await pdfText(pdf)).toContain(c.dueDate);
      expect(await outbox(email, /./)).toEqual([]);
    }, 240_000);

    it('dates a new e-mailed request by the same clock as the API', async () => {
      const from = `clock.${speed}.${Date.now().toString(36)}@example.lt`;
      const before = (await api('/v1/requests', { method: 'POST', token: tokens.partner, body: { rights: [{ type: 'information' }], subject: { name: 'Clock probe', email: 'probe.mail.before@example.lt' } } })).json.receivedAt as string;
      await transport.sendMail({ envelope: { from, to: [mailbox] }, raw: [`From: ${from}`, `To: ${mailbox}`, 'Subject: Prašau pateikti mano duomenų kopiją', `Message-ID: <req-${Date.now().toString(36)}@example.lt>`, '', 'I ask for access to my personal data (GDPR Art. 15).', ''].join('\r\n') });
      const found = await eventually(async () => {
        const items = (await api(`/console/api/cases?q=${encodeURIComponent(from)}`)).json.items as Array<{ id: string; receivedAt: string }>;
        return items.length > 0 ? items[0] : null;
      }, 'the e-mailed case');
      const after = (await api('/v1/requests', { method: 'POST', token: tokens.partner, body: { rights: [{ type: 'information' }], subject: { name: 'Clock probe', email: 'probe.mail.after@example.lt' } } })).json.receivedAt as string;
      expect(found.receivedAt >= before && found.receivedAt <= after).toBe(true);
      if (speed > 1) {
        // Minutes of wall time are days of virtual time here: a wall-clock date would fall far before `before`.
        expect(Date.parse(found.receivedAt) - Date.now()).toBeGreaterThan(60_000);
      }
      const c = await staffCase(found.id);
      expect(c.deadlinesInForce[0]).toMatchObject({ kind: 'answer', dueDate: monthsAfter(found.receivedAt, 1), countedFrom: found.receivedAt });
    }, 120_000);
  });
}
