import { SESv2Client } from '@aws-sdk/client-sesv2';
import { Hono } from 'hono';
import { expect, inject } from 'vitest';
import { buildApiDeps } from '#wiring/http-deps.ts';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { buildMailAdapters, type MailAdapters } from '#wiring/mail.ts';
import { buildFormsDeps } from '#wiring/forms.ts';
import { JoseFormTokens } from '#adapters/forms/jose-form-tokens.ts';
import { loadLetterFont, PdfLetterRenderer } from '#adapters/pdf/letter-pdf.ts';
import { S3AnswerDownloads } from '#adapters/s3/answer-downloads.ts';
import { S3AnswerFileStore } from '#adapters/s3/answer-file-store.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';
import { loadApiConfig } from '#config/api-config.ts';
import { loadFormsConfig } from '#config/forms-config.ts';
import { loadMailConfig, type MailConfig } from '#config/mail-config.ts';
import type { AnswerContent, AnswerFileRef } from '#domain/answer.ts';
import type { Case } from '#domain/case.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { systemClock } from '#adapters/system.ts';
import { DEFAULT_WORKFLOW_SETTINGS, updateCase } from '#domain/workflow.ts';
import { createApp } from '#http/app.ts';
import { createFormsApp } from '#http/forms/forms-app.tsx';
import { tenantRegistry } from '#tenants/registry.ts';
import { concludeCase } from '#usecases/workflow/conclude.ts';
import type { WorkflowDeps } from '#usecases/workflow/deps.ts';
import { ensureBuckets } from '../../local/provision.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalIssuer } from '../../local/tokens.ts';
import { dynamoClientFor, LOCAL_CREDENTIALS, LOCAL_REGION, readOutbox, s3ClientFor, type OutboxEmail } from './helpers.ts';

export const CHANNEL_BUCKETS = { inbound: 'channels-test-inbound', evidence: 'channels-test-evidence', answers: 'channels-test-answers' };

const FORMS_SECRET = 'f'.repeat(40);

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** Workflows are not under test here: the engine only has to accept being stopped. */
const idleWorkflows: WorkflowEngine = { startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async () => undefined };

export interface ChannelsRig {
  readonly config: MailConfig;
  readonly adapters: MailAdapters;
  readonly repo: DynamoCaseRepository;
  readonly issuer: LocalIssuer;
  readonly app: ReturnType<typeof createApp>;
  /** The web form app (its download route redeems signed answer links), at http://forms.test/forms. */
  readonly forms: Hono;
  staff(tenant: string, method: string, path: string, body?: unknown, role?: 'agent' | 'approver' | 'admin'): Promise<Response>;
  /**
   * Puts the case in `answered` with this draft and runs the workflow's last step (the answer
   * notice). `stepFailsAfterSending`: that step's save fails once after the notice went out, and
   * the step runs again with the same input, as Step Functions' Retry does.
   */
  answer(c: Pick<Case, 'id' | 'tenantId'>, body: string, answer?: AnswerContent, options?: { stepFailsAfterSending?: boolean; files?: readonly AnswerFileRef[] }): Promise<void>;
  readonly answerFiles: S3AnswerFileStore;
  outboxTo(address: string): Promise<OutboxEmail[]>;
  stop(): void;
}

/**
 * The channels on the real stand-ins: DynamoDB Local, the S3 and SES stand-ins, the letter
 * renderer (pdf-lib) and the staff API in-process. `attachmentLimitBytes` forces download links.
 */
export async function channelsRig(options: { attachmentLimitBytes?: number; signedDownloadLinks?: boolean } = {}): Promise<ChannelsRig> {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: LOCAL_REGION });
  const s3 = s3ClientFor(inject('s3Endpoint'));
  await ensureBuckets(s3, Object.values(CHANNEL_BUCKETS));
  const config = loadMailConfig({
    RIGHTSDESK_TABLE: inject('tableName'),
    DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    SES_ENDPOINT: inject('sesEndpoint'),
    S3_ENDPOINT: inject('s3Endpoint'),
    INBOUND_MAIL_BUCKET: CHANNEL_BUCKETS.inbound,
    EVIDENCE_BUCKET: CHANNEL_BUCKETS.evidence,
    ANSWERS_BUCKET: CHANNEL_BUCKETS.answers,
    ...(options.attachmentLimitBytes ? { ANSWER_ATTACHMENT_LIMIT_BYTES: String(options.attachmentLimitBytes) } : {}),
  });
  const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
  const mailer = new SesMailer(new SESv2Client({ endpoint: inject('sesEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  const renderer = new PdfLetterRenderer(loadLetterFont());
  const formTokens = new JoseFormTokens(FORMS_SECRET);
  const downloads = new S3AnswerDownloads(s3, CHANNEL_BUCKETS.answers, 3600, systemClock, options.signedDownloadLinks ? { tokens: formTokens, baseUrl: 'http://forms.test' } : undefined);
  const adapters = buildMailAdapters(config, { dynamo, s3, mailer }, tenantRegistry, { downloads, renderer });
  const repo = new DynamoCaseRepository(dynamo, inject('tableName'));
  const issuer = await ephemeralIssuer();
  const apiConfig = loadApiConfig({
    RIGHTSDESK_TABLE: inject('tableName'),
    DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    SES_ENDPOINT: inject('sesEndpoint'),
    AUTH_ISSUER: LOCAL_ISSUER,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    AUTH_JWKS: JSON.stringify(issuer.jwks),
  });
  const app = createApp(buildApiDeps(apiConfig, tenantRegistry, config, { renderer }));
  const answerFiles = new S3AnswerFileStore(s3, CHANNEL_BUCKETS.answers, systemClock);
  const workflowDeps: WorkflowDeps = {
    tenants: tenantRegistry,
    repo,
    answerFiles,
    notifier: adapters.notifier,
    alerts: { alert: async () => undefined },
    workflows: idleWorkflows,
    clock: systemClock,
    settings: DEFAULT_WORKFLOW_SETTINGS,
  };
  const forms = new Hono();
  forms.route(
    '/forms',
    createFormsApp(
      buildFormsDeps(
        loadFormsConfig({ FORM_SECRET: FORMS_SECRET, PUBLIC_BASE_URL: 'http://forms.test' }),
        { tenants: tenantRegistry, repo, mailer, clock: systemClock, dynamo, tableName: inject('tableName'), workflows: idleWorkflows },
        { answers: { s3, bucket: CHANNEL_BUCKETS.answers } },
      ),
    ),
  );
  return {
    config,
    adapters,
    repo,
    issuer,
    app,
    forms,
    answerFiles,
    async staff(tenant, method, path, body, role = 'agent') {
      const token = await issuer.mintStaffToken({ tenant, role });
      return app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    async answer(ref, body, answer, options) {
      const c = await repo.getCase(ref.tenantId, ref.id);
      if (!c) throw new Error(`case ${ref.id} not found`);
      const now = new Date();
      const { case: next, events } = updateCase(
        { ...c, status: 'answered' },
        now,
        { draft: { body, ...(answer ? { answer } : {}), ...(options?.files ? { files: options.files } : {}), draftedBy: 'agent-1', draftedAt: now.toISOString(), approvedBy: 'dpo-1', approvedAt: now.toISOString() } },
        [],
      );
      await repo.saveCase(next, events);
      const input = { tenantId: c.tenantId, caseId: c.id, outcome: 'from_status' } as const;
      if (options?.stepFailsAfterSending) {
        const failingRepo = Object.create(repo, {
          saveCase: { value: () => Promise.reject(new Error('DynamoDB is unavailable (injected)')) },
        }) as DynamoCaseRepository;
        await expect(concludeCase({ ...workflowDeps, repo: failingRepo }, input)).rejects.toThrow('injected');
      }
      await concludeCase(workflowDeps, input);
    },
    outboxTo: async (address) => (await readOutbox(inject('sesOutboxUrl'))).filter((m) => m.destination.to.includes(address)),
    stop: () => {
      dynamo.destroy();
      s3.destroy();
    },
  };
}
