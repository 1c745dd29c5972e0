import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';
import type { MailAddress, MailParser, ParsedEmail } from '#domain/mail.ts';
import { parseMessageIds } from '#domain/threading.ts';

/** Inbound MIME → `ParsedEmail` with mailparser (charsets, quoted-printable, HTML-only mail). */
export class MailparserParser implements MailParser {
  async parse(raw: Uint8Array): Promise<ParsedEmail> {
    const text = Buffer.from(raw);
    // mailparser reads anything as "a message"; bytes without a single header line are not one.
    if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(text.subarray(0, 8192).toString('latin1'))) {
      throw new Error('Not an RFC 5322 message: no header found.');
    }
    const mail = await simpleParser(text, { skipImageLinks: true });
    const headers: Record<string, string> = {};
    for (const [name, value] of mail.headers) headers[name.toLowerCase()] = headerText(value);
    const contentType = headers['content-type'] ?? 'text/plain';
    const plain = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlToText(mail.html) : '';
    return {
      messageId: mail.messageId ? parseMessageIds(mail.messageId)[0] ?? null : null,
      inReplyTo: mail.inReplyTo ? parseMessageIds(mail.inReplyTo)[0] ?? null : null,
      references: parseMessageIds(mail.references ?? null),
      subject: mail.subject ?? '',
      from: first(mail.from),
      replyTo: first(mail.replyTo),
      to: all(mail.to),
      cc: all(mail.cc),
      date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
      text: plain,
      headers,
      contentType,
      attachments: mail.attachments.map((a, i) => ({
        filename: a.filename ?? `attachment-${i + 1}${a.contentType === 'message/rfc822' ? '.eml' : ''}`,
        contentType: a.contentType,
        content: new Uint8Array(a.content),
      })),
    };
  }
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => headerText(v as HeaderValue)).join(', ');
  if (value && typeof value === 'object') {
    if ('value' in value && 'params' in value) {
      const params = Object.entries(value.params as Record<string, string>).map(([k, v]) => `; ${k}=${v}`).join('');
      return `${String(value.value)}${params}`;
    }
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: MailAddress[] = [];
  const walk = (entries: AddressObject['value']) => {
    for (const e of entries) {
      if (e.address) out.push({ address: e.address.toLowerCase(), name: e.name ?? '' });
      if (e.group) walk(e.group);
    }
  };
  for (const item of list) walk(item.value);
  return out;
}
const first = (value: AddressObject | undefined) => addresses(value)[0] ?? null;
const all = (value: AddressObject | AddressObject[] | undefined) => addresses(value);

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
