import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Config } from 'aws-ses-v2-local';

/**
 * SES stand-in: aws-ses-v2-local, run in-process (its package exports the Express server
 * factory; no child process, so nothing to orphan and start-up is a few milliseconds).
 *
 * Caveats of running it in-process:
 * - Its outbox is a module-level singleton: two servers in one process share one store, and
 *   `POST /clear-store` clears it for both. Start one per process.
 * - If SMTP_TRANSPORT is set in the environment it also relays every stored mail over SMTP
 *   (nodemailer) — don't point that at our own inbound SMTP listener, or replies loop back in
 *   as new requests.
 * - Only SES v2 `Content.Simple.Headers` survive into the store; raw sends lose
 *   Message-ID/In-Reply-To/References.
 *
 * GET /store returns (checked against SendEmailCommand with Content.Simple):
 *   { "templates": {},
 *     "emails": [{
 *       "messageId": "ses-80917283",               // the MessageId SendEmail returned
 *       "from": "privacy@gautora.lt",              // FromEmailAddress, verbatim
 *       "replyTo": [],                             // ReplyToAddresses
 *       "destination": { "to": ["a@x"], "cc": [], "bcc": [] },
 *       "subject": "…",                            // Subject.Data
 *       "body": { "text": "…", "html": "…" },      // each absent when not sent
 *       "attachments": [],                         // { content (base64), contentType, filename, size }
 *       "headers": [{ "name": "In-Reply-To", "value": "<…>" }],  // absent when none were sent
 *       "at": 1767225600                           // epoch SECONDS
 *     }] }
 * `GET /store?since=<epoch seconds>` filters on `at`; `POST /clear-store` empties it.
 */

export interface SesLocalOptions {
  /** 0 or undefined: let the OS pick (no probe-then-bind race: it is read back after listen). */
  readonly port?: number;
}

export interface SesLocal {
  /** For SESv2Client({ endpoint }). */
  readonly endpoint: string;
  /** GET: the JSON above. `${endpoint}/clear-store` (POST) empties it. */
  readonly outboxUrl: string;
  readonly port: number;
  readonly startupMs: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

type ServerFactory = (config?: Partial<Config>) => Promise<Server>;

// The package is CommonJS with `exports.default`. A static ESM import sees `module.exports` as
// the default under Node and tsx but the unwrapped function under vitest's module runner;
// require() gives the same object everywhere (and one shared store per process).
function serverFactory(): ServerFactory {
  const require = createRequire(import.meta.url);
  const loaded = require('aws-ses-v2-local') as { default: ServerFactory };
  return loaded.default;
}

export async function startSesLocal(options: SesLocalOptions = {}): Promise<SesLocal> {
  const started = performance.now();
  const server = await serverFactory()({ host: HOST, port: options.port ?? 0 });
  // Express 5 hands a listen error to the callback the package treats as success, so a taken
  // port shows up as a server that never bound.
  const address = server.address() as AddressInfo | null;
  if (!server.listening || address === null) {
    server.close();
    throw new Error(`SES stand-in: could not listen on ${HOST}:${options.port ?? 0} (port in use?)`);
  }
  const { port } = address;
  const endpoint = `http://${HOST}:${port}`;
  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    outboxUrl: `${endpoint}/store`,
    port,
    startupMs: Math.round(performance.now() - started),
    stop: () => {
      stopping ??= new Promise<void>((resolve, reject) => {
        // SDK clients keep connections alive; close() alone would wait for them to idle out.
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
