import PostalMime, { type Address } from 'postal-mime';
import type { MailAddress, ParsedEmail } from '#domain/mail.ts';
import type { MailParser } from '#ports/mail.ts';
import { parseMessageIds } from '#domain/threading.ts';

/**
 * Inbound MIME → `ParsedEmail` with postal-mime. Charsets are decoded by the runtime's own ICU
 * (`TextDecoder`: windows-1257, ISO-8859-13, ISO-2022-JP, …) instead of bundled tables, which
 * keeps the inbound Lambda at ~1/5 of the size mailparser needs (iconv-lite and
 * encoding-japanese alone are ~700 KB minified).
 */
export class PostalMimeParser implements MailParser {
  async parse(raw: Uint8Array): Promise<ParsedEmail> {
    // A parser reads anything as "a message"; bytes without a single header line are not one.
    if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(Buffer.from(raw.subarray(0, 8192)).toString('latin1'))) {
      throw new Error('Not an RFC 5322 message: no header found.');
    }
    // Attached messages (forwards as attachments, the original inside a bounce report) stay
    // attachments: they are evidence and carry the Message-IDs that thread a bounce.
    const mail = await PostalMime.parse(raw, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
    const headers: Record<string, string> = {};
    for (const { key, value } of mail.headers) headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    const plain = mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html) : '';
    const date = mail.date ? new Date(mail.date) : null;
    return {
      messageId: mail.messageId ? parseMessageIds(mail.messageId)[0] ?? null : null,
      inReplyTo: mail.inReplyTo ? parseMessageIds(mail.inReplyTo)[0] ?? null : null,
      references: parseMessageIds(mail.references ?? null),
      subject: mail.subject ?? '',
      from: mailboxes(mail.from ? [mail.from] : [])[0] ?? null,
      replyTo: mailboxes(mail.replyTo ?? [])[0] ?? null,
      to: mailboxes(mail.to ?? []),
      cc: mailboxes(mail.cc ?? []),
      date: date && !Number.isNaN(date.getTime()) ? date : null,
      text: plain,
      headers,
      contentType: headers['content-type'] ?? 'text/plain',
      attachments: mail.attachments.map((a, i) => ({
        filename: a.filename ?? `attachment-${i + 1}${a.mimeType === 'message/rfc822' ? '.eml' : ''}`,
        contentType: a.mimeType,
        content: typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content),
      })),
    };
  }
}

function mailboxes(list: readonly Address[]): MailAddress[] {
  const out: MailAddress[] = [];
  for (const entry of list) {
    if (entry.group) for (const member of entry.group) out.push({ address: member.address.toLowerCase(), name: member.name });
    else if (entry.address) out.push({ address: entry.address.toLowerCase(), name: entry.name });
  }
  return out;
}

/** Enough HTML → text for classification and staff reading; the raw MIME stays the evidence. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d|tr)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
