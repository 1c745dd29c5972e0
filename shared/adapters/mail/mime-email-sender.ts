import type { OutgoingEmail } from '#domain/mail.ts';
import type { EmailSender } from '#ports/mail.ts';
import type { Mailer } from '#ports/cases.ts';
import { composeMimeMessage } from './mime-compose.ts';

/** The exact MIME of an outgoing mail (evidence; also what SES would send raw). */
export async function composeMime(mail: OutgoingEmail): Promise<string> {
  return composeMimeMessage(mail);
}

/**
 * Sends through the Mailer (SES v2 `Content.Simple` with `Headers` and `Attachments`: the one
 * form the SES stand-in keeps Message-ID/In-Reply-To/References in) and returns the composed
 * MIME with the very same headers and attachments as the evidence of what was sent.
 */
export class MimeEmailSender implements EmailSender {
  constructor(private readonly mailer: Mailer) {}

  async send(mail: OutgoingEmail): Promise<{ raw: string; providerMessageId: string }> {
    const raw = await composeMime(mail);
    const { messageId } = await this.mailer.send({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      headers: {
        ...mail.headers,
        'Message-ID': mail.messageId,
        ...(mail.inReplyTo ? { 'In-Reply-To': mail.inReplyTo } : {}),
        ...(mail.references.length > 0 ? { References: mail.references.join(' ') } : {}),
      },
      ...(mail.attachments && mail.attachments.length > 0 ? { attachments: mail.attachments } : {}),
    });
    return { raw, providerMessageId: messageId };
  }
}
