import type { DNSResolver } from 'mailauth';
import type { WebhookTransport } from '#ports/channels.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { AWS_CLIENT_LIMITS } from '#adapters/aws-client-limits.ts';
import { sesReadiness } from '#adapters/ses/readiness.ts';
import { sfnReadiness } from '#adapters/sfn/readiness.ts';
import { serve, type ServerType } from '@hono/node-server';
import { awsClients } from '#wiring/clients.ts';
import { buildApiDeps } from '#wiring/http-deps.ts';
import { loadLetterFont, PdfLetterRenderer } from '#adapters/pdf/letter-pdf.ts';
import { webhookJwks } from '#adapters/webhooks/jose-signer.ts';
import { localFormsSecret, localWebhookKeys } from './webhook-keys.ts';
import { localPartnerAssertionKeys, mintLocalAssertion, partnerAssertionKeysEnv } from './partner-assertion-keys.ts';
import { buildFormsDeps } from '#wiring/forms.ts';
import { loadFormsConfig } from '#config/forms-config.ts';
import { createFormsApp } from '#http/forms/forms-app.tsx';
import { Hono } from 'hono';
import { startWebhookSweep } from './webhook-sweep.ts';
import { startAccountabilitySweep } from './accountability-sweep.ts';
import { DynamoReceiptIndex } from '#adapters/dynamodb/receipt-index.ts';
import { JosePackSealer } from '#adapters/evidence/pack-sealer.ts';
import { buildReceiveEmailDeps } from '#wiring/inbound.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { createInboundEmailHandler } from '../functions/inbound-email/handler.ts';
import { loadApiConfig } from '#config/api-config.ts';
import { createApp } from '#http/app.ts';
import { consoleUiExtension } from '#http/console/app.ts';
import { fulfilmentExtension } from '#http/fulfilment-app.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { ensureBuckets, ensureTable } from './provision.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from './services/dynamodb-local.ts';
import { startS3Local, type S3Local } from './services/s3-local.ts';
import { startSesLocal, type SesLocal } from './services/ses-local.ts';
import { inboundInputOf, startSmtpLocal } from './services/smtp-local.ts';
import { localDnsRecords, stubResolver, verifyLocally } from './services/mail-auth.ts';
import { startInboundSweep } from './inbound-sweep.ts';
import { acceptInbound, type RedrivePolicy } from '#usecases/process-inbound.ts';
import { sweepOutbox } from '#usecases/outbox-sweep.ts';
import { startLocalWorkflows } from './sfn/local-workflows.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { PgDatabaseConnector } from '#adapters/postgres/pg-database-connector.ts';
import { FetchSignedRequests } from '#adapters/webhooks/signed-requests.ts';
import { JoseWebhookSigner } from '#adapters/webhooks/jose-signer.ts';
import { S3AnswerFileStore } from '#adapters/s3/answer-file-store.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { startPostgresLocal, type PostgresLocal } from './services/postgres-local.ts';
import { localConsole } from './console.ts';
import { asFunction, enableLocalIam, underRole } from './iam/enforce.ts';
import { localIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER, STAFF_ROLES, type StaffRole } from './tokens.ts';

export const LOCAL_TABLE = 'rightsdesk';
export const LOCAL_BUCKETS = ['rightsdesk-inbound-mail', 'rightsdesk-evidence', 'rightsdesk-answers'] as const;
const REGION = 'eu-central-1';
const TOKEN_TTL_SECONDS = 7 * 24 * 3600;

/** The function API Gateway routes a path to (infra/service-stack.ts routes). */
function functionForPath(path: string): string {
  if (path.startsWith('/forms/') || path === '/forms') return 'forms';
  if (path.startsWith('/console/api/')) return 'api';
  if (path === '/console' || path.startsWith('/console/')) return 'console';
  return 'api';
}

export interface StackOptions {
  /** Where state lives (`.local`): DynamoDB data, S3 objects, keys, dev.json. */
  readonly stateDir: string;
  /** 0 picks a free port (tests); the defaults match docs/design.md §4.1. */
  readonly ports: { readonly api: number; readonly dynamodb: number; readonly ses: number; readonly s3: number; readonly smtp?: number; readonly sfn?: number; readonly postgres?: number };
  /** Keep DynamoDB data on disk across restarts (npm start) or in memory (tests). */
  readonly persist: boolean;
  readonly log?: (line: string) => void;
  /** DNS for the local SPF/DKIM/DMARC check of inbound mail (tests give a stub); default: .local/dns.json. */
  readonly dns?: DNSResolver;
  /** How the inbound sweeper re-drives stored messages (tests shorten it). */
  readonly redrive?: RedrivePolicy;
  /** Virtual milliseconds per real one for the whole stack; default RIGHTSDESK_TIME_SPEED (1). */
  readonly speed?: number;
  /** How partner webhooks are POSTed (tests: one that trusts their local HTTPS partner's certificate); default: fetch. */
  readonly webhookTransport?: WebhookTransport;
}

export interface DevJson {
  apiUrl: string;
  sesOutboxUrl: string;
  /** Inbound mail: the SMTP listener that feeds the inbound e-mail handler (docs/design.md §4.1). */
  smtp: { host: string; port: number };
  dynamodbEndpoint: string;
  /** The local Step Functions service (SFNClient endpoint). */
  sfnEndpoint: string;
  s3Endpoint: string;
  /** The demo shop databases (PostgreSQL) by connection name, as the connectors' role: `bajtel_shop`, `gautora_shop`. */
  databaseUrls: Record<string, string>;
  tableName: string;
  tokenIssuer: string;
  tenants: Record<
    string,
    {
      name: string;
      mailbox: string;
      partnerToken: string;
      staffTokens: Record<StaffRole, string>;
      /** Partner identity assertions: the local partner's key (private half in `keysFile`) and a sample for ona@example.lt. */
      partnerAssertion?: { partnerId: string; kid: string; alg: string; keysFile: string; sample: string };
    }
  >;
}

export interface LocalStack {
  readonly dev: DevJson;
  /** Makes DynamoDB Local unresponsive for `ms` (SIGSTOP, then SIGCONT): the outage fault tests play. */
  freezeDynamoDb(ms: number): Promise<void>;
  /** One accountability sweep now (retention purge, dashboard statistics), as the CLI's `purge` does. */
  accountabilitySweep(): Promise<unknown>;
  stop(hooks?: StopHooks): Promise<void>;
}

export interface StopHooks {
  /** Runs once everything but the stand-ins has stopped (fault tests read the SES outbox here). */
  readonly beforeStandIns?: () => Promise<void>;
}

/**
 * Starts the whole system on loopback: DynamoDB Local, the SES and S3 stand-ins, and the same
 * Hono app and adapters the Lambda runs, configured through the same validated config.
 */
export async function startLocalStack(options: StackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  // The stand-ins accept any credentials; fixed ones keep a developer's real AWS keys out of play.
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;

  const stops: Array<() => Promise<void>> = [];
  // Intake (SMTP, HTTP) stops first and together: no new work is accepted while the work in
  // flight drains; then the sweepers, the workflows and last the stand-ins they write to.
  const intake: Array<() => Promise<void>> = [];
  let standIns = 0;
  const stop = async (hooks: StopHooks = {}) => {
    await Promise.all(intake.splice(0).map((s) => s().catch(() => undefined)));
    const rest = stops.splice(0).reverse();
    for (const [i, s] of rest.entries()) {
      if (i === rest.length - standIns) await hooks.beforeStandIns?.().catch(() => undefined);
      await s().catch(() => undefined);
    }
  };
  try {
    const [dynamo, ses, s3, postgres]: [DynamoDbLocal, SesLocal, S3Local, PostgresLocal] = await Promise.all([
      startDynamoDbLocal({ port: options.ports.dynamodb, ...(options.persist ? { dbPath: join(options.stateDir, 'dynamodb') } : {}) }),
      startSesLocal({ port: options.ports.ses }),
      startS3Local({ port: options.ports.s3, directory: join(options.stateDir, 's3') }),
      // The demo shop databases of Bajtel and Gautora (fulfilment's PostgreSQL connector).
      startPostgresLocal({ directory: options.persist ? join(options.stateDir, 'postgres') : mkdtempSync(join(tmpdir(), 'rightsdesk-pg-')), persistent: options.persist, ...(options.ports.postgres ? { port: options.ports.postgres } : {}) }),
    ]);
    stops.push(dynamo.stop, ses.stop, s3.stop, postgres.stop);
    standIns = 4;
    log(`DynamoDB Local  ${dynamo.endpoint}  (ready in ${Math.round(dynamo.startupMs)} ms)`);
    log(`SES stand-in    ${ses.endpoint}  outbox ${ses.outboxUrl}`);
    log(`S3 stand-in     ${s3.endpoint}`);
    log(`PostgreSQL      ${Object.values(postgres.databases).map((u) => u.replace(/:[^:@/]+@/, ':***@')).join('  ')}  (ready in ${postgres.startupMs} ms)`);

    // Every function's SDK calls are checked against its role from the synthesized template (local/iam).
    if (await enableLocalIam({ tableName: LOCAL_TABLE })) log('IAM             every SDK call checked against its function’s synthesized role');
    // One set of SDK clients for the HTTP functions, the form and the inbound handler (as one container each on AWS).
    const aws = awsClients({ region: REGION, dynamodbEndpoint: dynamo.endpoint, sesEndpoint: ses.endpoint, s3Endpoint: s3.endpoint });
    stops.push(async () => aws.destroy());
    await ensureTable(aws.get(DynamoDBClient, 'dynamodb'), LOCAL_TABLE);
    await ensureBuckets(aws.get(S3Client, 's3'), LOCAL_BUCKETS);

    const issuer = await localIssuer(join(options.stateDir, 'keys', 'issuer.json'));
    const assertionKeysFile = join(options.stateDir, 'keys', 'partner-assertion.json');
    const assertionKeys = await localPartnerAssertionKeys(assertionKeysFile, tenantRegistry.list().map((t) => t.id));
    const config = loadApiConfig({
      PARTNER_ASSERTION_KEYS: partnerAssertionKeysEnv(assertionKeys),
      RIGHTSDESK_TABLE: LOCAL_TABLE,
      AWS_REGION: REGION,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.endpoint,
      AUTH_ISSUER: LOCAL_ISSUER,
      AUTH_AUDIENCE: LOCAL_AUDIENCE,
      AUTH_JWKS: JSON.stringify(issuer.jwks),
    });
    // The e-mail channel reads the same endpoints; raw mail and evidence live in the S3 stand-in.
    const mailConfig = loadMailConfig({
      RIGHTSDESK_TABLE: LOCAL_TABLE,
      AWS_REGION: REGION,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.endpoint,
      S3_ENDPOINT: s3.endpoint,
      INBOUND_MAIL_BUCKET: 'rightsdesk-inbound-mail',
      EVIDENCE_BUCKET: 'rightsdesk-evidence',
    });
    // The web form's secret also signs the e-mail control links of identity requests.
    const formsSecret = await localFormsSecret(join(options.stateDir, 'keys', 'forms.json'));
    // Step Functions stand-in: the real ASL files, the workflow handlers, a clock that can run fast.
    const workflows = await startLocalWorkflows({
      // The links point at the API's port, known once it listens (below; no notice goes out before).
      emailControl: { secret: formsSecret, baseUrl: () => apiUrl },
      port: options.ports.sfn ?? 8083,
      region: REGION,
      tableName: LOCAL_TABLE,
      dynamodbEndpoint: dynamo.endpoint,
      sesEndpoint: ses.endpoint,
      mail: mailConfig,
      ...(options.persist ? { clockFile: join(options.stateDir, 'clock.json') } : {}),
      speed: options.speed ?? Number(process.env.RIGHTSDESK_TIME_SPEED ?? '1'),
      log,
    });
    stops.push(workflows.stop);
    log(`Step Functions  ${workflows.endpoint}  (time ×${workflows.clock.speed}, now ${workflows.clock.now().toISOString()})`);
    // Partner webhooks: per-tenant ES256 keys in .local/keys/webhook.json, a sweep every second
    // delivers due items (the AWS `webhooks` function runs the same use case on a schedule).
    const webhookKeys = await localWebhookKeys(join(options.stateDir, 'keys', 'webhook.json'), tenantRegistry.list().map((t) => t.id));
    stops.push(startWebhookSweep({ dynamodbEndpoint: dynamo.endpoint, region: REGION, tableName: LOCAL_TABLE, keys: webhookKeys, clock: workflows.clock, log, ...(options.webhookTransport ? { transport: options.webhookTransport } : {}) }));
    const letterRenderer = new PdfLetterRenderer(loadLetterFont());
    const apiDeps = {
      webhookJwks: webhookJwks(webhookKeys),
      // Evidence packs are sealed by the tenant's webhook key, published in the same JWKS.
      accountability: { receipts: new DynamoReceiptIndex(aws.get(DynamoDBClient, 'dynamodb'), LOCAL_TABLE), sealer: new JosePackSealer(webhookKeys), letters: letterRenderer },
      // Letters (post / in person) render in-process locally; on AWS the `letters` function does.
      ...buildApiDeps(config, tenantRegistry, mailConfig, { renderer: letterRenderer, combiner: letterRenderer }, aws),
      clock: workflows.clock,
      workflows: workflows.engine,
      // As on AWS (wiring/api.ts): the intake step sends the acknowledgement, not the request.
      acknowledgeInWorkflow: true,
      console: localConsole({ issuer, tenants: tenantRegistry, aws, tableName: LOCAL_TABLE }),
      // The same /readyz checks as the API function: the SES stand-in's account, the local Step
      // Functions service's case workflow (under the API role's IAM check, like every call here).
      readiness: {
        mailSender: sesReadiness(aws.get(SESv2Client, 'ses')),
        workflows: sfnReadiness(new SFNClient({ ...AWS_CLIENT_LIMITS, region: REGION, endpoint: workflows.endpoint }), workflows.arns.caseWorkflow),
      },
    };
    // Fulfilment: the registers, the PostgreSQL connector on the demo shops, task data in the answers bucket.
    const fulfilment = {
      registers: fulfilmentRegisters,
      data: new S3AnswerFileStore(aws.get(S3Client, 's3'), mailConfig.answersBucket, workflows.clock),
      database: new PgDatabaseConnector(postgres.databases),
      email: new MimeEmailSender(apiDeps.mailer),
      // The HTTP connector signs with the same per-tenant keys as the partner webhooks.
      http: new FetchSignedRequests(new JoseWebhookSigner(webhookKeys)),
    };
    Object.assign(apiDeps, { fulfilment });
    // On AWS the console pages and fulfilment are their own functions; locally one server serves all three.
    const app = createApp(apiDeps, [consoleUiExtension(apiDeps, apiDeps.console), fulfilmentExtension(apiDeps, apiDeps.console)]);
    // The public web form is its own function on AWS (API Gateway routes /forms/* to it); locally it
    // shares the port: /forms/* goes to it, everything else to the API app unchanged.
    const root = new Hono();
    // Each request runs under the role of the function API Gateway routes it to on AWS.
    root.use('*', (c, next) => asFunction(functionForPath(c.req.path), next));
    const server = await listen(root.fetch, options.ports.api);
    intake.push(
      () =>
        new Promise<void>((resolve) => {
          // close() stops listening and waits for requests in flight; idle keep-alive sockets go now.
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        }),
    );
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The rest of the form's settings (FORM_FRAME_ANCESTORS, FORM_RATE_LIMIT) come from the environment, as on AWS.
    const formsConfig = loadFormsConfig({ ...process.env, FORM_SECRET: formsSecret, PUBLIC_BASE_URL: apiUrl });
    root.route(
      '/forms',
      createFormsApp(
        buildFormsDeps(
          formsConfig,
          { ...apiDeps, clock: workflows.clock, dynamo: aws.get(DynamoDBClient, 'dynamodb'), tableName: LOCAL_TABLE, workflows: workflows.engine },
          { answers: { s3: aws.get(S3Client, 's3'), bucket: mailConfig.answersBucket } },
        ),
      ),
    );
    root.all('*', (c) => app.fetch(c.req.raw, c.env));
    log(`Web form        ${apiUrl}/forms/<tenant>  (lt/en)`);
    log(`API             ${apiUrl}  (reference ${apiUrl}/docs)`);
    log(`Staff console   ${apiUrl}/console  (development sign-in: pick a seeded staff member)`);

    // SES receiving stand-in: store the raw in S3, then call the same handler the receipt rule invokes.
    const inboundDeps = { ...buildReceiveEmailDeps(mailConfig, tenantRegistry, aws, { emailControl: { secret: formsSecret, baseUrl: apiUrl }, renderer: letterRenderer }), workflows: workflows.engine };
    // One clock for the whole stack: mail is dated and its case written on the workflows' clock
    // (virtual when RIGHTSDESK_TIME_SPEED > 1), like API, form and console intake. The ledger's
    // grace and re-drive timing stay on the wall clock: at ×3600 a 3-minute grace would be 50 ms
    // and the sweeper would re-drive deliveries still in flight.
    const inboundHandler = createInboundEmailHandler({ ...inboundDeps, clock: workflows.clock }, { keyPrefix: mailConfig.inboundPrefix });
    // The inbound ledger's sweeper re-drives stored messages without an outcome (AWS: EventBridge).
    const sweep = startInboundSweep({
      deps: inboundDeps,
      ...(options.redrive ? { policy: options.redrive } : {}),
      // Acknowledgements still owed (a send that failed, a sender that died) go out from here too.
      also: () => sweepOutbox(inboundDeps, { limit: 25 }),
      log,
    });
    stops.push(sweep.stop);
    // Retention and the dashboard statistics (AWS: the hourly accountability-sweep function), on the stack's clock.
    const accountability = startAccountabilitySweep({ mail: mailConfig, aws, clock: workflows.clock, speed: workflows.clock.speed, ...(process.env.RIGHTSDESK_SWEEP_MS ? { intervalMs: Number(process.env.RIGHTSDESK_SWEEP_MS) } : {}), log });
    stops.push(accountability.stop);
    await accountability.runOnce().catch((error: unknown) => log(`Retention       first sweep failed: ${error instanceof Error ? error.message : String(error)}`));
    const smtp = await startSmtpLocal({
      port: options.ports.smtp ?? 2525,
      clock: workflows.clock,
      keyPrefix: mailConfig.inboundPrefix,
      store: (key, raw) => inboundDeps.inboundMail.put(key, raw, 'message/rfc822'),
      // Durable accept: the 250 waits for the raw message and its ledger entry.
      accept: (key, event) => acceptInbound(inboundDeps, inboundInputOf(key, event), options.redrive),
      deliver: underRole('inbound-email', inboundHandler),
      // SES's SPF/DKIM/DMARC verdicts, checked locally by mailauth against the DNS records given
      // (tests) or in .local/dns.json; none by default, so a local sender is not authenticated.
      authenticate: (raw, envelope) => verifyLocally(raw, { ...envelope, resolver: options.dns ?? stubResolver(localDnsRecords(join(options.stateDir, 'dns.json'))) }),
      log,
    });
    intake.push(smtp.stop);
    log(`SMTP (inbound)  smtp://${smtp.host}:${smtp.port}`);
    // Executions do not survive a restart; every case not yet closed continues from its stored state.
    const resumeStarted = performance.now();
    const resumed = await workflows.resume();
    log(`Workflows       resumed ${resumed} open case(s) in ${Math.round(performance.now() - resumeStarted)} ms`);
    // Acknowledgements owed from before the stop go out now, not at the sweeper's next round.
    await sweep.runOnce();

    const tenants: DevJson['tenants'] = {};
    for (const tenant of tenantRegistry.list()) {
      const staffTokens = {} as Record<StaffRole, string>;
      for (const role of STAFF_ROLES) staffTokens[role] = await issuer.mintStaffToken({ tenant: tenant.id, role, ttlSeconds: TOKEN_TTL_SECONDS });
      tenants[tenant.id] = {
        name: tenant.controller.name,
        mailbox: tenant.mailbox,
        partnerToken: await issuer.mintPartnerToken({ tenant: tenant.id, ttlSeconds: TOKEN_TTL_SECONDS }),
        staffTokens,
        ...(assertionKeys[tenant.id]
          ? {
              partnerAssertion: {
                partnerId: assertionKeys[tenant.id]!.partnerId,
                kid: assertionKeys[tenant.id]!.kid,
                alg: assertionKeys[tenant.id]!.alg,
                keysFile: assertionKeysFile,
                sample: await mintLocalAssertion(assertionKeys[tenant.id]!, tenant.id, { sub: 'ona@example.lt', name: 'Ona Petraitienė' }, TOKEN_TTL_SECONDS, workflows.clock.now()),
              },
            }
          : {}),
      };
    }
    const dev: DevJson = {
      apiUrl,
      sesOutboxUrl: ses.outboxUrl,
      smtp: { host: smtp.host, port: smtp.port },
      dynamodbEndpoint: dynamo.endpoint,
      sfnEndpoint: workflows.endpoint,
      s3Endpoint: s3.endpoint,
      databaseUrls: postgres.databases,
      tableName: LOCAL_TABLE,
      tokenIssuer: LOCAL_ISSUER,
      tenants,
    };
    await mkdir(options.stateDir, { recursive: true });
    await writeFile(join(options.stateDir, 'dev.json'), `${JSON.stringify(dev, null, 2)}\n`, { mode: 0o600 });
    const freezeDynamoDb = async (ms: number) => {
      process.kill(-dynamo.pid, 'SIGSTOP');
      try {
        await new Promise((resolve) => setTimeout(resolve, ms));
      } finally {
        process.kill(-dynamo.pid, 'SIGCONT');
      }
    };
    return { dev, stop, freezeDynamoDb, accountabilitySweep: () => accountability.runOnce() };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolve(server));
    server.once('error', reject);
  });
}
