import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { composeMimeMessage } from '#adapters/mail/mime-compose.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';
import { singleLine } from '#domain/text.ts';

/** A subject or display name copied from a hostile mail, trying to add a header of its own. */
const INJECTED = 'Prašymas\r\nBcc: attacker@evil.example\nX-Injected: 1';

/** The header block as lines (up to the blank line that ends it). */
function headerLines(mime: string): string[] {
  return mime.slice(0, mime.indexOf('\r\n\r\n')).split('\r\n');
}

describe('outgoing headers', () => {
  const ses = mockClient(SESv2Client);
  afterEach(() => ses.reset());

  it('turns line breaks and control characters into a space', () => {
    expect(singleLine('Hi\r\nBcc: x@y\tz\u0000')).toBe('Hi Bcc: x@y z ');
  });

  it('composes a MIME message in which a hostile subject, name or reference starts no header', () => {
    const mime = composeMimeMessage({
      from: `"Softera" <privacy@softera.lt>`,
      to: [`${INJECTED} <ona@example.lt>`],
      subject: `Re: ${INJECTED} [SOF-2026-000001]`,
      text: 'Labas',
      messageId: '<m2@softera.lt>',
      inReplyTo: '<m1@example.lt>\r\nBcc: attacker@evil.example',
      references: ['<m1@example.lt>'],
      date: new Date('2026-12-05T08:00:00Z'),
      headers: { 'X-Rightsdesk-Case': `SOF-2026-000001\r\nBcc: attacker@evil.example` },
    });
    const lines = headerLines(mime);
    // Every line is a header of ours or the folded continuation of one.
    const names = lines.filter((l) => !/^[ \t]/.test(l)).map((l) => l.slice(0, l.indexOf(':')));
    expect(names).toEqual(['From', 'To', 'Subject', 'Date', 'Message-ID', 'In-Reply-To', 'References', 'X-Rightsdesk-Case', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']);
    expect(lines.some((l) => /^(Bcc|X-Injected):/i.test(l))).toBe(false);
  });

  it('sends through SES with a one-line subject and header values', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    await new SesMailer(new SESv2Client({ region: 'eu-central-1' })).send({
      from: 'privacy@softera.lt',
      to: ['ona@example.lt'],
      subject: `Re: ${INJECTED}`,
      text: 'Labas',
      headers: { 'In-Reply-To': '<m1@example.lt>\r\nBcc: attacker@evil.example' },
    });
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    const subject = input.Content?.Simple?.Subject?.Data ?? '';
    expect(subject).toBe('Re: Prašymas Bcc: attacker@evil.example X-Injected: 1');
    expect(input.Content?.Simple?.Headers?.every((h) => !/[\r\n]/.test(h.Value ?? ''))).toBe(true);
  });
});
