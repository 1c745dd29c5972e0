import type { CaseMessage, OutgoingEmail, StoredAttachment } from '#domain/mail.ts';
import type { EmailSender, MessageStore } from '#ports/mail.ts';

/** Raw MIME up to this size is kept in the table item itself (items are capped at 400 KB). */
export const INLINE_RAW_LIMIT = 64 * 1024;

/** The Message-ID header SES gives a mail it sends: `<MessageId@<region>.amazonses.com>`, matched on its local part. */
export function sesMessageIdHeader(providerMessageId: string): string {
  return `<${providerMessageId}@amazonses.com>`;
}

export interface CaseMailDeps {
  readonly email: EmailSender;
  readonly messages: MessageStore;
  /** Where large raw messages and attachment copies go (the evidence bucket); without it both stay inline. */
  readonly evidence?: { put(key: string, body: Uint8Array, contentType: string): Promise<void> };
}

/** One outbound mail of a case: what is sent, and how it is filed on the case. */
export interface CaseMail {
  /** The stored message's id (also the key prefix of its evidence copies). */
  readonly id: string;
  readonly tenantId: string;
  readonly caseId: string;
  readonly mail: OutgoingEmail;
  /** The addresses as the case knows them (the mail goes to their SES-deliverable form). */
  readonly recordedTo: readonly string[];
  /** Notices of the subject: which notice and which sending (a retried step finds it). */
  readonly notice?: Pick<CaseMessage, 'notice' | 'noticeKey'>;
}

/**
 * Every outbound mail of a case is sent and filed the same way, so its evidence and threading
 * never differ by who sent it.
 *
 * Primary course: send → keep each attachment on its own in the evidence bucket (staff open it
 * without parsing MIME) → keep the raw MIME inline, or in the evidence bucket above
 * `INLINE_RAW_LIMIT` → store the message, indexed by its Message-ID and SES's own id, so replies
 * thread back even after SES rewrites the Message-ID.
 * Example: `await sendCaseMail(deps, { id, tenantId, caseId, mail, recordedTo: [to] })` → the stored message.
 */
export async function sendCaseMail(deps: CaseMailDeps, input: CaseMail): Promise<CaseMessage> {
  const { mail } = input;
  const { raw, providerMessageId } = await deps.email.send(mail);
  const prefix = `outbound/${input.tenantId}/${input.caseId}/${input.id}`;
  const attachments: StoredAttachment[] = [];
  for (const [i, a] of (mail.attachments ?? []).entries()) {
    if (!deps.evidence) break;
    const key = `${prefix}/${i + 1}-${a.filename.replace(/[^A-Za-z0-9._-]/g, '_')}`;
    await deps.evidence.put(key, a.content, a.contentType);
    attachments.push({ filename: a.filename, contentType: a.contentType, size: a.content.byteLength, key });
  }
  const bytes = new TextEncoder().encode(raw);
  let rawKey: string | undefined;
  if (deps.evidence && bytes.byteLength > INLINE_RAW_LIMIT) {
    rawKey = `${prefix}.eml`;
    await deps.evidence.put(rawKey, bytes, 'message/rfc822');
  }
  const message: CaseMessage = {
    id: input.id,
    tenantId: input.tenantId,
    caseId: input.caseId,
    direction: 'outbound',
    channel: 'email',
    at: mail.date.toISOString(),
    subject: mail.subject,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    from: mail.from,
    to: input.recordedTo,
    ...(rawKey ? { rawKey } : { raw }),
    attachments,
    ...(input.notice ?? {}),
    providerMessageId,
  };
  await deps.messages.addMessage(message, [sesMessageIdHeader(providerMessageId)]);
  return message;
}
