import type { AnswerFileStore } from '#ports/channels.ts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { WorkflowConfig } from '#config/workflow-config.ts';
import type { EmailControlLinks } from '#ports/identity.ts';
import type { Clock, IdentityVerifier, Mailer, SubjectNotifier } from '#ports/cases.ts';
import { systemClock } from '#adapters/system.ts';
import { tenantRegistry, type TenantRegistry } from '#tenants/registry.ts';
import type { WorkflowDeps } from '#usecases/workflow/deps.ts';
import { withWebhookOutbox } from '#usecases/webhooks.ts';
import { DynamoCaseRepository } from './dynamodb/case-repository.ts';
import { FormTokenEmailControlLinks } from './forms/email-control-links.ts';
import { JoseFormTokens } from './forms/jose-form-tokens.ts';
import type { DownloadLinks } from './s3/answer-downloads.ts';
import { DynamoWebhookOutbox } from './dynamodb/webhook-outbox.ts';
import { withEscalationMetric } from './metrics/overdue-metric.ts';
import { MailerStaffAlerts } from './ses/staff-alerts.ts';
import { SesMailer } from './ses/mailer.ts';
import { SfnWorkflowEngine } from './sfn/workflow-engine.ts';

export interface WorkflowClients {
  readonly dynamo: DynamoDBClient;
  readonly mailer: Mailer;
  readonly sfn: SFNClient;
}

/** SDK clients for the workflow Lambdas, pointed at the stand-ins when the config names them. */
export function workflowClients(config: WorkflowConfig): WorkflowClients {
  return {
    dynamo: new DynamoDBClient({ region: config.region, ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}) }),
    mailer: new SesMailer(new SESv2Client({ region: config.region, ...(config.sesEndpoint ? { endpoint: config.sesEndpoint } : {}) })),
    sfn: new SFNClient({ region: config.region, ...(config.sfnEndpoint ? { endpoint: config.sfnEndpoint } : {}) }),
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
  };
}

/** E-mail control links signed with the web form's secret, pointing at its confirmation page. */
export function emailControlLinks(config: { readonly secret: string; readonly baseUrl: string | (() => string) }, clock: Clock = systemClock): EmailControlLinks {
  return new FormTokenEmailControlLinks(new JoseFormTokens(config.secret, { now: () => clock.now() }), config.baseUrl, clock);
}

/** Signed links to answer files, served by the web form's download route (S3AnswerDownloads). */
export function answerDownloadLinks(config: { readonly secret: string; readonly baseUrl: string | (() => string) }, clock: Clock = systemClock): DownloadLinks {
  return { tokens: new JoseFormTokens(config.secret, { now: () => clock.now() }), baseUrl: config.baseUrl };
}
