import * as z from 'zod/mini';
import { AUTH_VERDICTS } from '#domain/sender-authentication.ts';

// Built on first use (z.lazy): only an item that carries sender-authentication verdicts parses it, so most cold starts never build it.
/** What SPF, DKIM and DMARC said of a received message, as the ledger and the case both store it. */
export const StoredAuthVerdictsSchema = z.lazy(() => z.object({
  spf: z.enum(AUTH_VERDICTS),
  dkim: z.enum(AUTH_VERDICTS),
  dmarc: z.enum(AUTH_VERDICTS),
  alignedDkim: z.optional(z.boolean()),
  alignedSpf: z.optional(z.boolean()),
  source: z.enum(['ses', 'mailauth']),
}));
