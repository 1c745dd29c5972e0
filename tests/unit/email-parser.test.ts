import { describe, expect, it } from 'vitest';
import { PostalMimeParser } from '#adapters/mail/postal-mime-parser.ts';

const crlf = (lines: string[]) => lines.join('\r\n');

describe('PostalMimeParser', () => {
  it('decodes a windows-1257 Lithuanian body with the runtime ICU (no bundled charset tables)', async () => {
    // "Prašau ištrinti mano duomenis" in windows-1257: š = 0xF0, č = 0xE8.
    const body = Buffer.from([...Buffer.from('Pra', 'latin1'), 0xf0, ...Buffer.from('au i', 'latin1'), 0xf0, ...Buffer.from('trinti mano duomenis', 'latin1')]);
    const head = Buffer.from(
      crlf(['From: =?UTF-8?Q?Ona_Petraitien=C4=97?= <ona@example.lt>', 'To: privacy@gautora.lt', 'Subject: =?windows-1257?Q?Pra=F0ymas?=', 'Message-ID: <a1@example.lt>', 'Content-Type: text/plain; charset=windows-1257', 'Content-Transfer-Encoding: 8bit', '', '']),
      'latin1',
    );
    const parsed = await new PostalMimeParser().parse(new Uint8Array(Buffer.concat([head, body])));
    expect(parsed.text.trim()).toBe('Prašau ištrinti mano duomenis');
    expect(parsed.subject).toBe('Prašymas');
    expect(parsed.from).toEqual({ address: 'ona@example.lt', name: 'Ona Petraitienė' });
    expect(parsed.messageId).toBe('<a1@example.lt>');
  });

  it('keeps an attached message as an attachment, and reads the top-level type of a report', async () => {
    const raw = crlf([
      'From: MAILER-DAEMON@example.lt',
      'To: privacy@gautora.lt',
      'Subject: Undelivered Mail',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Delivery failed.',
      '--b1',
      'Content-Type: message/rfc822',
      '',
      'Message-ID: <ours-1@gautora.lt>',
      'Subject: Re: request',
      '',
      'original',
      '--b1--',
      '',
    ]);
    const parsed = await new PostalMimeParser().parse(new TextEncoder().encode(raw));
    expect(parsed.contentType).toMatch(/^multipart\/report;/);
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(['message/rfc822']);
    expect(new TextDecoder().decode(parsed.attachments[0]?.content)).toContain('<ours-1@gautora.lt>');
  });

  it('refuses bytes that are not a message', async () => {
    await expect(new PostalMimeParser().parse(new TextEncoder().encode('\u0000\u0001 just bytes'))).rejects.toThrow(/Not an RFC 5322 message/);
  });
});
