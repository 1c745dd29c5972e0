import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadMailConfig, type MailConfig } from '#config/mail-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import type { CaseRepository } from '#ports/cases.ts';
import { randomIds, systemClock } from '#adapters/system.ts';
import { tenantRegistry, type TenantRegistry } from '#tenants/registry.ts';
import type { InboundLedgerDeps } from '#usecases/process-inbound.ts';
import { DynamoCaseRepository, REFERENCE_BLOCK } from '#adapters/dynamodb/case-repository.ts';
import { DynamoInboundLedger } from '#adapters/dynamodb/inbound-ledger.ts';
import { DynamoWebhookOutbox } from '#adapters/dynamodb/webhook-outbox.ts';
import { withWebhookOutbox } from '#usecases/webhooks.ts';
import { awsClients, type AwsClients } from './clients.ts';
import { buildMailAdapters, type MailAdapters } from './mail.ts';
import { buildWorkflowEngine } from './workflow-engine.ts';
import { LazyMimeParser } from '#adapters/mail/lazy-mime-parser.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';
import { loadEmailControlConfig } from '#config/forms-config.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import { acknowledgementIdentityLink } from '#usecases/identity/email-control.ts';
import { FormTokenEmailControlLinks } from '#adapters/forms/email-control-links.ts';
import { lazyFormTokens } from '#adapters/forms/lazy-form-tokens.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import type { LetterRenderer } from '#ports/channels.ts';

// Kept apart from email-deps.ts so the API bundle never pulls in the MIME parser (and its charset tables).
/** The inbound e-mail handler's composition root (Lambda and the local SMTP listener alike). */
export function buildReceiveEmailDeps(
  config: MailConfig,
  tenants: TenantRegistry = tenantRegistry,
  aws: AwsClients = awsClients(config),
  options: {
    readonly emailControl?: { readonly secret: string; readonly baseUrl: string | (() => string) } | null;
    /** Letters for paper cases: a reply by e-mail that restarts a post case's period is answered with the new date on paper. */
    readonly renderer?: LetterRenderer;
  } = {},
): InboundLedgerDeps & MailAdapters {
  const dynamo = aws.get(DynamoDBClient, 'dynamodb');
  // SES and S3 are made on first use (client-source.ts): every SDK client made at init costs every cold start.
  const mailer = new SesMailer(() => import('@aws-sdk/client-sesv2').then(({ SESv2Client }) => aws.get(SESv2Client, 'ses')), config.sesConfigurationSet ? { configurationSet: config.sesConfigurationSet } : {});
  // Public events of partner cases written here (the subject's e-mailed answer, a restarted period and
  // its notice) owe the partner a webhook, as those written by the API and the workflow steps do.
  const repo: CaseRepository = withWebhookOutbox(new DynamoCaseRepository(dynamo, config.tableName, { referenceBlock: REFERENCE_BLOCK }), new DynamoWebhookOutbox(dynamo, config.tableName), systemClock);
  const adapters = buildMailAdapters(config, { dynamo, s3: () => import('@aws-sdk/client-s3').then(({ S3Client }) => aws.get(S3Client, 's3')), mailer }, tenants, options.renderer ? { renderer: options.renderer } : {});
  // The acknowledgement carries the e-mail control link where the rule accepts it (one e-mail per event).
  const identityLink = options.emailControl ? acknowledgementIdentityLink({
        links: new FormTokenEmailControlLinks(lazyFormTokens(options.emailControl.secret, { now: () => systemClock.now() }), options.emailControl.baseUrl, systemClock),
        settings: DEFAULT_WORKFLOW_SETTINGS,
      }) : undefined;
  return {
    ...adapters,
    tenants,
    repo,
    mailer,
    clock: systemClock,
    ids: randomIds,
    // postal-mime loads with the first message parsed: the minute's sweep usually parses none.
    parser: new LazyMimeParser(),
    ledger: new DynamoInboundLedger(dynamo, config.tableName),
    ...(identityLink ? { identityLink } : {}),
    ...(options.renderer ? { lettersOnPaper: true } : {}),
  };
}

/** The inbound function on AWS: the receipt rule's mail, the case workflows it starts. */
export function inboundFromEnv(): { deps: InboundLedgerDeps & MailAdapters & { workflows?: WorkflowEngine }; keyPrefix: string } {
  const config = loadMailConfig();
  const renderer = lambdaLetterRenderer(loadLetterConfig().functionName, config.region);
  const deps = buildReceiveEmailDeps(config, tenantRegistry, awsClients(config), { emailControl: loadEmailControlConfig(), ...(renderer ? { renderer } : {}) });
  return { deps: { ...deps, ...buildWorkflowEngine(loadWorkflowEngineConfig()) }, keyPrefix: config.inboundPrefix };
}
