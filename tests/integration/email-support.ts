import { stubResolver, verifyLocally, type DnsRecords } from '../../local/services/mail-auth.ts';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import nodemailer from 'nodemailer';
import { inject } from 'vitest';
import { buildApiDeps } from '#wiring/http-deps.ts';
import { buildReceiveEmailDeps } from '#wiring/inbound.ts';
import { loadApiConfig } from '#config/api-config.ts';
import { loadMailConfig, type MailConfig } from '#config/mail-config.ts';
import type { CaseRepository } from '#ports/cases.ts';
import { createApp } from '#http/app.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { createInboundEmailHandler } from '../../functions/inbound-email/handler.ts';
import { ensureBuckets } from '../../local/provision.ts';
import { inboundInputOf, startSmtpLocal, type SmtpLocal } from '../../local/services/smtp-local.ts';
import { acceptInbound } from '#usecases/process-inbound.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalIssuer } from '../../local/tokens.ts';
import { readOutbox, s3ClientFor, type OutboxEmail } from './helpers.ts';
import { underRole } from '../../local/iam/enforce.ts';

// Own bucket names: tests/integration/stand-ins.test.ts expects the product buckets not to exist yet.
export const INBOUND_BUCKET = 'email-test-inbound-mail';
export const EVIDENCE_BUCKET = 'email-test-evidence';

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface EmailRig {
  readonly smtp: SmtpLocal;
  readonly config: MailConfig;
  readonly issuer: LocalIssuer;
  readonly app: ReturnType<typeof createApp>;
  readonly deps: ReturnType<typeof buildReceiveEmailDeps>;
  /** Failures the listener saw after its retries. */
  readonly failures: string[];
  send(raw: string, envelope: { from: string; to: string[] }): Promise<void>;
  staffGet(tenant: string, path: string): Promise<{ status: number; json: Record<string, unknown> }>;
  caseFor(tenant: string, email: string): Promise<Array<Record<string, unknown>>>;
  messages(tenant: string, caseId: string): Promise<Array<Record<string, unknown>>>;
  outboxTo(address: string): Promise<OutboxEmail[]>;
  rawExists(key: string): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * The SMTP listener wired to the real inbound handler, DynamoDB Local, the S3 and SES stand-ins,
 * plus the API app for the staff read endpoints. `wrapRepo` lets a test inject store failures.
 */
/**
 * `dns`: the records the listener's SPF/DKIM/DMARC check answers from (as `.local/dns.json` does
 * for `npm start`); without them no sender is authenticated, so no identity link is ever sent.
 */
export async function startEmailRig(options: { wrapRepo?: (repo: CaseRepository) => CaseRepository; retryDelaysMs?: number[]; dns?: DnsRecords } = {}): Promise<EmailRig> {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: 'eu-central-1' });
  const s3 = s3ClientFor(inject('s3Endpoint'));
  await ensureBuckets(s3, [INBOUND_BUCKET, EVIDENCE_BUCKET]);
  const config = loadMailConfig({
    RIGHTSDESK_TABLE: inject('tableName'),
    DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    SES_ENDPOINT: inject('sesEndpoint'),
    S3_ENDPOINT: inject('s3Endpoint'),
    INBOUND_MAIL_BUCKET: INBOUND_BUCKET,
    EVIDENCE_BUCKET,
  });
  const base = buildReceiveEmailDeps(config, tenantRegistry);
  const deps = { ...base, repo: options.wrapRepo ? options.wrapRepo(base.repo) : base.repo };
  const failures: string[] = [];
  const smtp = await startSmtpLocal({
    port: 0,
    keyPrefix: config.inboundPrefix,
    store: (key, raw) => deps.inboundMail.put(key, raw, 'message/rfc822'),
    accept: (key, event) => acceptInbound(deps, inboundInputOf(key, event)),
    deliver: underRole('inbound-email', createInboundEmailHandler(deps, { keyPrefix: config.inboundPrefix })),
    retryDelaysMs: options.retryDelaysMs ?? [20, 50],
    ...(options.dns ? { authenticate: (raw: Uint8Array, envelope: { ip: string; helo: string; mailFrom: string }) => verifyLocally(raw, { ...envelope, resolver: stubResolver(options.dns!) }) } : {}),
    log: (line) => failures.push(line),
  });
  const issuer = await ephemeralIssuer();
  const apiConfig = loadApiConfig({
    RIGHTSDESK_TABLE: inject('tableName'),
    DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    SES_ENDPOINT: inject('sesEndpoint'),
    AUTH_ISSUER: LOCAL_ISSUER,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    AUTH_JWKS: JSON.stringify(issuer.jwks),
  });
  const app = createApp(buildApiDeps(apiConfig, tenantRegistry, config));
  const transport = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true });

  const staffGet = async (tenant: string, path: string) => {
    const token = await issuer.mintStaffToken({ tenant, role: 'agent' });
    const response = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const items = (json: Record<string, unknown>) => (json.items ?? []) as Array<Record<string, unknown>>;
  return {
    smtp,
    config,
    issuer,
    app,
    deps,
    failures,
    send: async (raw, envelope) => {
      await transport.sendMail({ envelope, raw });
    },
    staffGet,
    caseFor: async (tenant, email) => items((await staffGet(tenant, `/console/api/cases?q=${encodeURIComponent(email)}`)).json),
    messages: async (tenant, caseId) => items((await staffGet(tenant, `/console/api/cases/${caseId}/messages`)).json),
    outboxTo: async (address) => (await readOutbox(inject('sesOutboxUrl'))).filter((m) => m.destination.to.includes(address)),
    rawExists: async (key) => {
      try {
        await s3.send(new HeadObjectCommand({ Bucket: INBOUND_BUCKET, Key: key }));
        return true;
      } catch {
        return false;
      }
    },
    stop: async () => {
      transport.close();
      await smtp.stop();
      s3.destroy();
    },
  };
}

/** A hand-written message with CRLF line ends, as it travels over SMTP. */
export function rawMail(lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

export const header = (mail: OutboxEmail, name: string) => mail.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
