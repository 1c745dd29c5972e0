import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { ClientSource } from '#adapters/client-source.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { S3AnswerDownloads } from '#adapters/s3/answer-downloads.ts';
import { S3AnswerFileStore } from '#adapters/s3/answer-file-store.ts';
import { loadEmailControlConfig } from '#config/forms-config.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { loadMailConfig, type MailConfig } from '#config/mail-config.ts';
import { loadWorkflowConfig, type WorkflowConfig } from '#config/workflow-config.ts';
import type { AnswerFileStore, LetterRenderer } from '#ports/channels.ts';
import { awsClients, type AwsClients } from './clients.ts';
import { buildMailAdapters, type MailAdapters } from './mail.ts';
import type { EmailControlLinks } from '#ports/identity.ts';
import type { Clock, IdentityVerifier, Mailer, NoticeOutbox, SubjectNotifier } from '#ports/cases.ts';
import { systemClock } from '#adapters/system.ts';
import { tenantRegistry, type TenantRegistry } from '#tenants/registry.ts';
import type { WorkflowDeps } from '#usecases/workflow/deps.ts';
import { withWebhookOutbox } from '#usecases/webhooks.ts';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { FormTokenEmailControlLinks } from '#adapters/forms/email-control-links.ts';
import { lazyFormTokens } from '#adapters/forms/lazy-form-tokens.ts';
import type { DownloadLinks } from '#adapters/s3/answer-downloads.ts';
import { DynamoWebhookOutbox } from '#adapters/dynamodb/webhook-outbox.ts';
import { withEscalationMetric } from '#adapters/metrics/overdue-metric.ts';
import { MailerStaffAlerts } from '#adapters/ses/staff-alerts.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';
import { SfnWorkflowEngine } from '#adapters/sfn/workflow-engine.ts';

export interface WorkflowClients {
  readonly dynamo: DynamoDBClient;
  readonly mailer: Mailer;
  readonly sfn: ClientSource<SFNClient>;
}

/**
 * SDK clients for the workflow Lambdas, pointed at the stand-ins when the config names them.
 * SES and Step Functions are made on first use (client-source.ts): most steps read and write the
 * case and stop, and every SDK client made at init costs every cold start (docs/performance.md).
 */
export function workflowClients(config: WorkflowConfig, aws: AwsClients = awsClients(config)): WorkflowClients {
  return {
    dynamo: aws.get(DynamoDBClient, 'dynamodb'),
    mailer: new SesMailer(() => import('@aws-sdk/client-sesv2').then(({ SESv2Client }) => aws.get(SESv2Client, 'ses'))),
    sfn: () => import('@aws-sdk/client-sfn').then(({ SFNClient }) => aws.get(SFNClient, 'sfn')),
  };
}

/**
 * The workflow steps' composition root (Lambda and local service): DynamoDB repository, the
 * subject notifier of the e-mail channel, staff alerts by e-mail, Step Functions via the SDK.
 */
export function buildWorkflowDeps(
  config: WorkflowConfig,
  clients: WorkflowClients,
  options: {
    readonly notifier: SubjectNotifier;
    readonly tenants?: TenantRegistry;
    readonly clock?: Clock;
    readonly identity?: IdentityVerifier;
    readonly links?: EmailControlLinks;
    readonly answerFiles?: AnswerFileStore;
    readonly outbox?: NoticeOutbox;
  },
): WorkflowDeps {
  const tenants = options.tenants ?? tenantRegistry;
  return {
    tenants,
    // Status changes and notices of `api` cases owe the partner a webhook (see usecases/webhooks.ts).
    repo: withWebhookOutbox(new DynamoCaseRepository(clients.dynamo, config.tableName), new DynamoWebhookOutbox(clients.dynamo, config.tableName), options.clock ?? systemClock),
    notifier: options.notifier,
    alerts: withEscalationMetric(new MailerStaffAlerts(clients.mailer, tenants)),
    workflows: new SfnWorkflowEngine(clients.sfn, config.arns),
    clock: options.clock ?? systemClock,
    settings: config.settings,
    ...(options.identity ? { identity: options.identity } : {}),
    ...(options.links ? { links: options.links } : {}),
    ...(options.answerFiles ? { answerFiles: options.answerFiles } : {}),
    ...(options.outbox ? { acknowledgements: { outbox: options.outbox, mailer: clients.mailer } } : {}),
  };
}

/** E-mail control links signed with the web form's secret, pointing at its confirmation page. */
export function emailControlLinks(config: { readonly secret: string; readonly baseUrl: string | (() => string) }, clock: Clock = systemClock): EmailControlLinks {
  return new FormTokenEmailControlLinks(lazyFormTokens(config.secret, { now: () => clock.now() }), config.baseUrl, clock);
}

/** Signed links to answer files, served by the web form's download route (S3AnswerDownloads). */
export function answerDownloadLinks(config: { readonly secret: string; readonly baseUrl: string | (() => string) }, clock: Clock = systemClock): DownloadLinks {
  return { tokens: lazyFormTokens(config.secret, { now: () => clock.now() }), baseUrl: config.baseUrl };
}

/** The web form's secret and base URL, which sign e-mail control and answer download links. */
export interface LinkSigning {
  readonly secret: string;
  readonly baseUrl: string | (() => string);
}

/**
 * The workflow steps' composition, shared by the Lambdas and the local Step Functions service:
 * the channels' notifier (letters when a renderer is given), answer files and download links,
 * e-mail control links when the form's secret is given. `identity` is a factory so that only the
 * intake bundle carries the QES validation code.
 */
export function composeWorkflowDeps(
  config: WorkflowConfig,
  mail: MailConfig,
  options: { readonly clock: Clock; readonly renderer?: LetterRenderer; readonly links?: LinkSigning; readonly identity?: (mail: MailAdapters) => IdentityVerifier; readonly aws?: AwsClients },
): WorkflowDeps {
  const { clock, links } = options;
  const aws = options.aws ?? awsClients({ ...config, ...(mail.s3Endpoint ? { s3Endpoint: mail.s3Endpoint } : {}) });
  const clients = workflowClients(config, aws);
  // S3 is made on the first file a step reads or writes (answers, evidence, letters).
  const s3: ClientSource<S3Client> = () => import('@aws-sdk/client-s3').then(({ S3Client }) => aws.get(S3Client, 's3'));
  const downloads = new S3AnswerDownloads(s3, mail.answersBucket, mail.answerLinkTtlSeconds, clock, links ? answerDownloadLinks(links, clock) : undefined);
  const adapters = buildMailAdapters(mail, { dynamo: clients.dynamo, s3, mailer: clients.mailer }, tenantRegistry, { downloads, clock, ...(options.renderer ? { renderer: options.renderer } : {}) });
  return buildWorkflowDeps(config, clients, {
    notifier: adapters.notifier,
    clock,
    answerFiles: new S3AnswerFileStore(s3, mail.answersBucket, clock),
    outbox: adapters.outbox,
    ...(options.identity ? { identity: options.identity(adapters) } : {}),
    ...(links ? { links: emailControlLinks(links, clock) } : {}),
  });
}

/**
 * The workflow Lambdas' deps (both entries: intake and the other steps). Only await-subject
 * (e-mail control links) and conclude (answer download links) are given the forms secret
 * (infra/service-stack.ts); letters render in the `letters` function.
 */
export function workflowDepsFromEnv(identity?: (mail: MailAdapters) => IdentityVerifier): WorkflowDeps {
  const config = loadWorkflowConfig();
  const links = loadEmailControlConfig();
  const renderer = lambdaLetterRenderer(loadLetterConfig().functionName, config.region);
  return composeWorkflowDeps(config, loadMailConfig(), { clock: systemClock, ...(renderer ? { renderer } : {}), ...(links ? { links } : {}), ...(identity ? { identity } : {}) });
}
