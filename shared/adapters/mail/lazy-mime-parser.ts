import type { ParsedEmail } from '#domain/mail.ts';
import { loadOnce } from '#domain/load-once.ts';
import type { MailParser } from '#ports/mail.ts';

/**
 * The postal-mime parser (postal-mime-parser.ts), loaded with the first message parsed. The
 * inbound function's every-minute sweep and its dead-letter drains usually parse nothing, so
 * their cold starts do not compile postal-mime (~70 KB); a receipt loads it when it parses,
 * which it does anyway (docs/performance.md, "trusted-list-refresh, fulfilment, inbound-email").
 * Example: `{ parser: new LazyMimeParser() }` in a composition root.
 */
export class LazyMimeParser implements MailParser {
  // A failed load is not kept: the next message tries again.
  private readonly parser = loadOnce<MailParser>(() => import('./postal-mime-parser.ts').then(({ PostalMimeParser }) => new PostalMimeParser()));

  async parse(raw: Uint8Array): Promise<ParsedEmail> {
    return (await this.parser()).parse(raw);
  }
}
