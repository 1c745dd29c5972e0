import * as z from 'zod/mini';
import { processInbound, sweepInbound, type InboundLedgerDeps } from '#usecases/process-inbound.ts';
import type { ReceiveEmailInput, ReceiveEmailResult } from '#usecases/receive-email.ts';
import { sweepOutbox } from '#usecases/outbox-sweep.ts';
import { drainDeadLetter, type DeadLetter } from '#usecases/drain-dead-letters.ts';
import { inboundFromEnv } from '#wiring/inbound.ts';
import { fromSesVerdict, type AuthVerdicts } from '#domain/sender-authentication.ts';
import { isoDateTime } from '#domain/zod-core.ts';

/**
 * SES receipt rule → this Lambda (also: the sweeper's schedule, and SQS draining the dead-letter
 * queues into the ledger). The rule's S3 action has already stored the raw message at
 * `<prefix><mail.messageId>`; the Lambda action hands us the event below (only the fields we use
 * are parsed). The local SMTP listener (local/services/smtp-local.ts) calls the same function.
 */
// Built with the first receipt or dead letter (z.lazy): the every-minute sweep, most of this
// function's invocations, parses neither (issue 15).
const SesReceiptEvent = z.lazy(() => {
  const Verdict = z.object({ status: z.string().check(z.maxLength(40)) });
  return z.object({
    Records: z
      .array(
        z.object({
          eventSource: z.literal('aws:ses'),
          ses: z.object({
            mail: z.object({ messageId: z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9._-]+$/)), timestamp: isoDateTime({ offset: true }) }),
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
    const results: ReceiveEmailResult[] = [];
    for (const input of receiptInputs(SesReceiptEvent.parse(event), options.keyPrefix)) results.push(await processInbound(deps, input));
    return { results };
  };
}

/** The stored message each record of an SES receipt event names. */
function receiptInputs(event: SesReceiptEvent, keyPrefix: string): ReceiveEmailInput[] {
  return event.Records.map(({ ses: { mail, receipt } }) => ({
    rawKey: `${keyPrefix}${mail.messageId}`,
    receivedAt: new Date(mail.timestamp),
    recipients: receipt.recipients,
    deliveryId: mail.messageId,
    ...verdictsOf(receipt),
  }));
}

/** SQS delivering the dead-letter queues (the inbound function's on-failure queue, the sweep's). */
const SqsEvent = z.object({
  Records: z.array(z.object({ eventSource: z.literal('aws:sqs'), messageId: z.string(), body: z.string() })).check(z.minLength(1)),
});
/** A Lambda on-failure destination record: the original event is `requestPayload`. */
const DestinationRecord = z.lazy(() => z.object({ requestContext: z.object({ condition: z.string() }), requestPayload: z.unknown() }));

/** What a dead letter is, or null when it is neither shape (then it stays in the queue, alarmed). */
export function deadLetterOf(body: string, keyPrefix: string): DeadLetter | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const destination = DestinationRecord.safeParse(json);
  const original = destination.success ? destination.data.requestPayload : json;
  const receipt = SesReceiptEvent.safeParse(original);
  if (receipt.success) return { kind: 'receipt', inputs: receiptInputs(receipt.data, keyPrefix) };
  if (ScheduledEvent.safeParse(original).success) return { kind: 'sweep' };
  return null;
}

/**
 * Drains a batch of dead letters (SQS event source, partial batch responses): each becomes its
 * ledger entry or a sweep; one that cannot be read or drained is reported failed and stays.
 */
export function createDeadLetterHandler(deps: Parameters<typeof drainDeadLetter>[0], options: { readonly keyPrefix: string }) {
  return async (event: z.infer<typeof SqsEvent>): Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }> => {
    const batchItemFailures: Array<{ itemIdentifier: string }> = [];
    for (const record of event.Records) {
      const letter = deadLetterOf(record.body, options.keyPrefix);
      try {
        if (!letter) throw new Error('Not an SES receipt or a scheduled sweep.');
        await drainDeadLetter(deps, letter);
      } catch (error) {
        console.error(JSON.stringify({ level: 'error', where: 'dead-letter drain', messageId: record.messageId, error: error instanceof Error ? error.message : String(error) }));
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
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

let lambda: { receive: ReturnType<typeof createInboundEmailHandler>; drain: ReturnType<typeof createDeadLetterHandler>; deps: ReturnType<typeof inboundFromEnv>['deps'] } | undefined;

/**
 * The Lambda entry point; configuration is validated on the first event of a container. The same
 * function (and role) runs the inbound ledger's sweeper every minute: re-driving a stored message
 * needs exactly what receiving one does.
 */
export const handler = async (event: unknown) => {
  if (!lambda) {
    const { deps, keyPrefix } = inboundFromEnv();
    lambda = { receive: createInboundEmailHandler(deps, { keyPrefix }), drain: createDeadLetterHandler(deps, { keyPrefix }), deps };
  }
  const dlq = SqsEvent.safeParse(event);
  if (dlq.success) return lambda.drain(dlq.data);
  if (ScheduledEvent.safeParse(event).success) {
    const inbound = await sweepInbound(lambda.deps, { limit: 50 });
    const acknowledgements = await sweepOutbox(lambda.deps, { limit: 50 });
    return { inbound, acknowledgements };
  }
  return lambda.receive(event);
};
