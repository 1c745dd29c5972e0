import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { fromSesVerdict, type AuthVerdicts } from '#domain/sender-authentication.ts';
import type { ReceiptVerdicts } from './mail-auth.ts';

/**
 * The local stand-in for SES receiving: an SMTP listener on 127.0.0.1 that does what a receipt
 * rule does in AWS — store the raw message (S3 action), then invoke the inbound handler with an
 * SES receipt event (Lambda action, asynchronous: retried on failure). The message is accepted
 * (250) only once the raw is stored and its inbound-ledger entry written (durable accept); a
 * failure of either is a temporary failure (451), so the sending server retries. After that, a
 * handler that fails on every retry loses nothing: the ledger's sweeper re-drives the message.
 * `stop()` stops accepting connections and waits for the messages in flight.
 */
export interface SmtpLocalOptions {
  readonly port?: number;
  /** Stores the raw message under the key (the receiving bucket). */
  readonly store: (key: string, raw: Uint8Array) => Promise<void>;
  /** Writes the inbound-ledger entry for a stored message; the 250 waits for it. */
  readonly accept?: (key: string, event: SesReceiptEventLike) => Promise<unknown>;
  /** The inbound handler, called with an SES receipt event. */
  readonly deliver: (event: SesReceiptEventLike) => Promise<unknown>;
  /** The receipt rule's object key prefix. */
  readonly keyPrefix: string;
  /** Lambda retries a failed asynchronous invocation twice; so do we. */
  readonly retryDelaysMs?: readonly number[];
  readonly log?: (line: string) => void;
  /** SES accepts up to 40 MB. */
  readonly maxBytes?: number;
  /** SES's SPF/DKIM/DMARC verdicts, computed locally (mail-auth.ts); without it the event carries none, which proves nothing. */
  readonly authenticate?: (raw: Uint8Array, envelope: { ip: string; helo: string; mailFrom: string }) => Promise<ReceiptVerdicts>;
  /** The stack's clock (the workflows' virtual clock): receipt times come from it. Default: wall clock. */
  readonly clock?: { now(): Date };
}

export interface SmtpLocal {
  readonly host: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface SesReceiptEventLike {
  Records: Array<{
    eventSource: 'aws:ses';
    eventVersion: '1.0';
    ses: {
      mail: { messageId: string; timestamp: string; source: string; destination: string[] };
      receipt: { timestamp: string; recipients: string[]; action: { type: 'Lambda'; invocationType: 'Event' } } & Partial<ReceiptVerdicts>;
    };
  }>;
}

const HOST = '127.0.0.1';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function receiptEvent(deliveryId: string, receivedAt: Date, session: Pick<SMTPServerSession, 'envelope'>, verdicts?: ReceiptVerdicts): SesReceiptEventLike {
  const recipients = session.envelope.rcptTo.map((r) => r.address);
  const source = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const timestamp = receivedAt.toISOString();
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: { messageId: deliveryId, timestamp, source, destination: recipients },
          receipt: { timestamp, recipients, action: { type: 'Lambda', invocationType: 'Event' }, ...(verdicts ?? {}) },
        },
      },
    ],
  };
}

/** What the handler reads from a receipt event: the inbound ledger's entry for a stored message. */
export function inboundInputOf(rawKey: string, event: SesReceiptEventLike): { rawKey: string; receivedAt: Date; recipients: string[]; deliveryId: string; authentication?: AuthVerdicts } {
  const record = event.Records[0]!;
  const r = record.ses.receipt;
  const authentication: AuthVerdicts | undefined =
    r.spfVerdict && r.dkimVerdict && r.dmarcVerdict
      ? { spf: fromSesVerdict(r.spfVerdict.status), dkim: fromSesVerdict(r.dkimVerdict.status), dmarc: fromSesVerdict(r.dmarcVerdict.status), ...(r.alignment ? { alignedDkim: r.alignment.dkim, alignedSpf: r.alignment.spf } : {}), source: 'mailauth' }
      : undefined;
  return { rawKey, receivedAt: new Date(record.ses.mail.timestamp), recipients: r.recipients, deliveryId: record.ses.mail.messageId, ...(authentication ? { authentication } : {}) };
}

export async function startSmtpLocal(options: SmtpLocalOptions): Promise<SmtpLocal> {
  const log = options.log ?? (() => undefined);
  const delays = options.retryDelaysMs ?? [200, 1000];
  const maxBytes = options.maxBytes ?? 40 * 1024 * 1024;
  const inFlight = new Set<Promise<unknown>>();

  const server = new SMTPServer({
    name: 'rightsdesk.local',
    banner: 'rightsdesk local inbound (SES stand-in)',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    // Idle sessions (a client's pooled connection) are told 421 after this on stop; messages in
    // flight are awaited separately.
    closeTimeout: 5_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 }));
          return;
        }
        // The mail server's timestamp is the moment of receipt (docs/design.md §1.4), on the
        // stack's one clock (the workflows' virtual clock when time runs fast).
        const receivedAt = options.clock ? options.clock.now() : new Date();
        const deliveryId = `${receivedAt.getTime().toString(36)}-${randomUUID()}`;
        const key = `${options.keyPrefix}${deliveryId}`;
        const raw = Buffer.concat(chunks);
        const verdicts = options.authenticate
          ? options.authenticate(raw, { ip: session.remoteAddress, helo: session.hostNameAppearsAs, mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '' }).catch((error: unknown) => {
              // A DNS or parsing failure proves nothing: no verdicts, so no identity link.
              log(`inbound mail ${key}: authentication could not be checked: ${error instanceof Error ? error.message : String(error)}`);
              return undefined;
            })
          : Promise.resolve(undefined);
        let event = receiptEvent(deliveryId, receivedAt, session);
        const work = verdicts
          .then((v) => {
            event = receiptEvent(deliveryId, receivedAt, session, v);
            return options.store(key, raw);
          })
          .then(() => options.accept?.(key, event))
          .then(
          async () => {
            for (let attempt = 0; ; attempt++) {
              try {
                await options.deliver(event);
                break;
              } catch (error) {
                const delay = delays[attempt];
                if (delay === undefined) {
                  // Like a Lambda out of retries: the raw stays in the bucket and the ledger entry
                  // stays pending, so the sweeper re-drives it.
                  log(`inbound mail ${key}: handler failed after ${attempt + 1} attempts: ${error instanceof Error ? error.message : String(error)}`);
                  break;
                }
                await sleep(delay);
              }
            }
            callback(null, `Queued as ${deliveryId}`);
          },
          (error: unknown) => {
            log(`inbound mail: could not store the raw message: ${error instanceof Error ? error.message : String(error)}`);
            callback(Object.assign(new Error('Temporary failure storing the message, try again later'), { responseCode: 451 }));
          },
        );
        inFlight.add(work);
        void work.finally(() => inFlight.delete(work));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // smtp-server logs and survives socket errors; the listener must not crash the stack.
  server.on('error', (error) => log(`smtp: ${error.message}`));
  const port = (server.server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    host: HOST,
    port,
    stop: () => {
      // close() stops listening at once and waits for open sessions; the messages in flight
      // finish (stored, recorded, handed to the handler) before the stand-ins behind us stop.
      stopping ??= Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), ...inFlight]).then(() => Promise.allSettled([...inFlight])).then(() => undefined);
      return stopping;
    },
  };
}
