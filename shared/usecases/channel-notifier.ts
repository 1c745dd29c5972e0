import { dataFiles } from '#domain/answer.ts';
import type { Case } from '#domain/case.ts';
import type { LetterRenderer, PrintItem, PrintQueue } from '#ports/channels.ts';
import { findSentNotice, noticeKey, type CaseMessage, type StoredAttachment } from '#domain/mail.ts';
import { type BlobStore, type MessageStore } from '#ports/mail.ts';
import type { Clock, SubjectNotifier } from '#ports/cases.ts';
import type { Notice } from '#domain/notices.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { letterFor } from '#templates/letter.ts';
import { INLINE_RAW_LIMIT } from './send-case-mail.ts';

export interface LetterDeps {
  readonly tenants: TenantRegistry;
  readonly renderer: LetterRenderer;
  readonly printQueue: PrintQueue;
  readonly evidence: BlobStore;
  readonly messages: MessageStore;
  readonly clock: Clock;
  readonly newId?: () => string;
}

export interface ChannelNotifierDeps {
  /** The e-mail notifier (threaded replies with raw MIME evidence). */
  readonly email: SubjectNotifier;
  /** Letters for post and in-person cases; without it those notices are not sent (and say so). */
  readonly letters?: LetterDeps;
}

/**
 * Routes every notice the way the request came (docs/design.md §1.2, 002 §13.2): `email` and `web_form`
 * → e-mail; `api` → e-mail when the subject gave an address (the partner's webhook is fed from
 * the case's public timeline, see webhooks.ts); `post` → a letter PDF queued for printing;
 * `in_person` → the same letter as a hand-over task in the queue.
 * Example: `await createChannelNotifier({ email, letters }).notify(postalCase, { kind: 'answer', … })`
 * → `{ channel: 'post', messageId: '<…@rightsdesk.letter>' }`.
 */
export function createChannelNotifier(deps: ChannelNotifierDeps): SubjectNotifier {
  return {
    async notify(c, notice) {
      if (c.channel === 'post' || c.channel === 'in_person') {
        if (!deps.letters) throw new Error(`No letter renderer is configured: cannot send a ${notice.kind} notice for ${c.channel} case ${c.reference}.`);
        return queueLetter(deps.letters, c, notice);
      }
      return deps.email.notify(c, notice);
    },
  };
}

/**
 * A notice on paper: the letter PDF (and the subject's data files as enclosures) kept as
 * evidence, a print-queue item for staff, and an outbound message on the case.
 * A retried step (or acknowledgement) finds the letter already queued and does not queue another.
 */
async function queueLetter(deps: LetterDeps, c: Case, notice: Notice): Promise<{ channel: 'post' | 'in_person'; messageId: string }> {
  const channel = c.channel === 'in_person' ? 'in_person' : 'post';
  const history = await deps.messages.listMessages(c.tenantId, c.id);
  const sent = findSentNotice(history, c, notice.kind);
  if (sent) return { channel, messageId: sent.messageId };
  const tenant = deps.tenants.get(c.tenantId);
  const now = deps.clock.now();
  const id = (deps.newId ?? (() => crypto.randomUUID()))();
  const letter = letterFor(tenant, c, notice, now);
  const pdf = await deps.renderer.render(letter);
  const base = `letters/${c.tenantId}/${c.id}/${id}`;
  const pdfName = `${c.reference}-${notice.kind}.pdf`;
  await deps.evidence.put(`${base}/${pdfName}`, pdf, 'application/pdf');
  const enclosures: StoredAttachment[] = [];
  const files = notice.attachments ?? (notice.answer?.data ? dataFiles(c.reference, notice.answer.data, now) : []);
  for (const file of files) {
    const key = `${base}/${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}`;
    await deps.evidence.put(key, file.content, file.contentType);
    enclosures.push({ filename: file.filename, contentType: file.contentType, size: file.content.byteLength, key });
  }
  const item: PrintItem = {
    id,
    tenantId: c.tenantId,
    caseId: c.id,
    reference: c.reference,
    delivery: channel,
    notice: notice.kind,
    title: letter.title,
    recipient: letter.recipient,
    pdfKey: `${base}/${pdfName}`,
    pdfSize: pdf.byteLength,
    enclosures: enclosures.map((e) => ({ filename: e.filename, key: e.key, size: e.size })),
    status: 'queued',
    createdAt: now.toISOString(),
  };
  await deps.printQueue.add(item);
  const messageId = `<${id}@letter.rightsdesk>`;
  const text = [`${letter.referenceLine} · ${letter.dateLine}`, letter.recipient.join('\n'), '', letter.title, '', letter.body].join('\n');
  const textBytes = new TextEncoder().encode(text);
  // Like raw MIME: small texts stay in the table item, long ones go to the evidence bucket.
  const inline = textBytes.byteLength <= INLINE_RAW_LIMIT;
  if (!inline) await deps.evidence.put(`${base}/letter.txt`, textBytes, 'text/plain; charset=utf-8');
  const message: CaseMessage = {
    id,
    tenantId: c.tenantId,
    caseId: c.id,
    direction: 'outbound',
    channel,
    at: now.toISOString(),
    subject: letter.title,
    messageId,
    inReplyTo: null,
    references: [],
    from: tenant.controller.legalName,
    to: letter.recipient.length > 0 ? [letter.recipient.join(', ')] : [c.subject.name],
    // The letter's text is the evidence of what was said; the PDF is the first attachment.
    ...(inline ? { raw: text } : { rawKey: `${base}/letter.txt` }),
    attachments: [{ filename: pdfName, contentType: 'application/pdf', size: pdf.byteLength, key: item.pdfKey }, ...enclosures],
    notice: notice.kind,
    noticeKey: noticeKey(c, notice.kind),
  };
  await deps.messages.addMessage(message);
  return { channel, messageId };
}
