import { describe, expect, it } from 'vitest';
import { LazyMimeParser } from '#adapters/mail/lazy-mime-parser.ts';
import { PostalMimeParser } from '#adapters/mail/postal-mime-parser.ts';

const raw = (id: string) =>
  new TextEncoder().encode(
    ['From: =?UTF-8?Q?Ona_Petraitien=C4=97?= <ona@example.lt>', 'To: privacy@gautora.lt', 'Subject: =?UTF-8?Q?Pra=C5=A1ymas?=', `Message-ID: <${id}@example.lt>`, 'Content-Type: text/plain; charset=UTF-8', '', 'Prašau ištrinti mano duomenis.', ''].join('\r\n'),
  );

describe('LazyMimeParser', () => {
  it('parses as the postal-mime parser does, message after message, with one parser loaded on first use', async () => {
    const lazy = new LazyMimeParser();
    const [first, second] = await Promise.all([lazy.parse(raw('a1')), lazy.parse(raw('a2'))]);
    expect(first).toEqual(await new PostalMimeParser().parse(raw('a1')));
    expect(first?.subject).toBe('Prašymas');
    expect(second?.messageId).toBe('<a2@example.lt>');
  });

  it('refuses bytes that are not a message, and parses the next message after it', async () => {
    const lazy = new LazyMimeParser();
    await expect(lazy.parse(new TextEncoder().encode('\u0000\u0001 just bytes'))).rejects.toThrow(/Not an RFC 5322 message/);
    expect((await lazy.parse(raw('a3'))).messageId).toBe('<a3@example.lt>');
  });
});
