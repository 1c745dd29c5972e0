import type { Case } from '#domain/case.ts';
import { ValidationError } from '#domain/errors.ts';
import { CANNOT_ANSWER_BY_EMAIL, checkAddress } from '#domain/mail-address.ts';
import type { Channel } from '#domain/channels.ts';
import type { AnswerDownloads } from '#ports/channels.ts';
import { findSentNotice, noticeKey } from '#domain/mail.ts';
import { type EmailSender, type MessageStore } from '#ports/mail.ts';
import type { Clock, SubjectNotifier } from '#ports/cases.ts';
import type { Notice } from '#domain/notices.ts';
import { domainOf, replyHeaders, replySubject } from '#domain/threading.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { renderNotice } from '#templates/notices.ts';
import { sendCaseMail } from './send-case-mail.ts';

export interface NotifierDeps {
  readonly tenants: TenantRegistry;
  readonly messages: MessageStore;
  readonly email: EmailSender;
  /** Where large raw messages go (the evidence bucket). */
  readonly evidence: { put(key: string, body: Uint8Array, contentType: string): Promise<void> };
  readonly clock: Clock;
  readonly newId?: () => string;
  /** Where answers too large to attach are published as time-limited links (S3 presigned GET). */
  readonly downloads?: AnswerDownloads;
  /** Attachments above this many bytes in total go as download links instead (default 7 MB). */
  readonly attachmentLimitBytes?: number;
}

/** SES takes 40 MB per message; base64 adds a third, and many mailboxes refuse over ~10 MB. */
export const DEFAULT_ATTACHMENT_LIMIT_BYTES = 7 * 1024 * 1024;

/** Channels whose answer is an e-mail to the address the subject gave (docs/design.md §1.2). */
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
      // Checked before anything is sent: SES takes an ASCII local part and a punycode domain only.
      const checked = checkAddress(to);
      if (!checked.ok || checked.sesAddress === null || c.sender?.cannotAnswerByEmail) {
        throw new ValidationError(`${CANNOT_ANSWER_BY_EMAIL}: ${checked.ok ? 'SES does not deliver to a non-ASCII (SMTPUTF8) local part' : checked.reason} (${to}).`, [{ field: 'subject.email', message: CANNOT_ANSWER_BY_EMAIL }]);
      }
      const history = await deps.messages.listMessages(c.tenantId, c.id);
      // A retried step or delivery must not send the same notice twice.
      const sent = findSentNotice(history, c, notice.kind);
      if (sent) return { channel: 'email', messageId: sent.messageId };
      const lastInbound = [...history].reverse().find((m) => m.direction === 'inbound' && !m.automated) ?? null;
      const id = newId();
      const sized = await linkLargeAttachments(deps, c, notice, id);
      const rendered = renderNotice(tenant, c, sized);
      const threading = replyHeaders(lastInbound);
      const subject = replySubject(lastInbound?.subject ?? null, c.reference, rendered.subject);
      const now = deps.clock.now();
      const messageId = `<${id}@${domainOf(tenant.mailbox)}>`;
      await sendCaseMail(deps, {
        id,
        tenantId: c.tenantId,
        caseId: c.id,
        recordedTo: [to],
        notice: { notice: notice.kind, noticeKey: noticeKey(c, notice.kind) },
        mail: {
          from: tenant.mailbox,
          to: [checked.sesAddress],
          subject,
          text: rendered.text,
          html: rendered.html,
          messageId,
          inReplyTo: threading.inReplyTo,
          references: threading.references,
          date: now,
          headers: { 'X-Rightsdesk-Case': c.reference, 'Auto-Submitted': 'auto-generated' },
          ...(sized.attachments && sized.attachments.length > 0 ? { attachments: sized.attachments } : {}),
        },
      });
      return { channel: 'email', messageId };
    },
  };
}

/**
 * Attachments over the size limit are published (S3, presigned GET with an expiry) and the
 * notice carries links instead; without a download store they stay attached.
 */
async function linkLargeAttachments(deps: NotifierDeps, c: Case, notice: Notice, id: string): Promise<Notice> {
  const files = notice.attachments ?? [];
  const total = files.reduce((sum, f) => sum + f.content.byteLength, 0);
  if (!deps.downloads || files.length === 0 || total <= (deps.attachmentLimitBytes ?? DEFAULT_ATTACHMENT_LIMIT_BYTES)) return notice;
  const links = [];
  for (const file of files) {
    const published = await deps.downloads.publish(c.tenantId, `answers/${c.tenantId}/${c.id}/${id}/${file.filename}`, file);
    links.push({ filename: file.filename, url: published.url, expiresAt: published.expiresAt });
  }
  return { ...notice, attachments: [], links };
}
