import MailComposer from 'nodemailer/lib/mail-composer';
import type { EmailSender, OutgoingEmail } from '#domain/mail.ts';
import type { Mailer } from '#domain/ports.ts';

/** The exact MIME of an outgoing mail, composed by nodemailer (evidence; also what SES would send raw). */
export async function composeMime(mail: OutgoingEmail): Promise<string> {
  const composer = new MailComposer({
    from: mail.from,
    to: [...mail.to],
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    messageId: mail.messageId,
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references.length > 0 ? { references: [...mail.references] } : {}),
    date: mail.date,
    headers: { ...mail.headers },
    ...(mail.attachments ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })) } : {}),
  });
  const built = await new Promise<Buffer>((resolve, reject) => composer.compile().build((error, message) => (error ? reject(error) : resolve(message))));
  return built.toString('utf8');
}

/**
 * Sends through the Mailer (SES v2 `Content.Simple` with `Headers`: the one form the SES
 * stand-in keeps Message-ID/In-Reply-To/References in) and returns the composed MIME with the
 * very same headers as the evidence of what was sent.
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
    });
    return { raw, providerMessageId: messageId };
  }
}
