import { randomBytes } from 'node:crypto';
import { singleLine } from '#domain/text.ts';
import type { OutgoingEmail } from '#domain/mail.ts';

/**
 * A small RFC 5322 / MIME composer for the mail rightsdesk sends: UTF-8 text (+ HTML), optional
 * attachments, threading headers. It replaces nodemailer's MailComposer in the Lambdas: that
 * one pulled ~130 KB (a 74 KB file-extension table we never need, since every part names its
 * own content type) into the API bundle, which has a 450 KB budget.
 *
 * Text parts are quoted-printable (the stored evidence stays readable), attachments base64,
 * non-ASCII header values RFC 2047 encoded words. Lines end in CRLF.
 */

const CRLF = '\r\n';
const encoder = new TextEncoder();

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** RFC 2047 B-encoded words of at most ~45 bytes each, never splitting a character. */
export function encodeWords(raw: string): string {
  const value = singleLine(raw);
  if (isAscii(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (encoder.encode(chunk + ch).byteLength > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** An address list entry: `Name <a@b>` with the name encoded when needed. */
function address(raw: string): string {
  const value = singleLine(raw);
  const match = /^(.*)<([^>]+)>\s*$/.exec(value);
  if (!match) return value.trim();
  const name = match[1]!.trim().replace(/^"|"$/g, '');
  return name ? `${isAscii(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeWords(name)} <${match[2]}>` : `<${match[2]}>`;
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text, CRLF line ends, soft breaks at 76. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n|\r|\n/g, '\n').split('\n');
  return lines
    .map((line) => {
      const bytes = encoder.encode(line);
      let out = '';
      let width = 0;
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        const token = literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
        if (width + token.length > 75) {
          out += `=${CRLF}`;
          width = 0;
        }
        out += token;
        width += token.length;
      });
      return out;
    })
    .join(CRLF);
}

function base64Lines(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** RFC 5322 date in UTC: `Sat, 21 Nov 2026 21:05:46 +0000`. */
function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

/** A filename parameter: plain when ASCII, RFC 2231 extended otherwise. */
function filenameParam(name: string, param: 'filename' | 'name'): string {
  if (isAscii(name) && !/["\\]/.test(name)) return `${param}="${name}"`;
  return `${param}*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

const boundary = (tag: string) => `----=_rd_${tag}_${randomBytes(12).toString('hex')}`;

function textPart(type: 'plain' | 'html', body: string): string {
  return [`Content-Type: text/${type}; charset=utf-8`, 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(body)].join(CRLF);
}

function multipart(subtype: string, parts: readonly string[], tag: string): string {
  const b = boundary(tag);
  return [`Content-Type: multipart/${subtype}; boundary="${b}"`, '', ...parts.map((p) => `--${b}${CRLF}${p}`), `--${b}--`, ''].join(CRLF);
}

/** The exact MIME of an outgoing mail (evidence; what SES sends). */
export function composeMimeMessage(mail: OutgoingEmail): string {
  const headers: string[] = [
    `From: ${address(mail.from)}`,
    `To: ${mail.to.map(address).join(', ')}`,
    `Subject: ${encodeWords(mail.subject)}`,
    `Date: ${rfc5322Date(mail.date)}`,
    `Message-ID: ${singleLine(mail.messageId)}`,
    ...(mail.inReplyTo ? [`In-Reply-To: ${singleLine(mail.inReplyTo)}`] : []),
    ...(mail.references.length > 0 ? [`References: ${singleLine(mail.references.join(' '))}`] : []),
    ...Object.entries(mail.headers).map(([name, value]) => `${singleLine(name).replace(/[\s:]/g, '')}: ${encodeWords(value)}`),
    'MIME-Version: 1.0',
  ];
  const body = mail.html ? multipart('alternative', [textPart('plain', mail.text), textPart('html', mail.html)], 'alt') : textPart('plain', mail.text);
  const attachments = mail.attachments ?? [];
  const content =
    attachments.length === 0
      ? body
      : multipart(
          'mixed',
          [
            body,
            ...attachments.map((a) =>
              [
                `Content-Type: ${a.contentType}; ${filenameParam(a.filename, 'name')}`,
                'Content-Transfer-Encoding: base64',
                `Content-Disposition: attachment; ${filenameParam(a.filename, 'filename')}`,
                '',
                base64Lines(a.content),
              ].join(CRLF),
            ),
          ],
          'mixed',
        );
  return `${headers.join(CRLF)}${CRLF}${content}`;
}
