import * as z from 'zod/mini';
import { receiveEmail, type ReceiveEmailDeps, type ReceiveEmailResult } from '#usecases/receive-email.ts';
import { inboundFromEnv } from '#wiring/inbound.ts';

/**
 * SES receipt rule → this Lambda. The rule's S3 action has already stored the raw message at
 * `<prefix><mail.messageId>`; the Lambda action hands us the event below (only the fields we use
 * are parsed). The local SMTP listener (local/services/smtp-local.ts) calls the same function.
 */
const SesReceiptEvent = z.object({
  Records: z
    .array(
      z.object({
        eventSource: z.literal('aws:ses'),
        ses: z.object({
          mail: z.object({ messageId: z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9._-]+$/)), timestamp: z.iso.datetime({ offset: true }) }),
          receipt: z.object({ recipients: z.array(z.string()).check(z.minLength(1)) }),
        }),
      }),
    )
    .check(z.minLength(1)),
});
export type SesReceiptEvent = z.infer<typeof SesReceiptEvent>;

/**
 * Builds the handler over given dependencies. A failure is thrown, not swallowed: Lambda retries
 * asynchronous invocations (and the local listener does the same), the raw mail stays in S3, and
 * every step of `receiveEmail` is idempotent.
 */
export function createInboundEmailHandler(deps: ReceiveEmailDeps, options: { readonly keyPrefix: string }) {
  return async (event: unknown): Promise<{ results: ReceiveEmailResult[] }> => {
    const parsed = SesReceiptEvent.parse(event);
    const results: ReceiveEmailResult[] = [];
    for (const record of parsed.Records) {
      const { mail, receipt } = record.ses;
      results.push(
        await receiveEmail(deps, {
          rawKey: `${options.keyPrefix}${mail.messageId}`,
          receivedAt: new Date(mail.timestamp),
          recipients: receipt.recipients,
          deliveryId: mail.messageId,
        }),
      );
    }
    return { results };
  };
}

let lambdaHandler: ReturnType<typeof createInboundEmailHandler> | undefined;

/** The Lambda entry point; configuration is validated on the first event of a container. */
export const handler = (event: unknown) => {
  if (!lambdaHandler) {
    const { deps, keyPrefix } = inboundFromEnv();
    lambdaHandler = createInboundEmailHandler(deps, { keyPrefix });
  }
  return lambdaHandler(event);
};
