import * as z from 'zod/mini';
import { processInbound, sweepInbound, type InboundLedgerDeps } from '#usecases/process-inbound.ts';
import type { ReceiveEmailResult } from '#usecases/receive-email.ts';
import { sweepOutbox } from '#usecases/outbox-sweep.ts';
import { inboundFromEnv } from '#wiring/inbound.ts';
import { fromSesVerdict, type AuthVerdicts } from '#domain/sender-authentication.ts';

/**
 * SES receipt rule → this Lambda. The rule's S3 action has already stored the raw message at
 * `<prefix><mail.messageId>`; the Lambda action hands us the event below (only the fields we use
 * are parsed). The local SMTP listener (local/services/smtp-local.ts) calls the same function.
 */
const Verdict = z.object({ status: z.string().check(z.maxLength(40)) });

const SesReceiptEvent = z.object({
  Records: z
    .array(
      z.object({
        eventSource: z.literal('aws:ses'),
        ses: z.object({
          mail: z.object({ messageId: z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9._-]+$/)), timestamp: z.iso.datetime({ offset: true }) }),
          receipt: z.object({
            recipients: z.array(z.string()).check(z.minLength(1)),
            // SES's own verdicts on the message: the only proof of who sent it (issue 16).
            spfVerdict: z.optional(Verdict),
            dkimVerdict: z.optional(Verdict),
            dmarcVerdict: z.optional(Verdict),
            // Local SMTP listener only (mailauth): whether a passing DKIM/SPF domain aligns with From.
            alignment: z.optional(z.object({ dkim: z.boolean(), spf: z.boolean() })),
          }),
        }),
      }),
    )
    .check(z.minLength(1)),
});
export type SesReceiptEvent = z.infer<typeof SesReceiptEvent>;

/**
 * Builds the handler over given dependencies. Each message gets its inbound-ledger entry first and
 * its outcome recorded after. A failure is thrown, not swallowed: Lambda retries asynchronous
 * invocations (and the local listener does the same), the raw mail stays in S3, the ledger entry
 * stays pending for the sweeper, and every step of `receiveEmail` is idempotent.
 */
export function createInboundEmailHandler(deps: InboundLedgerDeps, options: { readonly keyPrefix: string }) {
  return async (event: unknown): Promise<{ results: ReceiveEmailResult[] }> => {
    const parsed = SesReceiptEvent.parse(event);
    const results: ReceiveEmailResult[] = [];
    for (const record of parsed.Records) {
      const { mail, receipt } = record.ses;
      results.push(
        await processInbound(deps, {
          rawKey: `${options.keyPrefix}${mail.messageId}`,
          receivedAt: new Date(mail.timestamp),
          recipients: receipt.recipients,
          deliveryId: mail.messageId,
          ...verdictsOf(receipt),
        }),
      );
    }
    return { results };
  };
}

/** SES's verdicts in our words; an event without them (an older rule) proves nothing. */
function verdictsOf(receipt: SesReceiptEvent['Records'][number]['ses']['receipt']): { authentication?: AuthVerdicts } {
  if (!receipt.spfVerdict && !receipt.dkimVerdict && !receipt.dmarcVerdict) return {};
  return {
    authentication: {
      spf: fromSesVerdict(receipt.spfVerdict?.status),
      dkim: fromSesVerdict(receipt.dkimVerdict?.status),
      dmarc: fromSesVerdict(receipt.dmarcVerdict?.status),
      ...(receipt.alignment ? { alignedDkim: receipt.alignment.dkim, alignedSpf: receipt.alignment.spf, source: 'mailauth' as const } : { source: 'ses' as const }),
    },
  };
}

/** The EventBridge schedule's event (`InboundSweep` in infra/service-stack.ts): run the ledger's sweeper. */
const ScheduledEvent = z.object({ 'detail-type': z.literal('Scheduled Event'), source: z.literal('aws.events') });

let lambda: { receive: ReturnType<typeof createInboundEmailHandler>; deps: ReturnType<typeof inboundFromEnv>['deps'] } | undefined;

/**
 * The Lambda entry point; configuration is validated on the first event of a container. The same
 * function (and role) runs the inbound ledger's sweeper every minute: re-driving a stored message
 * needs exactly what receiving one does.
 */
export const handler = async (event: unknown) => {
  if (!lambda) {
    const { deps, keyPrefix } = inboundFromEnv();
    lambda = { receive: createInboundEmailHandler(deps, { keyPrefix }), deps };
  }
  if (ScheduledEvent.safeParse(event).success) {
    const inbound = await sweepInbound(lambda.deps, { limit: 50 });
    const acknowledgements = await sweepOutbox(lambda.deps, { limit: 50 });
    return { inbound, acknowledgements };
  }
  return lambda.receive(event);
};
