import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Config } from 'aws-ses-v2-local';
import { tenantRegistry } from '#tenants/registry.ts';
import { sesV2Refusal, type SesRefusal } from './ses-rules.ts';

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
  /** Verified identities (addresses or domains); default: every tenant mailbox (as deployed). */
  readonly verifiedIdentities?: readonly string[];
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
const SEND_EMAIL_PATH = '/v2/email/outbound-emails';

/**
 * Puts SES v2's own refusals (local/services/ses-rules.ts) in front of aws-ses-v2-local's Express
 * app: a refused SendEmail is answered as SES answers (HTTP 400, `x-amzn-ErrorType`), so the SDK
 * throws BadRequestException or MessageRejected. An accepted body is handed on already parsed.
 */
function enforceSesRules(server: Server, verifiedIdentities: readonly string[]): void {
  const [app] = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  if (!app) throw new Error('SES stand-in: no request handler to put the SES rules in front of');
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage & { body?: unknown; _body?: boolean }, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== SEND_EMAIL_PATH) return app(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let input: unknown;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return refuse(res, { type: 'BadRequestException', message: 'The request body is not valid JSON.' });
      }
      const refusal = sesV2Refusal(input as Parameters<typeof sesV2Refusal>[0], verifiedIdentities);
      if (refusal) return refuse(res, refusal);
      // body-parser skips a request whose body is already read (`_body`), so its 25 MB cap does not apply.
      req.body = input;
      req._body = true;
      app(req, res);
    });
  });
}

function refuse(res: ServerResponse, refusal: SesRefusal): void {
  res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': refusal.type });
  res.end(JSON.stringify({ message: refusal.message }));
}

type ServerFactory = (config?: Partial<Config>) => Promise<Server>;

// The package is CommonJS with `exports.default`. A static ESM import sees `module.exports` as
// the default under Node and tsx but the unwrapped function under vitest's module runner;
// require() gives the same object everywhere (and one shared store per process).
function serverFactory(): ServerFactory {
  const require = createRequire(import.meta.url);
  const loaded = require('aws-ses-v2-local') as { default: ServerFactory };
  return loaded.default;
}

/**
 * What GetAccount answers (`/readyz`'s mail check): the package reads the account from this
 * environment variable of its own process (otherwise a 400 "Account not found"). A production
 * account's shape, sending enabled, with SES's default quotas.
 */
const LOCAL_SES_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: { AdditionalContactEmailAddresses: [], ContactLanguage: 'EN', MailType: 'TRANSACTIONAL', ReviewDetails: { CaseId: 'local', Status: 'GRANTED' }, UseCaseDescription: 'rightsdesk local stand-in', WebsiteURL: 'https://rightsdesk.local' },
  EnforcementStatus: 'HEALTHY',
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
};

export async function startSesLocal(options: SesLocalOptions = {}): Promise<SesLocal> {
  const started = performance.now();
  process.env.AWS_SES_ACCOUNT ??= JSON.stringify(LOCAL_SES_ACCOUNT);
  const server = await serverFactory()({ host: HOST, port: options.port ?? 0 });
  // Express 5 hands a listen error to the callback the package treats as success, so a taken
  // port shows up as a server that never bound.
  const address = server.address() as AddressInfo | null;
  if (!server.listening || address === null) {
    server.close();
    throw new Error(`SES stand-in: could not listen on ${HOST}:${options.port ?? 0} (port in use?)`);
  }
  const { port } = address;
  enforceSesRules(server, options.verifiedIdentities ?? tenantRegistry.list().map((t) => t.mailbox));
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
