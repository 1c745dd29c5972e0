import type { Case } from '#domain/case.ts';
import type { Channel } from '#domain/channels.ts';
import type { CaseMessage, EmailSender, MessageStore } from '#domain/mail.ts';
import type { Clock, Notice, SubjectNotifier } from '#domain/ports.ts';
import { domainOf, replyHeaders, replySubject } from '#domain/threading.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { renderNotice } from '#templates/notices.ts';

/** Raw MIME up to this size is kept in the table item itself (items are capped at 400 KB). */
export const INLINE_RAW_LIMIT = 64 * 1024;

export interface NotifierDeps {
  readonly tenants: TenantRegistry;
  readonly messages: MessageStore;
  readonly email: EmailSender;
  /** Where large raw messages go (the evidence bucket). */
  readonly evidence: { put(key: string, body: Uint8Array, contentType: string): Promise<void> };
  readonly clock: Clock;
  readonly newId?: () => string;
}

/** Channels whose answer is an e-mail to the address the subject gave (DESIGN §1.2). */
const EMAIL_CHANNELS: readonly Channel[] = ['email', 'api', 'web_form'];

/**
 * The e-mail notifier: every notice goes to the subject as a reply in the thread of their last
 * message, from the tenant's privacy mailbox, and its exact MIME is stored on the case.
 *
 * Primary course: render the notice (case language + official language) → find the subject's
 * last inbound message → thread (In-Reply-To/References, `Re: … [reference]`) → send → store the
 * outbound message with its raw MIME and index its Message-ID, so the subject's reply threads back.
 * Example: `await createSubjectNotifier(deps).notify(c, { kind: 'extension', reasons: ['…'] })`.
 */
export function createSubjectNotifier(deps: NotifierDeps): SubjectNotifier {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  return {
    async notify(c: Case, notice: Notice) {
      const tenant = deps.tenants.get(c.tenantId);
      const to = c.subject.email ?? c.representative?.email;
      if (!EMAIL_CHANNELS.includes(c.channel) || !to) {
        // Letters and hand-overs are produced by staff (post / in person); nothing to send here.
        return { channel: c.channel };
      }
      const history = await deps.messages.listMessages(c.tenantId, c.id);
      if (notice.kind === 'acknowledgement') {
        // A retried delivery must not acknowledge twice.
        const sent = history.find((m) => m.direction === 'outbound' && m.notice === 'acknowledgement');
        if (sent) return { channel: 'email', messageId: sent.messageId };
      }
      const lastInbound = [...history].reverse().find((m) => m.direction === 'inbound' && !m.automated) ?? null;
      const rendered = renderNotice(tenant, c, notice);
      const threading = replyHeaders(lastInbound);
      const subject = replySubject(lastInbound?.subject ?? null, c.reference, rendered.subject);
      const now = deps.clock.now();
      const id = newId();
      const messageId = `<${id}@${domainOf(tenant.mailbox)}>`;
      const { raw, providerMessageId } = await deps.email.send({
        from: tenant.mailbox,
        to: [to],
        subject,
        text: rendered.text,
        html: rendered.html,
        messageId,
        inReplyTo: threading.inReplyTo,
        references: threading.references,
        date: now,
        headers: { 'X-Rightsdesk-Case': c.reference, 'Auto-Submitted': 'auto-generated' },
        ...(notice.attachments ? { attachments: notice.attachments } : {}),
      });
      const bytes = new TextEncoder().encode(raw);
      let rawKey: string | undefined;
      if (bytes.byteLength > INLINE_RAW_LIMIT) {
        rawKey = `outbound/${c.tenantId}/${c.id}/${id}.eml`;
        await deps.evidence.put(rawKey, bytes, 'message/rfc822');
      }
      const message: CaseMessage = {
        id,
        tenantId: c.tenantId,
        caseId: c.id,
        direction: 'outbound',
        channel: 'email',
        at: now.toISOString(),
        subject,
        messageId,
        inReplyTo: threading.inReplyTo,
        references: threading.references,
        from: tenant.mailbox,
        to: [to],
        ...(rawKey ? { rawKey } : { raw }),
        attachments: [],
        notice: notice.kind,
        providerMessageId,
      };
      // SES replaces Message-ID with its own on AWS; index that too so replies still thread.
      await deps.messages.addMessage(message, [sesMessageIdHeader(providerMessageId)]);
      return { channel: 'email', messageId };
    },
  };
}

/** The Message-ID header SES gives a mail it sends: `<MessageId@<region>.amazonses.com>`, matched on its local part. */
export function sesMessageIdHeader(providerMessageId: string): string {
  return `<${providerMessageId}@amazonses.com>`;
}
