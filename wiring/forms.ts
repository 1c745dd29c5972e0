import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { resolveClient, type ClientSource } from '#adapters/client-source.ts';
import { DynamoCaseRepository, REFERENCE_BLOCK } from '#adapters/dynamodb/case-repository.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';
import { systemClock } from '#adapters/system.ts';
import { loadFormsConfigs, type FormsConfigs } from './forms-function.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { awsClients } from './clients.ts';
import { buildMailAdapters } from './mail.ts';
import { buildWorkflowEngine } from './workflow-engine.ts';
import type { FormsConfig } from '#config/forms-config.ts';
import type { CaseRepository, Clock, Mailer, SubjectNotifier, WorkflowEngine } from '#ports/cases.ts';
import { randomIds } from '#adapters/system.ts';
import type { FormsDeps } from '#http/forms/forms-app.tsx';
import type { TenantRegistry } from '#tenants/registry.ts';
import { DynamoNoticeOutbox } from '#adapters/dynamodb/notice-outbox.ts';
import { DynamoRateLimiter } from '#adapters/dynamodb/rate-limiter.ts';
import { DynamoUsedTokens } from '#adapters/dynamodb/used-tokens.ts';
import { JoseFormTokens } from '#adapters/forms/jose-form-tokens.ts';
import { presignedGet, REDIRECT_URL_SECONDS } from '#adapters/s3/answer-downloads.ts';

/** The web form's composition: the same repository, notifier and workflows as the API, plus its tokens. */
export function buildFormsDeps(
  config: FormsConfig,
  base: { tenants: TenantRegistry; repo: CaseRepository; mailer: Mailer; notifier?: SubjectNotifier; clock: Clock; dynamo: DynamoDBClient; tableName: string; workflows: WorkflowEngine },
  options: { minFormAgeSeconds?: number; answers?: { readonly s3: ClientSource<S3Client>; readonly bucket: string } } = {},
): FormsDeps {
  return {
    tenants: base.tenants,
    repo: base.repo,
    mailer: base.mailer,
    ...(base.notifier ? { notifier: base.notifier } : {}),
    clock: base.clock,
    ids: randomIds,
    workflows: base.workflows,
    outbox: new DynamoNoticeOutbox(base.dynamo, base.tableName),
    tokens: new JoseFormTokens(config.secret, { now: () => base.clock.now() }),
    formTokens: new JoseFormTokens(config.secret, { now: () => base.clock.now(), ...(options.minFormAgeSeconds !== undefined ? { minFormAgeSeconds: options.minFormAgeSeconds } : {}) }),
    used: new DynamoUsedTokens(base.dynamo, base.tableName),
    baseUrl: config.baseUrl,
    frameAncestors: config.frameAncestors,
    rateLimit: { max: config.rateLimit, windowSeconds: 600 },
    rateLimiter: new DynamoRateLimiter(base.dynamo, base.tableName),
    ...(options.answers ? { answerFiles: answerFiles(options.answers.s3, options.answers.bucket) } : {}),
  };
}

function answerFiles(s3: ClientSource<S3Client>, bucket: string): NonNullable<FormsDeps['answerFiles']> {
  return { presignedUrl: async (key) => presignedGet(await resolveClient(s3), bucket, key, REDIRECT_URL_SECONDS) };
}

/** The form function on AWS: its own small bundle, config and clients built once per container. */
export function formsFromEnv(): FormsDeps {
  return formsWith(loadFormsConfigs());
}

/** The form's deps from its configurations (forms-function.ts loads them at init, and this module on first need). */
export function formsWith(configs: FormsConfigs): FormsDeps {
  const { mail } = configs;
  const aws = awsClients(mail);
  const dynamo = aws.get(DynamoDBClient, 'dynamodb');
  // S3 and SES are made on first use (client-source.ts): opening the form, the usual first request, needs neither.
  const s3: ClientSource<S3Client> = () => import('@aws-sdk/client-s3').then(({ S3Client }) => aws.get(S3Client, 's3'));
  const mailer = new SesMailer(() => import('@aws-sdk/client-sesv2').then(({ SESv2Client }) => aws.get(SESv2Client, 'ses')), mail.sesConfigurationSet ? { configurationSet: mail.sesConfigurationSet } : {});
  const { notifier } = buildMailAdapters(mail, { dynamo, s3, mailer });
  const { workflows } = buildWorkflowEngine(configs.workflows);
  if (!workflows) throw new Error('The forms function needs CASE_WORKFLOW_ARN and DEADLINE_TIMER_ARN.');
  return buildFormsDeps(
    configs.forms,
    { tenants: tenantRegistry, repo: new DynamoCaseRepository(dynamo, mail.tableName, { referenceBlock: REFERENCE_BLOCK }), mailer, notifier, clock: systemClock, dynamo, tableName: mail.tableName, workflows },
    { answers: { s3, bucket: mail.answersBucket } },
  );
}
